namespace CxLive.Contracts.Journeys;

/// <summary>
/// What an interaction's <c>score</c> means for the types whose score has a meaning, and the values it
/// cannot take: results of a <c>search</c> (a whole number, 0 or more), seconds of a <c>queue-wait</c>
/// (0 to 30 days), the answer of a <c>survey</c> on its scale (<see cref="SurveyScales"/>). Rejected at
/// ingestion, so a timeline never tells "searched — -3 results" or "waited 0 s" for -100 s.
/// </summary>
public static class ScoreMeanings
{
    /// <summary>
    /// The longest queue-wait a score may say: 30 days. Longer is a unit mistake (milliseconds,
    /// a timestamp), not a wait, and past ~29,000 years it overflowed every reader of it.
    /// </summary>
    public const double MostQueueWaitSeconds = 30 * 24 * 3600;

    /// <summary>Why the score cannot be read for this type (field: reason), or null when it can.</summary>
    public static string? Problem(string type, double? score, string? scaleAttribute) => type switch
    {
        InteractionTypes.Survey => SurveyScales.Problem(score, scaleAttribute),
        InteractionTypes.Search when score is { } results && (results < 0 || results != Math.Floor(results)) =>
            "score: a search's score is its number of results, a whole number from 0",
        InteractionTypes.QueueWait when score is < 0 or > MostQueueWaitSeconds =>
            "score: a queue-wait's score is the seconds waited, from 0 to 2592000 (30 days)",
        _ => null,
    };
}
