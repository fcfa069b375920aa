using System.Collections.Immutable;

namespace CxLive.Contracts.Journeys;

/// <summary>How a moment of the journey felt to the customer: the colour of its result on the pages.</summary>
public enum StoryTone
{
    Good,
    Neutral,
    Bad,
}
