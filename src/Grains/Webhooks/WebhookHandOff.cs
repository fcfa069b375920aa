using System.Collections.Immutable;
using CxLive.Alerts;

namespace CxLive.Webhooks;

/// <summary>
/// An alert partition's one call into webhooks, after its own write and before anyone hears of the
/// change: with no targets configured it costs nothing; otherwise the partition's outbox stores the
/// deliveries before the call returns. Silenced alerts are left out, as walls and agents leave them.
/// </summary>
public sealed class WebhookHandOff(WebhookTargets targets, IGrainFactory grains)
{
    public Task OfferAsync(int partition, BookChanges changes)
    {
        if (!targets.Any || !changes.Any)
        {
            return Task.CompletedTask;
        }

        var alerts = changes.Alerts.Where(c => c.Alert.SilencedBy is null).ToImmutableArray();
        if (alerts.IsEmpty && changes.Incidents.Count == 0)
        {
            return Task.CompletedTask;
        }

        return grains.GetGrain<IWebhookOutboxGrain>(partition).TakeAsync(
            new WebhookChanges(alerts, [.. changes.Incidents], [.. changes.OpenedIncidents.Select(i => i.Id)]));
    }
}
