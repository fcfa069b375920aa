namespace CxLive.Grains.Experience;

/// <summary>A customer's experience score and the valences of the current episode (Orleans binary serializer).</summary>
[GenerateSerializer, Alias("cx.ExperienceState")]
public sealed class ExperienceState
{
    public const int MaxMoments = 32;

    [Id(0)] public double Score { get; set; } = ExperienceModel.Neutral;
    [Id(1)] public DateTimeOffset? ScoredAt { get; set; }
    [Id(2)] public double Baseline { get; set; } = ExperienceModel.Neutral;
    [Id(3)] public DateTimeOffset? EpisodeLast { get; set; }
    [Id(4)] public List<double> Moments { get; set; } = [];
}
