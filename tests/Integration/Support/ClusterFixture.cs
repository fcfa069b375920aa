using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// One in-process Orleans cluster shared by the grain tests of a collection, with the same
/// services as the real silo and a fake clock. Tests use their own customer ids, so they do not
/// see each other's state.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public const string VoiceAgent = "voice-agent";
    public const string MailAgent = "mail-agent";

    /// <summary>The one agent with a small capacity (2), and the only one reaching customers by SMS.</summary>
    public const string SmsAgent = "sms-agent";

    public FakeTimeProvider Clock { get; } = new(Start);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>Every alert partition, as the APIs see them.</summary>
    public ClusterAlerts Alerts => new(Grains, AlertPartitions.DefaultCount);

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains();
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.Configure<OutreachOptions>(o =>
            {
                // Tests share these agents and report few prompts: room for all, but for the SMS agent.
                o.Capacity = 100_000;
                o.Agents =
                [
                    new AgentOptions { Id = VoiceAgent, Skills = ["call-center", "chat"] },
                    new AgentOptions { Id = MailAgent, Skills = ["email"] },
                    new AgentOptions { Id = SmsAgent, Skills = ["sms"], Capacity = 2 },
                ];
            });
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddCxMemoryStorage()
            .UseInMemoryReminderService()
            // Orleans' own timers run on the fake clock too: tests that jump it by hours must not
            // have idle grains collected mid-test (a deactivation whose timeout fake time has already
            // passed is cut short). Tests that mean to deactivate do so explicitly.
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(365))
            // Orleans times calls out on the same clock: a jump past 30 s failed every call in flight
            // ("Response did not arrive on time"), so a desk enriching a prompt when a test moved the
            // clock lost that enrichment for good. Calls here wait as long as any test jumps.
            .Configure<SiloMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromDays(30)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public Task DisposeAsync() => ClockRunsOn.WhileAsync(Clock, () => Cluster.DisposeAsync().AsTask());
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
