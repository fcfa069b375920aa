namespace CxLive.Dashboard.Api;

/// <summary>One group's figures over one UTC day, or over the whole window.</summary>
public sealed record PainPointFigures(
    int Raised,
    int Customers,
    int Recovered,
    int Lost,
    double? MeanMinutesToAcknowledge,
    double? MeanMinutesToResolve);
