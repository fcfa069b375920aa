using System.Reflection;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// <see cref="RuleIds"/> names the rules other code refers to (alert policies, outreach, pages); the
/// detectors are where a rule's id lives. Neither may name a rule the other does not have.
/// </summary>
public sealed class RuleIdsTests
{
    [Fact]
    public void Every_rule_id_other_code_names_is_a_rule_of_the_catalogue()
    {
        var named = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.NotEmpty(named);
        Assert.Empty(named.Except(CustomerDetectors.Catalogue().Definitions.Select(d => d.RuleId)));
        Assert.Empty(RuleIds.Touchpoint.Except(named));
    }

    [Fact]
    public void The_catalogue_finds_its_detectors_itself_in_rule_id_order_with_no_id_twice()
    {
        var ids = CustomerDetectors.Catalogue().Definitions.Select(d => d.RuleId).Where(id => !RuleIds.Touchpoint.Contains(id)).ToList();

        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(RuleIds.RepeatedFailedSearch, ids);
    }
}
