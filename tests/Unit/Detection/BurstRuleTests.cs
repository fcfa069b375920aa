using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// Every "N bad within a window" rule of the catalogue, held to the same table: fires at the
/// threshold, not one below, not when the run is longer than the window, and resolves (or not) as
/// the catalogue says.
/// </summary>
public sealed class BurstRuleTests
{
    /// <summary>A rule, how to make its bad and good moments, and its default threshold and window.</summary>
    public sealed record BurstRule(string RuleId, Func<Journey, Interaction> Bad, Func<Journey, Interaction>? Good, int Threshold, TimeSpan Window, string Title)
    {
        public override string ToString() => RuleId;
    }

    public static TheoryData<BurstRule> Rules => new()
    {
        new(RepeatedFailedSearchDetector.RuleId, j => j.FailedSearch(), j => j.SuccessfulSearch(), 3, TimeSpan.FromMinutes(10), "3 failed searches in"),
        new(OrderStatusFailureDetector.RuleId,
            j => j.Make(InteractionTypes.OrderStatus, "app/orders", Outcome.Failure, attributes: new() { ["orderId"] = "ORD-1" }),
            j => j.Make(InteractionTypes.OrderStatus, "app/orders"), 2, TimeSpan.FromHours(1), "2 failed order lookups in"),
        new(RecommendationRejectionDetector.RuleId,
            j => j.Make(InteractionTypes.RecommendationRejected, "app/recommendations"),
            j => j.Make(InteractionTypes.RecommendationClicked, "app/recommendations"), 2, TimeSpan.FromMinutes(30), "2 recommendations rejected in"),
        new(PaymentFailureDetector.RuleId,
            j => j.Make(InteractionTypes.Payment, "web/checkout", Outcome.Failure),
            j => j.Make(InteractionTypes.OrderPlaced, "web/checkout"), 2, TimeSpan.FromMinutes(15), "2 failed payments in"),
        new(PointsRedemptionFailureDetector.RuleId,
            j => j.Make(InteractionTypes.PointsRedemption, "app/rewards", Outcome.Abandoned),
            j => j.Make(InteractionTypes.PointsRedemption, "app/rewards"), 2, TimeSpan.FromDays(1), "2 points redemptions failed in"),
        new(PushFatigueDetector.RuleId, j => j.Make(InteractionTypes.PushDismissed, "push/marketing", channel: Channel.Push), null, 3, TimeSpan.FromDays(1), "3 pushes dismissed in"),
    };

    private static List<AlertSignal> Feed(DetectorHarness detector, Journey journey, BurstRule rule, int bad, TimeSpan spread)
    {
        var step = bad > 1 ? spread / (bad - 1) : TimeSpan.Zero;
        var signals = new List<AlertSignal>();
        for (var i = 0; i < bad; i++)
        {
            signals.AddRange(detector.Feed(rule.Bad(i == 0 ? journey : journey.After(step))));
        }

        return signals.Where(s => s.RuleId == rule.RuleId).ToList();
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Fires_at_the_threshold_with_evidence_and_words(BurstRule rule)
    {
        var signals = Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold, rule.Window);

        var raise = Assert.Single(signals);
        Assert.Equal(SignalKind.Raise, raise.Kind);
        Assert.Equal(rule.Threshold, raise.Evidence.Length);
        Assert.StartsWith(rule.Title, raise.Title);
        Assert.False(string.IsNullOrWhiteSpace(raise.Detail));
        Assert.NotNull(raise.SuggestedAction);
        Assert.NotNull(raise.Stage);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Stays_quiet_one_below_the_threshold(BurstRule rule)
    {
        Assert.Empty(Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold - 1, rule.Window));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Stays_quiet_when_the_run_is_longer_than_the_window(BurstRule rule)
    {
        Assert.Empty(Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold, rule.Window + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Resolves_as_the_catalogue_says(BurstRule rule)
    {
        var detector = new DetectorHarness();
        var journey = new Journey();
        Feed(detector, journey, rule, rule.Threshold, rule.Window / 2);

        var after = detector.Feed(rule.Good?.Invoke(journey.After(TimeSpan.FromMinutes(1))) ?? journey.After(TimeSpan.FromMinutes(1)).Make(InteractionTypes.PushOpened, "push/marketing"))
            .Where(s => s.RuleId == rule.RuleId).ToList();

        if (rule.Good is null)
        {
            Assert.Empty(after); // nothing the customer does resolves it
        }
        else
        {
            Assert.Equal(SignalKind.Resolve, Assert.Single(after).Kind);
        }
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Disabled_rule_raises_nothing(BurstRule rule)
    {
        var detector = new DetectorHarness(DetectorHarness.Rule(rule.RuleId, enabled: false));

        Assert.Empty(Feed(detector, new Journey(), rule, rule.Threshold + 2, rule.Window / 2));
    }
}
