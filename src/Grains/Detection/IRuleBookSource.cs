namespace CxLive.Grains.Detection;

/// <summary>Where a grain reads the rules in force. Read per batch, so a new book applies to the next evaluation.</summary>
public interface IRuleBookSource
{
    RuleBook Current { get; }
}
