using System.Text;
using System.Text.Json.Nodes;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Detection;
using CxLive.Simulator;

namespace CxLive.Tests.Unit.Simulator;

/// <summary>The simulator's recorded journeys (the benchmark's <c>simulate ndjson</c>) are what the back-test API reads, with a label for every injected case.</summary>
public sealed class SimulateCommandTests
{
    [Fact]
    public void Recorded_journeys_parse_as_ingest_ndjson_and_every_injected_case_has_a_label()
    {
        var start = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        var (interactions, labels) = (new StringWriter(), new StringWriter());

        var generator = new JourneyGenerator(new SimulatorOptions { Customers = 200, SessionsPerSecond = 5, Seed = 7, BadExperienceRate = 0.3, IdPrefix = "sim7" }, start, CustomerDetectors.Catalogue().BurstExamples);

        var (count, cases) = JourneyRecording.Write(generator, start.AddSeconds(600), interactions, labels);

        var parsed = BatchParser.ParseNdjson(Encoding.UTF8.GetBytes(interactions.ToString()), ItemRules.Recorded(start.AddHours(1), new IngestionOptions()), 100_000);
        Assert.Equal(count, parsed.Valid.Count);
        Assert.Empty(parsed.Rejected);
        var labelled = labels.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(cases, labelled.Count);
        Assert.True(cases > 100, $"only {cases} injected cases in 10 minutes at 5 sessions/s");
        var ids = parsed.Valid.Select(i => i.Id).ToHashSet();
        Assert.All(labelled, l => Assert.All(l["interactions"]!.AsArray(), id => Assert.Contains((string)id!, ids)));
    }
}
