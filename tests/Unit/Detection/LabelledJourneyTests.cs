using System.Collections.Immutable;
using CxLive.Evaluation;
using CxLive.Grains.Detection;
using Xunit.Abstractions;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// Hand-labelled journeys (tests/Unit/Data/hand-labelled-journeys.json), written from real pain
/// points, run through the real detectors and alert book in event time (a back-test: no Orleans).
/// A journey CxLive gets right must raise exactly the labelled rules on one card (none when it
/// should not alert); one it gets wrong must do exactly what the file says it does, so a change to
/// either shows here, and the figures in docs/benchmark-log.md stay true.
/// </summary>
public sealed class LabelledJourneyTests(ITestOutputHelper output)
{
    private static readonly Lazy<List<LabelledJourneys.Journey>> All = new(() => LabelledJourneys.Load(PathOfData()));

    public static TheoryData<string> Ids => [.. All.Value.Select(j => j.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_journey_raises_what_its_label_says_or_exactly_what_the_file_says_CxLive_gets_wrong(string id)
    {
        var journey = All.Value.Single(j => j.Id == id);
        var verdict = LabelledJourneys.JudgeHere(journey);
        var said = $"{id}: raised [{string.Join(", ", verdict.Raised)}] on {verdict.Cards} card(s); label [{string.Join(", ", journey.Expect)}]";
        output.WriteLine(said);

        if (journey.Product is not { } wrong)
        {
            Assert.True(verdict.AsLabelled, said);
            return;
        }

        Assert.False(verdict.AsLabelled, $"{said}: CxLive now does as labelled; remove the journey's 'product'");
        ImmutableArray<string> raises = wrong.Raises is { } r ? r : [.. journey.Expect.Order(StringComparer.Ordinal)];
        Assert.Equal(raises.Order(StringComparer.Ordinal), verdict.Raised);
        Assert.Equal(wrong.Cards ?? (journey.ShouldAlert ? 1 : 0), verdict.Cards);
    }

    [Fact]
    public void There_are_thirty_or_more_journeys_with_both_labels_and_every_rule_a_person_expects_exists_or_is_any()
    {
        var journeys = All.Value;
        Assert.True(journeys.Count >= 30, $"{journeys.Count} journeys");
        Assert.Contains(journeys, j => !j.ShouldAlert);
        Assert.Equal(journeys.Count, journeys.Select(j => j.Id).Distinct().Count());
        var rules = CustomerDetectors.Catalogue().Definitions.Select(d => d.RuleId).Append(LabelledJourneys.AnyRule).ToHashSet();
        Assert.All(journeys.SelectMany(j => j.Expect), r => Assert.Contains(r, rules));
    }

    /// <summary>The figures docs/benchmark-log.md reports ("Hand-labelled journeys").</summary>
    [Fact]
    public void Precision_and_recall_over_the_journeys_are_those_in_the_benchmarks()
    {
        var verdicts = All.Value.Select(LabelledJourneys.JudgeHere).ToList();
        var f = LabelledJourneys.Add(verdicts);
        output.WriteLine(f.ToString());

        Assert.Equal((39, 25), (f.Journeys, f.ShouldAlert));
        Assert.Equal((23, 24, 23, 1), (f.Caught, f.Alerted, f.AlertedRightly, f.FalseAlarms)); // journeys: recall 23/25, precision 23/24
        Assert.Equal((26, 28, 26, 31), (f.RightPairsOfExpected, f.ExpectedPairs, f.RightPairs, f.RaisedPairs)); // rules: recall 26/28, precision 26/31
        Assert.Equal((24, 32), (f.Cards, f.AsLabelled)); // one card per alerting journey
    }

    private static string PathOfData()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CxLive.sln")))
            {
                return Path.Combine(dir.FullName, "tests/Unit/Data/hand-labelled-journeys.json");
            }
        }

        throw new InvalidOperationException($"no CxLive.sln above {AppContext.BaseDirectory}");
    }
}
