namespace CxLive.Contracts.Journeys;

/// <summary>The stage of the customer journey an interaction belongs to.</summary>
public enum JourneyStage
{
    Discover,
    Research,
    Purchase,
    Receive,
    Service,
    Share,
}
