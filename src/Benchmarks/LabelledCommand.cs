using System.Globalization;
using CxLive.Evaluation;

namespace CxLive.Benchmarks;

/// <summary><c>labelled &lt;journeys.json&gt; [base-url]</c>: <see cref="LabelledJourneys"/> judged and printed, in process or by a running CxLive.</summary>
public static class LabelledCommand
{
    /// <summary><c>labelled &lt;journeys.json&gt; [base-url]</c>: every journey's verdict and the figures, in process or against a running CxLive.</summary>
    public static async Task<int> RunAsync(string path, Uri? url)
    {
        List<LabelledJourneys.Verdict> verdicts = [];
        if (url is null)
        {
            verdicts = [.. LabelledJourneys.Load(path).Select(LabelledJourneys.JudgeHere)];
        }
        else
        {
            // Moved to the last days, so the server's limit on old events lets them in.
            using var http = new HttpClient { BaseAddress = url };
            var start = new DateTimeOffset(DateTimeOffset.UtcNow.Date.AddDays(-6), TimeSpan.Zero);
            foreach (var journey in LabelledJourneys.Load(path, start))
            {
                verdicts.Add(await LabelledJourneys.JudgeAtAsync(http, journey));
            }
        }

        Console.WriteLine($"labelled: {verdicts.Count} journeys from {path}, judged {(url is null ? "in process (this build)" : "by " + url)}");
        Console.WriteLine("| journey | label | raised | cards | as labelled |");
        Console.WriteLine("| --- | --- | --- | ---: | --- |");
        foreach (var v in verdicts)
        {
            Console.WriteLine($"| {v.Journey.Id} | {Rules(v.Journey.Expect)} | {Rules(v.Raised)} | {v.Cards} | {(v.AsLabelled ? "yes" : "**no**")} |");
        }

        var f = LabelledJourneys.Add(verdicts);
        Console.WriteLine();
        Console.WriteLine($"journeys: {f.Journeys} ({f.ShouldAlert} should alert); as labelled: {f.AsLabelled}");
        Console.WriteLine($"journey recall {f.Caught}/{f.ShouldAlert} = {Percent(f.Recall)}; journey precision {f.AlertedRightly}/{f.Alerted} = {Percent(f.Precision)} ({f.FalseAlarms} false alarms)");
        Console.WriteLine($"rule recall {f.RightPairsOfExpected}/{f.ExpectedPairs} = {Percent(f.RuleRecall)}; rule precision {f.RightPairs}/{f.RaisedPairs} = {Percent(f.RulePrecision)}");
        Console.WriteLine($"cards {f.Cards} for {f.Alerted} alerting journeys; journeys with 2+ cards: {verdicts.Count(v => v.Cards > 1)}");
        return 0;
    }

    private static string Rules(IEnumerable<string> rules) => rules.Any() ? string.Join(", ", rules) : "—";

    private static string Percent(double value) => (value * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";
}
