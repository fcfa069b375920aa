using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

public sealed class RuleBookTests
{
    private readonly CustomerDetectors _catalogue = CustomerDetectors.Catalogue();

    [Fact]
    public void Every_rule_in_the_catalogue_has_defaults_that_compile()
    {
        var book = RuleBook.Defaults(_catalogue.Definitions);

        Assert.Equal(_catalogue.Definitions.Count(), book.Rules.Count());
        Assert.All(book.Rules, r => Assert.True(r.Enabled));
        var rule = book.Find(RepeatedFailedSearchDetector.RuleId)!;
        Assert.Equal(3, rule.Count("threshold"));
        Assert.Equal(TimeSpan.FromMinutes(10), rule.Duration("window"));
        Assert.Equal(Severity.Warning, rule.Severity);
        Assert.True(rule.Enabled);
    }

    [Fact]
    public void Configured_settings_override_only_what_they_name()
    {
        var configured = DetectorHarness.Rule(RepeatedFailedSearchDetector.RuleId, parameters: [("window", "00:05:00")]);
        configured[RepeatedFailedSearchDetector.RuleId].Severity = Severity.Critical;

        var book = RuleBook.TryCreate(_catalogue.Definitions, configured, []);

        var rule = book!.Enabled(RepeatedFailedSearchDetector.RuleId)!;
        Assert.Equal(TimeSpan.FromMinutes(5), rule.Duration("window"));
        Assert.Equal(3, rule.Count("threshold"));
        Assert.Equal(Severity.Critical, rule.Severity);
    }

    [Theory]
    [InlineData("threshold", "0", "repeated-failed-search: parameters.threshold: '0' must be a whole number from 1 to 64")]
    [InlineData("threshold", "three", "repeated-failed-search: parameters.threshold: 'three' must be a whole number from 1 to 64")]
    [InlineData("threshold", "65", "repeated-failed-search: parameters.threshold: '65' must be a whole number from 1 to 64")] // a customer's window keeps 64 moments: it could never fire
    [InlineData("threshold", "1000000000000", "repeated-failed-search: parameters.threshold: '1000000000000' must be a whole number from 1 to 64")] // too big, not "at least 1"
    [InlineData("window", "10 minutes", "repeated-failed-search: parameters.window: '10 minutes' must be a positive duration written hh:mm:ss (or d.hh:mm:ss)")]
    [InlineData("window", "-00:10:00", "repeated-failed-search: parameters.window: '-00:10:00' must be a positive duration written hh:mm:ss (or d.hh:mm:ss)")]
    [InlineData("window", "3650000.00:00:00", "repeated-failed-search: parameters.window: '3650000.00:00:00' must be at most 365 days (365.00:00:00)")] // extra zeros: taken, then failed every interaction the rule read
    [InlineData("windw", "00:10:00", "repeated-failed-search: parameters.windw: not a parameter of repeated-failed-search (it has: threshold, window)")]
    public void Invalid_settings_are_refused_naming_the_parameter(string name, string value, string error)
    {
        var errors = new List<string>();

        var book = RuleBook.TryCreate(_catalogue.Definitions, DetectorHarness.Rule(RepeatedFailedSearchDetector.RuleId, parameters: [(name, value)]), errors);

        Assert.Null(book);
        Assert.Equal([error], errors);
    }

    /// <summary>The analyst trial: each of these was taken and applied live (below 150 flooded the wall with alerts on happy customers).</summary>
    [Theory]
    [InlineData("experience-drop", "below", "150", "experience-drop: parameters.below: '150' must be from 0 to 100")]
    [InlineData("experience-drop", "recoverAbove", "-20", "experience-drop: parameters.recoverAbove: '-20' must be from 0 to 100")]
    [InlineData("experience-drop", "recoverAbove", "30", "experience-drop: parameters.recoverAbove: must be at least below (40): the alert would resolve while the score is still under the line that raised it")]
    [InlineData("unanswered-complaint", "warnAt", "1.5", "unanswered-complaint: parameters.warnAt: '1.5' must be from 0 to 1")]
    [InlineData("unanswered-complaint", "warnAt", "-2", "unanswered-complaint: parameters.warnAt: '-2' must be from 0 to 1")]
    [InlineData("unanswered-complaint", "escalateAfter", "01:00:00", "unanswered-complaint: parameters.escalateAfter: must be at least the sla (02:00:00): a complaint becomes critical after its SLA is broken, not before")]
    [InlineData("detractor", "npsAtMost", "11", "detractor: parameters.npsAtMost: '11' must be from 0 to 10")]
    [InlineData("long-wait", "seconds", "0", "long-wait: parameters.seconds: '0' must be from 1 to 2592000")]
    [InlineData("touchpoint-silence", "ratio", "5", "touchpoint-silence: parameters.ratio: '5' must be from 0 to 1")]
    [InlineData("touchpoint-silence", "window", "00:10:30", "touchpoint-silence: parameters.window: '00:10:30' must be whole minutes from 00:01:00 to 00:30:00")]
    [InlineData("touchpoint-silence", "window", "02:00:00", "touchpoint-silence: parameters.window: '02:00:00' must be whole minutes from 00:01:00 to 00:30:00")]
    [InlineData("touchpoint-degradation", "window", "02:00:00", "touchpoint-degradation: parameters.window: '02:00:00' must be whole minutes from 00:01:00 to 00:30:00")]
    [InlineData("touchpoint-degradation", "factor", "0", "touchpoint-degradation: parameters.factor: '0' must be from 1 to 100")]
    [InlineData("touchpoint-degradation", "margin", "2", "touchpoint-degradation: parameters.margin: '2' must be from 0 to 1")]
    [InlineData("repeat-contact", "contacts", "33", "repeat-contact: parameters.contacts: '33' must be a whole number from 1 to 32")] // a case keeps its last 32 contacts
    [InlineData("repeat-contact", "channels", "4", "repeat-contact: parameters.channels: must be at most contacts (3): each contact is on one channel")]
    public void A_value_a_parameter_cannot_mean_is_refused_naming_its_range(string ruleId, string name, string value, string error)
    {
        var errors = new List<string>();

        var book = RuleBook.TryCreate(_catalogue.Definitions, DetectorHarness.Rule(ruleId, parameters: [(name, value)]), errors);

        Assert.Null(book);
        Assert.Equal([error], errors);
    }

    [Theory]
    [InlineData("experience-drop", "below", "0")] // the edges are values a person may mean
    [InlineData("experience-drop", "recoverAbove", "40")]
    [InlineData("unanswered-complaint", "warnAt", "1")]
    [InlineData("unanswered-complaint", "escalateAfter", "02:00:00")]
    [InlineData("touchpoint-silence", "window", "00:30:00")]
    [InlineData("repeated-failed-search", "threshold", "64")]
    public void The_ends_of_a_range_are_taken(string ruleId, string name, string value)
    {
        var errors = new List<string>();

        Assert.NotNull(RuleBook.TryCreate(_catalogue.Definitions, DetectorHarness.Rule(ruleId, parameters: [(name, value)]), errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void Unknown_rule_is_refused()
    {
        var errors = new List<string>();

        Assert.Null(RuleBook.TryCreate(_catalogue.Definitions, new Dictionary<string, RuleOptions> { ["no-such-rule"] = new() }, errors));
        var error = Assert.Single(errors);
        Assert.StartsWith("no-such-rule: not a rule (known: ", error);
        Assert.All(_catalogue.Definitions, d => Assert.Contains($" {d.RuleId}", error)); // every rule, whichever a new one comes before
    }
}
