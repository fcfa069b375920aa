using System.Globalization;

namespace CxLive.Detection;

/// <summary>Small wording helpers so every alert reads the same way ("in 4 min", "'a', 'b'").</summary>
public static class Phrases
{
    public static string Span(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)span.TotalSeconds)} s",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} min",
        { TotalHours: < 48 } => span.Minutes == 0 ? $"{(int)span.TotalHours} h" : $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} days",
    };

    /// <summary>'a', 'b', 'c' — distinct, in order, at most <paramref name="most"/> of them.</summary>
    public static string Quoted(IEnumerable<string?> values, int most = 5) =>
        string.Join(", ", values.OfType<string>().Distinct().Take(most).Select(v => $"'{v}'"));

    public static string Count(int n, string singular, string plural) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? singular : plural)}");
}
