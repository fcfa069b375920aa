using System.Globalization;
using CxLive.Alerts;

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

    /// <summary>The same span in Chinese ("4 分钟"): the alert's <see cref="AlertLanguages.Chinese"/> text.</summary>
    public static string SpanZh(TimeSpan span) => span switch
    {
        { TotalSeconds: < 60 } => $"{Math.Max(0, (int)span.TotalSeconds)} 秒",
        { TotalMinutes: < 60 } => $"{(int)span.TotalMinutes} 分钟",
        { TotalHours: < 48 } => span.Minutes == 0 ? $"{(int)span.TotalHours} 小时" : $"{(int)span.TotalHours} 小时 {span.Minutes} 分钟",
        _ => $"{(int)span.TotalDays} 天",
    };

    /// <summary>“a”、“b”、“c”: Chinese quotes and the enumeration comma.</summary>
    public static string QuotedZh(IEnumerable<string?> values, int most = 5) =>
        string.Join("、", values.OfType<string>().Distinct().Take(most).Select(v => $"“{v}”"));

    /// <summary>a、b、c: distinct, in order.</summary>
    public static string ListZh(IEnumerable<string?> values) => string.Join("、", values.OfType<string>().Distinct());
}
