using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CxLive.Benchmarks;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Detection;
using CxLive.Simulator;

namespace CxLive.Benchmarks.Micro;

/// <summary>
/// The ingest parser on a 1,000-interaction JSON batch from the simulator: time and allocation per
/// interaction. Baseline: System.Text.Json deserializing the same array into the same records,
/// with no validation, no per-item errors and no limits.
/// </summary>
[MemoryDiagnoser]
public class IngestParserBenchmarks
{
    private const int Items = 1000;
    private byte[] _json = [];
    private byte[] _ndjson = [];
    private ItemRules _rules;

    [GlobalSetup]
    public void Setup()
    {
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        var interactions = new JourneyGenerator(new SimulatorOptions { Customers = 2000, SessionsPerSecond = 50, Seed = 3 }, start, CustomerDetectors.Catalogue().BurstExamples)
            .Advance(start.AddMinutes(30)).Take(Items).Select(g => g.Interaction).ToList();
        _json = JsonSerializer.SerializeToUtf8Bytes(interactions, CxJson.Options);
        _ndjson = Encoding.UTF8.GetBytes(string.Join('\n', interactions.Select(i => JsonSerializer.Serialize(i, CxJson.Options))));
        _rules = ItemRules.At(DateTimeOffset.UtcNow, new IngestionOptions());
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Items, Description = "System.Text.Json, JSON array, per interaction")]
    public int Deserialize() => JsonSerializer.Deserialize<List<Interaction>>(_json, CxJson.Options)!.Count;

    [Benchmark(OperationsPerInvoke = Items, Description = "JSON array, per interaction")]
    public int ParseJson() => BatchParser.ParseJson(_json, _rules, Items).Valid.Count;

    [Benchmark(OperationsPerInvoke = Items, Description = "NDJSON, per interaction")]
    public int ParseNdjson() => BatchParser.ParseNdjson(_ndjson, _rules, Items).Valid.Count;
}
