namespace CxLive.Contracts.Journeys;

/// <summary>
/// The scales a <c>survey</c>'s score is read on (attribute <c>scale</c>): <c>nps</c> 0–10 and
/// <c>csat</c> 1–5. A survey without a scale is read as NPS, the default; a survey without a score,
/// with another scale, or with a score outside its scale is rejected at ingestion, so no answer is
/// accepted that could never be judged.
/// </summary>
public static class SurveyScales
{
    public const string Nps = "nps";
    public const string Csat = "csat";
    public const string Default = Nps;

    /// <summary>The scale the survey is read on, lower-case (the default when none is given).</summary>
    public static string Of(Interaction interaction) => interaction.Attribute("scale")?.ToLowerInvariant() ?? Default;

    /// <summary>
    /// Why a survey's answer may be read otherwise than meant (field: reason), or null: one from 3 to 5
    /// with no scale is read as NPS (the default), where it is a low score, though as CSAT a 4 or 5 is
    /// a happy customer. 1 and 2 are low on either scale, and 0 or 6-10 can only be NPS.
    /// </summary>
    public static string? Ambiguity(double? score, string? scaleAttribute) =>
        scaleAttribute is null && score is >= 3 and <= 5
            ? $"attributes.scale: not given, so the answer {score} is read on the {Default} scale (0-10), where it is a low score; if it is a {Csat} answer (1-5), send \"scale\": \"{Csat}\""
            : null;

    /// <summary>Why a survey's score cannot be read (field: reason), or null when it can.</summary>
    public static string? Problem(double? score, string? scaleAttribute)
    {
        var scale = scaleAttribute?.ToLowerInvariant() ?? Default;
        var (least, most) = scale switch
        {
            Nps => (0, 10),
            Csat => (1, 5),
            _ => (double.NaN, double.NaN),
        };
        if (double.IsNaN(least))
        {
            return $"attributes.scale: must be {Nps} (0-10) or {Csat} (1-5); without one, {Default} is assumed";
        }

        if (score is not { } value)
        {
            return $"score: a survey needs its answer as score ({scale}: {least}-{most})";
        }

        return value < least || value > most ? $"score: must be from {least} to {most} on the {scale} scale" : null;
    }
}
