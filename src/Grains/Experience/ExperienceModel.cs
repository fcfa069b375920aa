using System.Collections.Frozen;
using CxLive.Contracts.Journeys;
using static CxLive.Contracts.Journeys.InteractionTypes;

namespace CxLive.Grains.Experience;

/// <summary>
/// The peak-end experience score (Kahneman): people remember an experience by its most intense
/// moment and its end, not its average. Pure: the caller gives the time.
/// <list type="bullet">
/// <item>Each interaction has a valence from -10 to +10 (<see cref="Valence"/>).</item>
/// <item>An episode (interactions less than <c>EpisodeGap</c> apart) makes an impression:
/// 0.4 × peak (the most intense moment, signed) + 0.4 × end (mean of the last 3) + 0.2 × mean,
/// weighed by min(1, moments / 5): one moment is a hint, five are an experience; but a good moment
/// never lowers the score, a bad one never raises it, and one of no valence leaves it.</item>
/// <item>Score = baseline + 4 × weighed impression, clamped to 0–100 (an episode moves it 40 points
/// at most), where the baseline is the previous score drifted toward 50 by the time since
/// (half-life). A new customer starts at 50.</item>
/// </list>
/// Calibrated so one bad incident (a complaint, a long wait, three failed searches) leaves the score
/// above 40 — those have rules of their own — while a sustained or repeated bad experience goes below.
/// </summary>
public sealed class ExperienceModel
{
    public const double Neutral = 50;
    private const int EndMoments = 3;
    private const double FullWeightMoments = 5;
    private const double Scale = 4;

    private static readonly FrozenDictionary<string, double> Defaults = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Search] = 1, [Search + ":failure"] = -3, [Search + ":no-results"] = -3,
        [PageView] = 0.5, [ProductView] = 1, [RecommendationClicked] = 2, [RecommendationRejected] = -2,
        [AddToCart] = 2, [Checkout] = 1, [Payment] = 2, [Payment + ":failure"] = -5,
        [OrderPlaced] = 5, [OrderStatus] = 1, [OrderStatus + ":failure"] = -4, [Delivery] = 4, [Delivery + ":failure"] = -7,
        [Complaint] = -8, [ComplaintReply] = 4, [Contact] = -1, [Callback] = 3, [Outreach] = 4,
        // An agent's call she did not take, or help she declined, is not a bad moment of hers: at -1 a
        // voicemail tipped a low score under the line, and the wall said "new: experience drop".
        [Outreach + ":failure"] = 0,
        [ServiceVisit] = 2, [ServiceVisit + ":failure"] = -6,
        [PushOpened] = 1, [PushDismissed] = -2, [Unsubscribe] = -5,
        [PointsRedemption] = 3, [PointsRedemption + ":failure"] = -4, [Error] = -5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, double> _valences;
    private readonly ExperienceOptions _options;

    public ExperienceModel(ExperienceOptions? options = null)
    {
        _options = options ?? new ExperienceOptions();
        var table = new Dictionary<string, double>(Defaults, StringComparer.Ordinal);
        foreach (var (key, value) in _options.Valences)
        {
            table[key] = Math.Clamp(value, -10, 10);
        }

        _valences = table.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>
    /// How the moment felt, -10 to +10. Failed or abandoned interactions look up <c>type:failure</c>;
    /// a search with no results <c>search:no-results</c>; queue waits cost a point a minute past the
    /// first (at most 10); surveys map NPS (0–10) and CSAT (1–5) onto the scale. Unknown types are 0.
    /// </summary>
    public double Valence(Interaction interaction) => interaction.Type switch
    {
        QueueWait => interaction.Outcome == Outcome.Abandoned ? -8 : -Math.Clamp(((interaction.Score ?? 0) - 60) / 60, 0, 10),
        // Read on the scale the detractor rule reads (none given: NPS), or a scale-less 0 was a detractor here and neutral there.
        Survey when interaction.Score is { } score => SurveyScales.Of(interaction) switch
        {
            SurveyScales.Nps => Math.Clamp((score - 7.5) * 2, -10, 10),
            SurveyScales.Csat => Math.Clamp((score - 3.5) * 4, -10, 10),
            _ => 0,
        },
        Search when interaction.Score == 0 && !interaction.Failed => Lookup(Search + ":no-results"),
        _ => interaction.Failed ? Lookup(interaction.Type + ":failure") ?? -Math.Abs(Lookup(interaction.Type) ?? 3) : Lookup(interaction.Type),
    } ?? 0;

    /// <summary>Adds the moment to the customer's current episode and recomputes the score.</summary>
    public void Record(ExperienceState state, Interaction interaction)
    {
        var at = interaction.Timestamp;
        if (state.EpisodeLast is not { } last || at - last > _options.EpisodeGap)
        {
            state.Baseline = ScoreAt(state, at);
            state.Clear();
        }

        if (state.EpisodeLast is null || at > state.EpisodeLast)
        {
            state.EpisodeLast = at;
        }

        state.Add(Valence(interaction), interaction);

        // Peak (most intense, signed; the first of equals), end (mean of the last few) and mean, in one pass.
        var moments = state.Moments;
        double peak = 0, sum = 0, endSum = 0;
        var endFrom = Math.Max(0, moments.Count - EndMoments);
        for (var i = 0; i < moments.Count; i++)
        {
            var moment = moments[i];
            peak = Math.Abs(moment) > Math.Abs(peak) ? moment : peak;
            sum += moment;
            endSum += i >= endFrom ? moment : 0;
        }

        var end = endSum / (moments.Count - endFrom);
        var impression = (0.4 * peak) + (0.4 * end) + (0.2 * sum / moments.Count);
        var weight = Math.Min(1, moments.Count / FullWeightMoments);
        var score = Math.Clamp(state.Baseline + (Scale * weight * impression), 0, 100);
        // A good moment never lowers the score and a bad one never raises it: more moments weigh the
        // episode more fully, and without this a page view or an answered complaint after a
        // complaint sank the score, so a good moment could fire experience-drop.
        var before = moments.Count == 1 ? state.Baseline : state.Score;
        var valence = moments[^1];
        state.Score = valence > 0 ? Math.Max(score, before) : valence < 0 ? Math.Min(score, before) : before;
        state.ScoredAt = at;
    }

    /// <summary>The score as remembered at <paramref name="now"/>: drifted toward neutral since it was last scored.</summary>
    public double ScoreAt(ExperienceState state, DateTimeOffset now)
    {
        if (state.ScoredAt is not { } scoredAt || now <= scoredAt)
        {
            return state.ScoredAt is null ? Neutral : state.Score;
        }

        var halves = (now - scoredAt) / _options.HalfLife;
        return Neutral + ((state.Score - Neutral) * Math.Pow(0.5, halves));
    }

    private double? Lookup(string key) => _valences.TryGetValue(key, out var value) ? value : null;
}
