using CxLive.Contracts.Journeys;

namespace CxLive.Grains.Experience;

/// <summary>What the episode's latest bad moment was and where: an experience drop is told by it.</summary>
[GenerateSerializer, Immutable, Alias("cx.BadMomentPlace")]
public sealed record BadMomentPlace(
    [property: Id(0)] string Type,
    [property: Id(1)] string Touchpoint,
    [property: Id(2)] JourneyStage? Stage)
{
    public static BadMomentPlace Of(Interaction interaction) => new(interaction.Type, interaction.Touchpoint, interaction.Stage);
}
