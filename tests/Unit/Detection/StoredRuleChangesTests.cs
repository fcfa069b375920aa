using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Rules;
using CxLive.Grains.Detection;
using CxLive.Grains.Rules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// Stored rule changes a newer version no longer takes (a value now out of range, a rule it does not
/// have): one such change once threw every stored change away on every new silo, turning rules an
/// admin had disabled back on, retried four times a second with an error each time, and refused the
/// PUT that would have fixed it (the review of the range checks).
/// </summary>
public sealed class StoredRuleChangesTests
{
    private readonly LiveRuleBookSource _source = new(Options.Create(new DetectionOptions()), CustomerDetectors.Catalogue(), NullLogger<LiveRuleBookSource>.Instance);

    private static RuleChange Change(bool enabled = true, params (string Name, string Value)[] parameters) =>
        new(enabled, Severity.Warning, parameters.ToImmutableDictionary(p => p.Name, p => p.Value));

    private static RuleChanges Stored(long version, params (string Rule, RuleChange Change)[] changes) =>
        new(version, changes.ToImmutableDictionary(c => c.Rule, c => c.Change));

    [Fact]
    public void A_stored_change_this_version_refuses_leaves_its_rule_as_configured_and_the_others_in_force()
    {
        _source.Apply(Stored(3,
            ("detractor", Change(enabled: false)),                                // an admin turned it off
            ("repeated-failed-search", Change(true, ("threshold", "65"))),        // taken by an older version, over 64 now
            ("no-longer-a-rule", Change())));

        Assert.Null(_source.Current.Enabled("detractor")); // still off
        Assert.Equal(3, _source.Current.Enabled("repeated-failed-search")!.Count("threshold")); // as configured
        Assert.Equal(3, _source.Version); // moved on: not read again and again
    }

    [Fact]
    public void Another_rules_stale_change_does_not_stop_a_change_to_this_one()
    {
        var stored = Stored(1, ("repeated-failed-search", Change(true, ("threshold", "65"))));
        var errors = new List<string>();

        var book = _source.TryBuild(stored with { ByRule = stored.ByRule.SetItem("detractor", Change(true, ("npsAtMost", "4"))) }, errors, lenient: true);

        Assert.Equal(4.0, book!.Enabled("detractor")!.Number("npsAtMost"));
        Assert.Equal(["repeated-failed-search: parameters.threshold: '65' must be a whole number from 1 to 64"], errors); // named: the PUT judges only its own rule's
        Assert.Null(_source.TryBuild(stored, [], lenient: false)); // strict, as a PUT of that rule itself is
    }
}
