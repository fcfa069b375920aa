using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Webhooks;

namespace CxLive.Dashboard.Api;

/// <summary><c>GET /api/webhooks/deliveries</c>: each target's deliveries over every alert partition, recent attempts and failures first.</summary>
public static class WebhooksApi
{
    /// <summary>Attempts shown per target, newest first.</summary>
    public const int RecentShown = 50;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/deliveries", ListAsync).AllowsQuery()
            .WithDescription("Every configured target with its pending deliveries, counts since each outbox started, the last success and failure, failingSince (set from a failure until the next success) and failing (failing for Webhooks:FailingAfter), and its latest attempts, newest first.")
            .Produces<WebhookDeliveries>();
        return app;
    }

    private static async Task<WebhookDeliveries> ListAsync(ClusterAlerts alerts, IGrainFactory grains)
    {
        var partitions = await Task.WhenAll(alerts.All.Select(p => grains.Ref<IWebhookOutboxGrain>(p).StatusAsync()));
        return new WebhookDeliveries([.. partitions.SelectMany(p => p).GroupBy(s => s.Name).Select(Merge)]);
    }

    /// <summary>
    /// One target over every partition: counts add up; it is failing since the earliest failure no
    /// partition has seen a success after.
    /// </summary>
    internal static WebhookTargetStatus Merge(IEnumerable<WebhookTargetStatus> parts)
    {
        var all = parts.ToList();
        var lastSuccess = all.Max(s => s.LastSuccessAt);
        var failingSince = all.Where(s => s.FailingSince is { } since && (lastSuccess is null || since > lastSuccess)).Min(s => s.FailingSince);
        var lastFailure = all.Where(s => s.LastFailureAt is not null).MaxBy(s => s.LastFailureAt);
        return all[0] with
        {
            Pending = all.Sum(s => s.Pending),
            Delivered = all.Sum(s => s.Delivered),
            Failed = all.Sum(s => s.Failed),
            Rejected = all.Sum(s => s.Rejected),
            GivenUp = all.Sum(s => s.GivenUp),
            LastSuccessAt = lastSuccess,
            LastFailureAt = lastFailure?.LastFailureAt,
            LastError = lastFailure?.LastError,
            FailingSince = failingSince,
            Failing = failingSince is not null && all.Any(s => s.Failing),
            OldestPendingAt = all.Min(s => s.OldestPendingAt),
            Recent = [.. all.SelectMany(s => s.Recent).OrderByDescending(a => a.At).ThenByDescending(a => a.Sequence).Take(RecentShown)],
        };
    }
}
