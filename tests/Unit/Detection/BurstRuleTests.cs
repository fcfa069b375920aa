using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// Every "N bad within a window" rule of the catalogue, held to the same table from its own example
/// (<see cref="BurstExample"/>): fires at the threshold with its title, not one below, not when the run
/// is longer than the window, and resolves (or not) as the catalogue says. A new burst rule joins by
/// being written.
/// </summary>
public sealed partial class BurstRuleTests
{
    public static TheoryData<BurstExample> Rules()
    {
        var rules = new TheoryData<BurstExample>();
        foreach (var example in CustomerDetectors.Catalogue().BurstExamples)
        {
            rules.Add(example);
        }

        return rules;
    }

    [Fact]
    public void The_catalogue_has_burst_rules_to_hold_to_the_table() =>
        Assert.Contains(CustomerDetectors.Catalogue().BurstExamples, e => e.RuleId == RuleIds.RepeatedFailedSearch);

    private static List<AlertSignal> Feed(DetectorHarness detector, Journey journey, BurstExample rule, int bad, TimeSpan spread)
    {
        var step = bad > 1 ? spread / (bad - 1) : TimeSpan.Zero;
        var signals = new List<AlertSignal>();
        for (var i = 0; i < bad; i++)
        {
            signals.AddRange(detector.Feed((i == 0 ? journey : journey.After(step)).Make(rule.Bad)));
        }

        return signals.Where(s => s.RuleId == rule.RuleId).ToList();
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Fires_at_the_threshold_with_evidence_and_words(BurstExample rule)
    {
        var signals = Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold, rule.Window);

        var raise = Assert.Single(signals);
        Assert.Equal(SignalKind.Raise, raise.Kind);
        Assert.Equal(rule.Threshold, raise.Evidence.Length);
        AssertTitle(rule, raise.Title);
        Assert.False(string.IsNullOrWhiteSpace(raise.Detail));
        Assert.NotNull(raise.SuggestedAction);
        Assert.NotNull(raise.Stage);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Stays_quiet_one_below_the_threshold(BurstExample rule)
    {
        Assert.Empty(Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold - 1, rule.Window));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Stays_quiet_when_the_run_is_longer_than_the_window(BurstExample rule)
    {
        Assert.Empty(Feed(new DetectorHarness(), new Journey(), rule, rule.Threshold, rule.Window + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Resolves_as_the_catalogue_says(BurstExample rule)
    {
        var detector = new DetectorHarness();
        var journey = new Journey();
        Feed(detector, journey, rule, rule.Threshold, rule.Window / 2);
        journey.After(TimeSpan.FromMinutes(1));

        if (rule.Good is { } good)
        {
            var resolve = Assert.Single(detector.Feed(journey.Make(good)), s => s.RuleId == rule.RuleId);
            Assert.Equal(SignalKind.Resolve, resolve.Kind);
            Assert.False(string.IsNullOrWhiteSpace(resolve.Reason)); // from the language table: {rule}.resolved
        }
        else
        {
            // Nothing the customer does resolves it: not one successful moment of any type, here or anywhere.
            var after = InteractionTypes.All.SelectMany(type => detector.Feed(journey.Make(type, rule.Bad.Touchpoint, channel: rule.Bad.Channel)));
            Assert.DoesNotContain(after, s => s.RuleId == rule.RuleId && s.Kind == SignalKind.Resolve);
        }
    }

    /// <summary>
    /// The same moments in another order end the same way: the good moment that followed the run
    /// arrived first (a retried batch, two systems sending), the run's bad ones after it. An
    /// integrator's trial found the alert raised then and left open for days, where the moments in
    /// event order (and a back-test of them) raised and resolved it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Rules))]
    public void A_good_moment_that_arrives_before_the_run_it_followed_resolves_it_as_in_order(BurstExample rule)
    {
        if (rule.Good is not { } good)
        {
            return; // nothing the customer does resolves it: Resolves_as_the_catalogue_says holds that
        }

        var journey = new Journey();
        var bad = Enumerable.Range(0, rule.Threshold).Select(i => (i == 0 ? journey : journey.After(rule.Window / 2 / Math.Max(1, rule.Threshold - 1))).Make(rule.Bad)).ToArray();
        var recovered = journey.After(TimeSpan.FromMinutes(1)).Make(good);

        var inOrder = new DetectorHarness().Feed([.. bad, recovered]).Where(s => s.RuleId == rule.RuleId).ToList();
        var goodFirst = new DetectorHarness();
        var outOfOrder = goodFirst.Feed([recovered, .. bad]).Where(s => s.RuleId == rule.RuleId).ToList();

        Assert.Equal([SignalKind.Raise, SignalKind.Resolve], inOrder.Select(s => s.Kind));
        Assert.Equal([SignalKind.Raise, SignalKind.Resolve], outOfOrder.Select(s => s.Kind));
        Assert.Equal(inOrder[1].Reason, outOfOrder[1].Reason); // why, in the same words
        Assert.Equal(inOrder[1].At, outOfOrder[1].At);
        Assert.Equal([recovered.Id], outOfOrder[1].Evidence.ToArray());
        Assert.Null(goodFirst.State.PeekBurst(rule.RuleId)?.OpenSince); // nothing left open to be resolved later
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Disabled_rule_raises_nothing(BurstExample rule)
    {
        var detector = new DetectorHarness(DetectorHarness.Rule(rule.RuleId, enabled: false));

        Assert.Empty(Feed(detector, new Journey(), rule, rule.Threshold + 2, rule.Window / 2));
    }

    /// <summary>
    /// The raise reads as the rule's own title text (<c>{rule}.title</c> or a variant of it), with the
    /// threshold as its <c>{count}</c> and the window as its <c>{span}</c>; other facts may be anything.
    /// </summary>
    private static void AssertTitle(BurstExample rule, string title)
    {
        var english = AlertTexts.English;
        var known = new Dictionary<string, string>
        {
            ["count"] = rule.Threshold.ToString(CultureInfo.CurrentCulture),
            ["span"] = english.Span(rule.Window),
        };
        var forms = english.Keys
            .Where(k => k == $"{rule.RuleId}.title" || k.StartsWith($"{rule.RuleId}.title.", StringComparison.Ordinal))
            .SelectMany(english.Forms)
            .ToList();

        Assert.NotEmpty(forms);
        Assert.True(forms.Any(form => Pattern(form, known).IsMatch(title)), $"'{title}' is none of {string.Join(" | ", forms)} with count {known["count"]} and span {known["span"]}");
    }

    private static Regex Pattern(string form, Dictionary<string, string> known)
    {
        var pattern = new StringBuilder("^");
        var at = 0;
        foreach (Match placeholder in Placeholder().Matches(form))
        {
            pattern.Append(Regex.Escape(form[at..placeholder.Index]));
            pattern.Append(known.TryGetValue(placeholder.Groups[1].Value, out var value) ? Regex.Escape(value) : ".+");
            at = placeholder.Index + placeholder.Length;
        }

        return new Regex(pattern.Append(Regex.Escape(form[at..])).Append('$').ToString());
    }

    [GeneratedRegex(@"\{([^{}]+)\}")]
    private static partial Regex Placeholder();
}
