namespace CxLive.Dashboard.Api;

/// <summary>One group's figures over one UTC day of raising.</summary>
public sealed record PainPointDay(DateOnly Day, PainPointFigures Figures);
