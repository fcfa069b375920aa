namespace CxLive.Dashboard.Api;

/// <summary>
/// One group's figures over one UTC day, or over the whole window. A customer's alert is one of
/// recovered, lost, still open, or closed with the outage that absorbed it (outcome unknown), so
/// the four add up to what was raised; a touchpoint's own alerts are open or not.
/// </summary>
public sealed record PainPointFigures(
    int Raised,
    int Customers,
    int Recovered,
    int Lost,
    int Open,
    int OutcomeUnknown,
    double? MeanMinutesToAcknowledge,
    double? MeanMinutesToResolve);
