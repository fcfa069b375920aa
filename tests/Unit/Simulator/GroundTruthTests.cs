using CxLive.Contracts.Alerts;
using CxLive.Evaluation;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Simulator;

namespace CxLive.Tests.Unit.Simulator;

/// <summary>
/// The simulator's labelled journeys through the real detector catalogue (the benchmark's
/// <c>quality</c> command, docs/benchmark-log.md): every injected bad experience is caught, and
/// nothing is raised that was not injected.
/// </summary>
public sealed class GroundTruthTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Catches_every_injected_bad_experience_and_raises_nothing_else(int seed) =>
        AssertPerfect(DetectionQuality.Measure(seed));

    /// <summary>A new burst rule has no scripted story: the one made from its example must be caught as surely.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Burst_rules_injected_from_their_examples_alone_are_caught_as_well(int seed) =>
        AssertPerfect(DetectionQuality.Measure(seed, scriptedBursts: false));

    private static void AssertPerfect(List<DetectionQuality.RuleQuality> quality)
    {
        Assert.True(quality.Sum(q => q.Injected) > 500, $"only {quality.Sum(q => q.Injected)} injected cases");
        Assert.All(quality.Where(q => q.RuleId != ExperienceDropDetector.RuleId), q =>
        {
            Assert.True(q.Injected > 0, $"{q.RuleId}: the simulator injected no case");
            Assert.Equal((q.RuleId, q.Injected), (q.RuleId, q.Caught)); // recall 100 %
        });
        Assert.All(quality, q => Assert.Equal((q.RuleId, q.Raised), (q.RuleId, q.Right))); // precision 100 %
    }

    [Fact]
    public void Every_customer_rule_but_experience_drop_can_be_injected() =>
        Assert.Equal(
            DetectionQuality.Measure(1, customers: 200).Select(q => q.RuleId).Where(r => r != ExperienceDropDetector.RuleId).Order(),
            new JourneyGenerator(new SimulatorOptions(), DateTimeOffset.UnixEpoch, CustomerDetectors.Catalogue().BurstExamples).InjectableRules.Order());

    [Fact]
    public void The_quality_table_has_one_row_per_rule()
    {
        var rows = DetectionQuality.Table(DetectionQuality.Measure(seed: 4, customers: 300, badRate: 0.3))
            .Where(l => !l.StartsWith("| rule", StringComparison.Ordinal) && !l.StartsWith("| ---", StringComparison.Ordinal)).ToList();

        // One row per customer rule of the catalogue (touchpoint rules have no customer ground truth).
        Assert.Equal(CustomerDetectors.Catalogue().Definitions.Count(d => !RuleIds.Touchpoint.Contains(d.RuleId)), rows.Count);
        Assert.Contains(rows, r => r.StartsWith("| repeated-failed-search |", StringComparison.Ordinal) && r.Contains("| 100.0 % |", StringComparison.Ordinal));
    }
}
