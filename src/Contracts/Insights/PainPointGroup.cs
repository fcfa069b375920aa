namespace CxLive.Contracts.Insights;

/// <summary>What a pain-points report groups alerts by.</summary>
public enum PainPointGroup
{
    Rule,
    Touchpoint,
    Stage,
    Channel,
}
