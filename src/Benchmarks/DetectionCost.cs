using System.Diagnostics;
using CxLive.Grains.Detection;
using CxLive.Simulator;

namespace CxLive.Benchmarks;

/// <summary>
/// What detection costs per interaction: the whole catalogue (and the experience score) over
/// simulated journeys, through the same replay back-tests use, single-threaded. Reports the
/// median of several runs, in nanoseconds and bytes allocated per interaction.
/// </summary>
public static class DetectionCost
{
    public static int Run(int customers, int hours, int runs, double badRate)
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var detectors = CustomerDetectors.Catalogue();
        var interactions = new JourneyGenerator(new SimulatorOptions { Customers = customers, SessionsPerSecond = customers / 60.0, BadExperienceRate = badRate, Seed = 5 }, start, detectors.BurstExamples)
            .Advance(start.AddHours(hours)).Select(g => g.Interaction).ToList();
        var rules = RuleBook.Defaults(detectors.Definitions);

        var results = new List<(double Nanoseconds, double Bytes, int Signals)>();
        for (var run = 0; run <= runs; run++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var signals = new DetectionReplay(detectors, rules).Run(interactions, interactions[^1].Timestamp);
            clock.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (run > 0)
            {
                results.Add((clock.Elapsed.TotalNanoseconds / interactions.Count, (double)allocated / interactions.Count, signals.Count));
            }
        }

        var median = results.OrderBy(r => r.Nanoseconds).ElementAt(results.Count / 2);
        Console.WriteLine(
            $"detect: {interactions.Count} interactions, {customers} customers, bad-experience rate {badRate}, {median.Signals} signals; " +
            $"median of {runs} runs: {median.Nanoseconds:F0} ns and {median.Bytes:F0} B allocated per interaction " +
            $"(runs: {string.Join(" · ", results.Select(r => $"{r.Nanoseconds:F0} ns"))})");
        return 0;
    }
}
