using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Telemetry;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// What the outboxes on this silo report for <c>/metrics</c>: deliveries pending per target
/// (<c>cxlive_webhook_pending</c>) and whether a target is failing (<c>cxlive_webhook_failing</c>,
/// 1 once any partition here has seen it fail for Webhooks:FailingAfter without a success).
/// </summary>
public sealed class WebhookGauges
{
    private readonly ConcurrentDictionary<(int Partition, string Target), (int Pending, DateTimeOffset? FailingSince)> _reports = new();

    public WebhookGauges(CxMetrics metrics, TimeProvider time, IOptions<WebhookOptions> options)
    {
        metrics.Meter.CreateObservableGauge("cxlive.webhook.pending", () => Measure(r => r.Pending, sum: true), "{delivery}", "Webhook deliveries waiting to be sent or tried again, by target, in the alert partitions this silo hosts.");
        // Judged when scraped, so a target turns failing on time even while its next retry is far off.
        metrics.Meter.CreateObservableGauge("cxlive.webhook.failing", () => Measure(r => r.FailingSince is { } since && time.GetUtcNow() - since >= options.Value.FailingAfter ? 1 : 0, sum: false), "{target}",
            "1 while a webhook target has failed for Webhooks:FailingAfter without a success, by target.");
    }

    public void Report(int partition, string target, int pending, DateTimeOffset? failingSince) => _reports[(partition, target)] = (pending, failingSince);

    public void Forget(int partition)
    {
        foreach (var key in _reports.Keys.Where(k => k.Partition == partition))
        {
            _reports.TryRemove(key, out _);
        }
    }

    private IEnumerable<Measurement<int>> Measure(Func<(int Pending, DateTimeOffset? FailingSince), int> value, bool sum) =>
        _reports.GroupBy(r => r.Key.Target).Select(g => new Measurement<int>(
            sum ? g.Sum(r => value(r.Value)) : g.Max(r => value(r.Value)), new KeyValuePair<string, object?>("target", g.Key)));
}
