using BenchmarkDotNet.Attributes;
using CxLive.Benchmarks;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Simulator;

namespace CxLive.Benchmarks.Micro;

/// <summary>
/// The whole detector catalogue and the experience score on simulated journeys, per interaction:
/// ordinary traffic (no rule speaks) and traffic where 30 % of sessions hold a bad experience.
/// Baseline: the least a keyed stateful job does per event, looking the customer up and keeping
/// its last 50 interactions, with no detection at all.
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private CustomerDetectors _detectors = null!;
    private RuleBook _rules = null!;
    private List<Interaction> _ordinary = [];
    private List<Interaction> _troubled = [];

    [GlobalSetup]
    public void Setup()
    {
        _detectors = CustomerDetectors.Catalogue();
        _rules = RuleBook.Defaults(_detectors.Definitions);
        _ordinary = Journeys(0);
        _troubled = Journeys(0.3);
    }

    private static List<Interaction> Journeys(double badRate)
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        return [.. new JourneyGenerator(new SimulatorOptions { Customers = 500, SessionsPerSecond = 500 / 60.0, BadExperienceRate = badRate, Seed = 5 }, start, CustomerDetectors.Catalogue().BurstExamples)
            .Advance(start.AddMinutes(30)).Select(g => g.Interaction).Take(20_000)];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 20_000, Description = "keyed state only (last 50 per customer), per interaction")]
    public int KeyedStateOnly()
    {
        var state = new Dictionary<string, Queue<Interaction>>();
        foreach (var interaction in _ordinary)
        {
            if (!state.TryGetValue(interaction.CustomerId, out var timeline))
            {
                state[interaction.CustomerId] = timeline = new Queue<Interaction>();
            }

            if (timeline.Count == 50)
            {
                timeline.Dequeue();
            }

            timeline.Enqueue(interaction);
        }

        return state.Count;
    }

    [Benchmark(OperationsPerInvoke = 20_000, Description = "catalogue, ordinary traffic, per interaction")]
    public int Ordinary() => new DetectionReplay(_detectors, _rules).Run(_ordinary, _ordinary[^1].Timestamp).Count;

    [Benchmark(OperationsPerInvoke = 20_000, Description = "catalogue, 30 % bad sessions, per interaction")]
    public int Troubled() => new DetectionReplay(_detectors, _rules).Run(_troubled, _troubled[^1].Timestamp).Count;
}
