using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// One moment a burst detector keeps: something that went wrong (<see cref="Bad"/>) or a sign that
/// things went well, with what an alert needs to tell the story (a query, an order id).
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.BurstMark")]
public readonly record struct BurstMark(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string InteractionId,
    [property: Id(2)] bool Bad,
    [property: Id(3)] string? Label,
    [property: Id(4)] string Touchpoint,
    [property: Id(5)] JourneyStage? Stage,
    [property: Id(6)] Channel Channel,
    [property: Id(7)] string? Type = null) // a good moment's type, for the words of the resolve it may bring (kept only on good marks)
{
    /// <summary>The mark of <paramref name="interaction"/>, where it happened, with the words that tell it.</summary>
    public static BurstMark Of(Interaction interaction, bool bad, string? label) =>
        new(interaction.Timestamp, interaction.Id, bad, label, interaction.Touchpoint, interaction.Stage, interaction.Channel, bad ? null : interaction.Type);
}
