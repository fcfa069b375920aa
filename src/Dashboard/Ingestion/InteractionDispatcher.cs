using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Customers;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Touchpoints;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// The one place batching happens: validated interactions go to grains in as few calls as possible.
/// A batch is grouped by customer (arrival order kept within each customer) and each customer grain
/// gets one call; then the interactions they accepted as new are grouped by touchpoint, one call
/// each. Duplicates never reach a touchpoint, so its counts stay exact when integrators re-send.
/// A stream consumer passes its <see cref="DeliveryCycle"/>, which learns every grain the batch touched.
/// When it delivers entries again after a silo died (<paramref name="redelivery"/>), the ids a customer
/// accepted only minutes ago from those very entries go to their touchpoint too: it may have died with
/// its count, and its ledger knows whether it kept it (docs/durability.md). A re-sent id in another
/// entry stays a duplicate: the touchpoint heard of it with the entry its customer took.
/// </summary>
public sealed class InteractionDispatcher(IGrainFactory grains, CxMetrics metrics, TimeProvider time)
{
    /// <param name="acceptedAt">When CxLive took the interactions in (a stream entry's time); now when not given.</param>
    public async Task<DispatchResult> DispatchAsync(IReadOnlyList<Interaction> interactions, DeliveryCycle? cycle = null, bool redelivery = false, DateTimeOffset? acceptedAt = null)
    {
        if (interactions.Count == 0)
        {
            return new DispatchResult(0, 0);
        }

        var since = acceptedAt ?? time.GetUtcNow();

        var byCustomer = new Dictionary<string, ImmutableArray<Interaction>.Builder>(interactions.Count, StringComparer.Ordinal);
        foreach (var interaction in interactions)
        {
            if (!byCustomer.TryGetValue(interaction.CustomerId, out var batch))
            {
                byCustomer[interaction.CustomerId] = batch = ImmutableArray.CreateBuilder<Interaction>();
            }

            batch.Add(interaction);
        }

        var recorded = await Task.WhenAll(byCustomer.Select(async pair =>
        {
            var batch = pair.Value.DrainToImmutable();
            var result = await grains.Ref<ICustomerGrain>(pair.Key).RecordAsync(batch);
            return (Customer: pair.Key, Batch: batch, Result: result);
        }));

        var byTouchpoint = new Dictionary<string, ImmutableArray<Interaction>.Builder>(StringComparer.Ordinal);
        var accepted = 0;
        var duplicates = 0;
        foreach (var (customer, batch, result) in recorded)
        {
            cycle?.Customer(customer, result.Activation);
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            for (var i = 0; i < batch.Length; i++)
            {
                if (result.Duplicates > 0 && result.DuplicateIndexes.Contains(i) && !(redelivery && cycle is not null && result.RecentDuplicateIndexes.Contains(i)))
                {
                    continue;
                }

                if (!byTouchpoint.TryGetValue(batch[i].Touchpoint, out var forTouchpoint))
                {
                    byTouchpoint[batch[i].Touchpoint] = forTouchpoint = ImmutableArray.CreateBuilder<Interaction>();
                }

                forTouchpoint.Add(batch[i]);
            }
        }

        var counted = await Task.WhenAll(byTouchpoint.Select(async pair =>
            (Touchpoint: pair.Key, Activation: await grains.Ref<ITouchpointGrain>(pair.Key).RecordAsync(pair.Value.DrainToImmutable(), cycle?.Consumer))));
        foreach (var (touchpoint, activation) in counted)
        {
            cycle?.Touchpoint(touchpoint, activation);
        }

        metrics.Delivered(interactions, duplicates);
        metrics.Detected(time.GetUtcNow() - since);

        return new DispatchResult(accepted, duplicates);
    }
}
