using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Rules;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Hosting;
using CxLive.Grains.Rules;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Grains;

/// <summary>A rule change reaches every silo of the cluster, not just the one that took it.</summary>
public sealed class RuleChangeTests
{
    [Fact]
    public async Task A_change_stored_by_the_rules_grain_is_in_force_on_every_silo()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxGrains());
        builder.ConfigureSilo((_, silo) => silo.AddCxMemoryStorage().UseInMemoryReminderService());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var sources = cluster.Silos.Select(s => cluster.GetSiloServiceProvider(s.SiloAddress).GetRequiredService<LiveRuleBookSource>()).ToList();
        var changed = sources.Select(s => s.NextChange).ToList();

        await cluster.Client.GetGrain<IRulesGrain>(0).ChangeAsync(
            "detractor",
            new RuleChange(true, Severity.Critical, ImmutableDictionary<string, string>.Empty.Add("npsAtMost", "4")));

        await Task.WhenAll(changed).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, sources.Count);
        Assert.All(sources, s =>
        {
            var rule = s.Current.Enabled("detractor")!;
            Assert.Equal((Severity.Critical, 4.0), (rule.Severity, rule.Number("npsAtMost")));
        });
    }
}
