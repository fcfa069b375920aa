using CxLive.Contracts.Alerts;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Grains.Webhooks;
using CxLive.Silo.Hosting;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Webhooks;

/// <summary>
/// A cluster in process on a fake clock whose webhooks go to one local receiver, a target per path:
/// everything (json), critical alerts only, resolutions only, and detractor alerts as Slack text in Chinese.
/// </summary>
public sealed class WebhookClusterFixture : IAsyncLifetime
{
    public const string Secret = "test-secret-0123456789";

    public FakeTimeProvider Clock { get; } = new(ClusterFixture.Start);
    public WebhookReceiver Receiver { get; } = new();
    public InProcessTestCluster Cluster { get; private set; } = null!;
    public IGrainFactory Grains => Cluster.Client;
    public ClusterAlerts Alerts => new(Grains, AlertPartitions.DefaultCount);

    public static List<WebhookTargetOptions> TargetsFor(WebhookReceiver receiver) =>
    [
        new() { Name = "all", Url = receiver.Url("all").ToString(), Secret = Secret },
        new() { Name = "critical", Url = receiver.Url("critical").ToString(), Secret = Secret, Severities = ["critical"] },
        new() { Name = "resolved", Url = receiver.Url("resolved").ToString(), Secret = Secret, Events = ["alert.resolved"] },
        new() { Name = "chat", Url = receiver.Url("slack").ToString(), Secret = Secret, Format = "slack", Language = "zh-CN", Rules = ["detractor"] },
    ];

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Services.AddCxGrains().AddCxWebhooks(); // the real HTTP transport, to the test receiver
            host.Services.AddSingleton<TimeProvider>(Clock);
            host.Services.Configure<WebhookOptions>(o => o.Targets = TargetsFor(Receiver));
        });
        builder.ConfigureSilo((_, silo) => silo
            .AddCxMemoryStorage()
            .UseInMemoryReminderService()
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromDays(365)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Every target's status added up over the partitions, as the deliveries endpoint shows it.</summary>
    public async Task<Dictionary<string, WebhookTargetStatus>> StatusAsync()
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, AlertPartitions.DefaultCount).Select(p => Grains.GetGrain<IWebhookOutboxGrain>(p).StatusAsync()));
        return parts.SelectMany(p => p).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => CxLive.Dashboard.Api.WebhooksApi.Merge(g));
    }

    public async Task DisposeAsync()
    {
        await ClockRunsOn.WhileAsync(Clock, () => Cluster.DisposeAsync().AsTask());
        await Receiver.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookClusterCollection : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhook cluster";
}
