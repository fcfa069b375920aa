namespace CxLive.Dashboard.Api;

/// <summary>
/// One group's figures over one UTC day, or over the whole window. A customer's alert is one of
/// recovered, lost, still open, or closed with the outage that absorbed it (outcome unknown), so
/// the four add up to what was raised; a touchpoint's own alerts are still open or <see cref="Ended"/>,
/// so with them the five add up (an app/search group of 12 once read 8 recovered, 3 closed with an
/// outage, and the outage itself nowhere).
/// </summary>
public sealed record PainPointFigures(
    int Raised,
    int Customers,
    int Recovered,
    int Lost,
    int Open,
    int OutcomeUnknown,
    int Ended,
    double? MeanMinutesToAcknowledge,
    double? MeanMinutesToResolve);
