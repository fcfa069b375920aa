using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Simulator;

namespace CxLive.Evaluation;

/// <summary>
/// How right detection is on simulated ground truth: journeys with labelled bad experiences run
/// through the real catalogue (the replay back-tests use), then per rule — recall: injected cases
/// that raised their rule's alert for that customer; precision: raised alerts that answer an
/// injected case. <c>experience-drop</c> is injected by nothing (it is the sum of bad moments): it
/// counts as right when its customer had some injected bad experience.
/// </summary>
public static class DetectionQuality
{
    public sealed record RuleQuality(string RuleId, int Injected, int Caught, int Raised, int Right)
    {
        public double? Recall => Injected == 0 ? null : (double)Caught / Injected;
        public double? Precision => Raised == 0 ? null : (double)Right / Raised;
    }

    /// <summary>
    /// Cases that start in the first <paramref name="judged"/> are judged; the journeys run a quarter
    /// hour longer so each can play out, and time runs on 4 days so every deadline rule speaks. With
    /// <paramref name="scriptedBursts"/> false, every burst rule is injected from its example (as a new one is).
    /// </summary>
    public static List<RuleQuality> Measure(int seed, int customers = 2000, double badRate = 0.3, TimeSpan? judged = null, bool scriptedBursts = true)
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var cutOff = start + (judged ?? TimeSpan.FromHours(1));
        var detectors = CustomerDetectors.Catalogue();
        var options = new SimulatorOptions { Seed = seed, Customers = customers, BadExperienceRate = badRate, ScriptedBursts = scriptedBursts };
        var generated = new JourneyGenerator(options, start, detectors.BurstExamples).Advance(cutOff.AddMinutes(15));
        var signals = new DetectionReplay(detectors, RuleBook.Defaults(detectors.Definitions)).Run(generated.Select(g => g.Interaction), cutOff.AddDays(4));

        var raised = signals.Where(s => s.Kind == SignalKind.Raise && s.CustomerId is not null).Select(s => (CustomerId: s.CustomerId!, s.RuleId)).ToHashSet();
        var injected = generated.Where(g => g.Injected is not null).ToList();
        var injectedAny = injected.Select(g => (g.Interaction.CustomerId, g.Injected!.RuleId)).ToHashSet();
        var judgedCases = injected.GroupBy(g => g.Injected!.CaseId)
            .Where(c => c.Min(g => g.Interaction.Timestamp) < cutOff)
            .Select(c => (c.First().Interaction.CustomerId, c.First().Injected!.RuleId)).ToHashSet();
        var hurt = injectedAny.Select(i => i.CustomerId).ToHashSet();

        return [.. detectors.Definitions.Select(d => d.RuleId).Where(r => r != TouchpointDegradationDetector.RuleId && r != TouchpointSilenceDetector.RuleId).Order().Select(rule =>
        {
            var cases = judgedCases.Where(c => c.RuleId == rule).ToList();
            var alerts = raised.Where(r => r.RuleId == rule).ToList();
            var right = rule == ExperienceDropDetector.RuleId ? alerts.Count(a => hurt.Contains(a.CustomerId)) : alerts.Count(injectedAny.Contains);
            return new RuleQuality(rule, cases.Count, cases.Count(raised.Contains), alerts.Count, right);
        })];
    }

    /// <summary>The figures as a Markdown table (docs/benchmark-log.md's), one row per rule.</summary>
    public static IEnumerable<string> Table(IEnumerable<RuleQuality> quality)
    {
        yield return "| rule | injected | caught | recall | raised | right | precision |";
        yield return "| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
        foreach (var q in quality)
        {
            yield return $"| {q.RuleId} | {q.Injected} | {q.Caught} | {Percent(q.Recall)} | {q.Raised} | {q.Right} | {Percent(q.Precision)} |";
        }
    }

    private static string Percent(double? value) => value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v * 100:F1} %") : "—";
}
