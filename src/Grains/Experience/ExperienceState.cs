using CxLive.Contracts.Journeys;

namespace CxLive.Grains.Experience;

/// <summary>A customer's experience score and the valences of the current episode, with its bad moments' ids and the latest one's place (Orleans binary serializer).</summary>
[GenerateSerializer, Alias("cx.ExperienceState")]
public sealed class ExperienceState
{
    public const int MaxMoments = 32;

    [Id(0)] public double Score { get; set; } = ExperienceModel.Neutral;
    [Id(1)] public DateTimeOffset? ScoredAt { get; set; }
    [Id(2)] public double Baseline { get; set; } = ExperienceModel.Neutral;
    [Id(3)] public DateTimeOffset? EpisodeLast { get; set; }
    [Id(4)] public List<double> Moments { get; set; } = [];

    /// <summary>
    /// Beside <see cref="Moments"/>, one for one: the id of each bad moment (negative valence) and
    /// null for the others; null until the episode has a bad one. An experience drop names these as
    /// its evidence, not the moment that tipped the score, which may be a good one weighing an
    /// episode of bad ones in full (opening a push after a complaint and a contact).
    /// </summary>
    [Id(5)] public List<string?>? BadMomentIds { get; set; }

    /// <summary>The episode's latest bad moment, what and where; null while it has none.</summary>
    [Id(6)] public BadMomentPlace? LatestBad { get; set; }

    /// <summary>The ids of the episode's latest bad moments, oldest first, at most <paramref name="most"/>.</summary>
    public IEnumerable<string> LatestBadMoments(int most) => BadMomentIds?.OfType<string>().TakeLast(most) ?? [];

    /// <summary>Adds a moment to the episode, dropping the oldest past <see cref="MaxMoments"/>.</summary>
    internal void Add(double valence, Interaction interaction)
    {
        Moments.Add(valence);
        var bad = valence < 0;
        if (bad)
        {
            LatestBad = BadMomentPlace.Of(interaction);
            // Aligned from the start: states written before this list existed have none.
            BadMomentIds ??= [.. Enumerable.Repeat<string?>(null, Moments.Count - 1)];
        }

        BadMomentIds?.Add(bad ? interaction.Id : null);
        if (Moments.Count > MaxMoments)
        {
            Moments.RemoveAt(0);
            BadMomentIds?.RemoveAt(0);
        }
    }

    /// <summary>A new episode: no moments yet.</summary>
    internal void Clear()
    {
        Moments.Clear();
        BadMomentIds = null;
        LatestBad = null;
    }
}
