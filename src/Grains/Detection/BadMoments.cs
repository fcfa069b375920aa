using CxLive.Contracts.Journeys;

namespace CxLive.Grains.Detection;

/// <summary>
/// What counts as a bad moment at a touchpoint: the same moments the customer rules react to, so a
/// touchpoint's failure rate rises when its customers' alerts do (a search that finds nothing is a
/// failure even when the search engine answered "success").
/// </summary>
public static class BadMoments
{
    /// <summary>A <c>search</c> with 0 results, or one whose outcome is failure or abandoned.</summary>
    public static bool IsFailedSearch(Interaction interaction) =>
        interaction.Type == InteractionTypes.Search && (interaction.Failed || interaction.Score == 0);

    /// <summary>
    /// A failure of the touchpoint: a failed search, an <c>error</c>, or any interaction whose outcome
    /// is failure or abandoned. An agent's <c>outreach</c> report is not: an unreachable customer is
    /// not the touchpoint failing.
    /// </summary>
    public static bool IsTouchpointFailure(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Outreach => false,
        InteractionTypes.Error => true,
        _ => interaction.Failed || IsFailedSearch(interaction),
    };
}
