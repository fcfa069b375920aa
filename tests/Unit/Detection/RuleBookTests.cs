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
    [InlineData("threshold", "0", "repeated-failed-search: parameters.threshold: '0' must be a whole number of at least 1")]
    [InlineData("threshold", "three", "repeated-failed-search: parameters.threshold: 'three' must be a whole number of at least 1")]
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
