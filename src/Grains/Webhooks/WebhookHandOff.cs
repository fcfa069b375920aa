using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// An alert partition's one call into webhooks, after its own write and before anyone hears of the
/// change: with no targets configured it costs nothing; otherwise the partition's outbox stores the
/// deliveries before the call returns. Silenced alerts are left out, as walls and agents leave them;
/// the call is made all the same, so that the outbox sees every number the partition gives.
/// </summary>
public sealed class WebhookHandOff(WebhookTargets targets, IGrainFactory grains)
{
    public Task OfferAsync(int partition, BookChanges changes)
    {
        if (!targets.Any || !changes.Any)
        {
            return Task.CompletedTask;
        }

        var sequences = changes.Alerts.Select(c => c.Alert.Sequence).Concat(changes.Incidents.Select(i => i.Sequence)).ToList();
        return grains.Ref<IWebhookOutboxGrain>(partition).TakeAsync(new WebhookChanges(
            [.. changes.Alerts.Where(c => c.Alert.SilencedBy is null)],
            [.. changes.Incidents],
            [.. changes.OpenedIncidents.Select(i => i.Id)],
            sequences.Min(),
            sequences.Max()));
    }
}
