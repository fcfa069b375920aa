using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;
using CxLive.Grains.Storage;
using CxLive.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Serialization;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// One alert partition's webhook outbox (key: the partition), placed beside the partition that
/// calls it. Every delivery is a record of its own (<see cref="IRecordStore"/>, scope
/// <c>webhooks-{p}</c>), written before <see cref="TakeAsync"/> answers and deleted once the
/// delivery is finished, so a restart finds exactly what was still to send. With them it stores the
/// last partition number it took: a commit it never heard of (the partition wrote it, then failed or
/// died before this outbox stored its deliveries) shows as a gap in the numbers, and the outbox
/// then reads what changed in the gap from the partition's own records. The POSTs run on the
/// <see cref="WebhookDispatcher"/>; one timer wakes the outbox when the next retry is due, and a
/// reminder wakes it after its silo went away.
/// </summary>
[PreferLocalPlacement]
[GrainType("webhookoutbox")]
public sealed class WebhookOutboxGrain(
    IRecordStore store,
    Serializer serializer,
    BookRecords bookRecords,
    WebhookTargets targets,
    WebhookDispatcher dispatcher,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    CxMetrics metrics,
    WebhookGauges gauges,
    ILogger<WebhookOutboxGrain> logger) : Grain, IWebhookOutboxGrain, IRemindable
{
    public const string WakeReminder = "webhooks";
    public const string TakenRecord = "m:taken";
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(5);

    private readonly WebhookQueue _queue = new(options.Value);
    private readonly HashSet<string> _reportedFailing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _overflowSaid = new(StringComparer.Ordinal);
    private IGrainTimer? _timer;
    private DateTimeOffset? _timerDue;
    private bool _reminderSet;

    /// <summary>The last partition number whose deliveries are stored; null before the first.</summary>
    private long? _taken;

    /// <summary>The number as stored in <see cref="TakenRecord"/>: behind <see cref="_taken"/> after changes no target wanted.</summary>
    private long? _takenStored;
    private HeldScope _held = null!;

    private int Partition => (int)this.GetPrimaryKeyLong();

    public static string Scope(int partition) => "webhooks-" + partition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_held, var records) = await HeldScope.ClaimAsync(store, Scope(Partition), this);
        foreach (var (name, value) in records)
        {
            if (name.StartsWith("d:", StringComparison.Ordinal))
            {
                _queue.Add(serializer.Deserialize<WebhookDelivery>(value)!);
            }
            else if (name == TakenRecord)
            {
                _taken = _takenStored = serializer.Deserialize<long>(value);
            }
        }

        var dropped = _queue.DropTargetsOtherThan(targets.All.Select(t => t.Name));
        if (dropped.Count > 0)
        {
            logger.LogWarning("Webhook outbox {Partition} dropped {Count} pending deliveries of targets no longer configured ({Targets})",
                Partition, dropped.Count, string.Join(", ", dropped.Select(d => d.Target).Distinct()));
            await _held.WriteAsync([.. dropped.Select(d => KeyValuePair.Create(d.Record, (byte[]?)null))]);
        }

        _reminderSet = _queue.Pending > 0; // a reminder from an earlier activation is still registered
        Pump();
    }

    public async Task TakeAsync(WebhookChanges changes)
    {
        var now = time.GetUtcNow();
        if (_taken is { } taken && changes.FirstSequence > taken + 1)
        {
            changes = await WithMissedAsync(changes, taken + 1);
        }

        var deliveries = new List<WebhookDelivery>();
        foreach (var change in changes.Alerts)
        {
            var @event = WebhookEvents.Of(change);
            foreach (var target in targets.All.Where(t => t.Wants(change, @event)))
            {
                deliveries.Add(Make(target, @event, change.Alert.Id, change.Alert.Sequence, now, id => target.Format == WebhookFormats.Slack
                    ? SlackText.Of(change.Alert, @event, target.Language)
                    : new WebhookMessage(id, @event, change.Alert.UpdatedAt, Partition, change.Alert.Sequence, Alert: change.Alert).ToJson()));
            }
        }

        foreach (var incident in changes.Incidents)
        {
            var @event = WebhookEvents.Of(incident, changes.OpenedIncidentIds.Contains(incident.Id));
            foreach (var target in targets.All.Where(t => t.Wants(incident, @event)))
            {
                deliveries.Add(Make(target, @event, incident.Id, incident.Sequence, now, id => target.Format == WebhookFormats.Slack
                    ? SlackText.Of(incident, @event, target.Language)
                    : new WebhookMessage(id, @event, incident.UpdatedAt, Partition, incident.Sequence, Incident: incident).ToJson()));
            }
        }

        if (deliveries.Count == 0)
        {
            // Nothing to store: the number is noted with the next deliveries, or when the outbox is
            // deactivated. A crash before either shows a gap, which costs one read of the partition
            // and sends what changed in it once more, as updates (receivers drop a sequence they had).
            _taken = Math.Max(_taken ?? 0, changes.LastSequence);
            return;
        }

        await _held.WriteAsync([
            .. deliveries.Select(d => KeyValuePair.Create(d.Record, (byte[]?)serializer.SerializeToArray(d))),
            KeyValuePair.Create(TakenRecord, (byte[]?)serializer.SerializeToArray(changes.LastSequence)),
        ]);
        _taken = _takenStored = Math.Max(_taken ?? 0, changes.LastSequence);
        foreach (var delivery in deliveries)
        {
            _queue.Add(delivery);
        }

        var givenUp = _queue.GiveUpOverflow(now);
        Pump();
        await EnsureReminderAsync();
        await ForgetGivenUpAsync(givenUp, now);
    }

    /// <summary>What a target holding more than Webhooks:MaxPending here lost: counted, logged (at most every 5 minutes a target), deleted.</summary>
    private async Task ForgetGivenUpAsync(List<WebhookAttempt> givenUp, DateTimeOffset now)
    {
        if (givenUp.Count == 0)
        {
            return;
        }

        foreach (var attempt in givenUp)
        {
            metrics.WebhookAttempted(attempt);
        }

        foreach (var target in givenUp.GroupBy(a => a.Target))
        {
            if (!_overflowSaid.TryGetValue(target.Key, out var said) || now - said >= TimeSpan.FromMinutes(5))
            {
                _overflowSaid[target.Key] = now;
                logger.LogWarning("Webhook target {Target} has more than {MaxPending} deliveries waiting in alert partition {Partition}: gave up the oldest {Count} (and goes on doing so while it does not take them)",
                    target.Key, options.Value.MaxPending, Partition, target.Count());
            }
        }

        try
        {
            await _held.WriteAsync([.. givenUp.Select(a => KeyValuePair.Create(WebhookDelivery.RecordOf(a.Target, a.Sequence), (byte[]?)null))]);
        }
        catch (Exception e)
        {
            // The deliveries taken are stored: only these deletions are lost, and the next activation loads them again.
            logger.LogWarning(e, "Webhook outbox {Partition} could not delete {Count} deliveries it gave up; they are loaded again when it next starts", Partition, givenUp.Count);
        }
    }

    public async Task ReportAsync(ImmutableArray<WebhookAttempt> attempts)
    {
        var now = time.GetUtcNow();
        var finished = new List<KeyValuePair<string, byte[]?>>();
        foreach (var attempt in attempts)
        {
            var (recorded, done) = _queue.Complete(attempt, now);
            metrics.WebhookAttempted(recorded);
            if (done)
            {
                finished.Add(KeyValuePair.Create(WebhookDelivery.RecordOf(recorded.Target, recorded.Sequence), (byte[]?)null));
            }

            if (recorded.Outcome is WebhookOutcome.GivenUp or WebhookOutcome.Rejected)
            {
                logger.LogWarning("Webhook {Delivery} ({Event} of {Subject}) to {Target} {Outcome} after {Attempts} attempts: {Error}",
                    recorded.DeliveryId, recorded.Event, recorded.Subject, recorded.Target, recorded.Outcome == WebhookOutcome.GivenUp ? "given up" : "refused", recorded.Attempt, recorded.Error ?? $"HTTP {recorded.Status}");
            }

            NoteFailing(recorded.Target, now);
        }

        Pump();
        if (finished.Count > 0)
        {
            // If this write is lost, those deliveries are sent once more after a restart: receivers
            // tell a repeat by its X-CxLive-Delivery id.
            await _held.WriteAsync(finished);
        }
    }

    public Task<ImmutableArray<WebhookTargetStatus>> StatusAsync()
    {
        var now = time.GetUtcNow();
        return Task.FromResult<ImmutableArray<WebhookTargetStatus>>([.. targets.All.Select(t => _queue.Status(t, now))]);
    }

    public Task WakeAsync() => Task.CompletedTask; // activating did the work: what was stored is loaded and sent

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        gauges.Forget(Partition);
        if (_taken is { } taken && taken != _takenStored)
        {
            // Changes no target wanted since the last write: noted, or the next activation reads them
            // as missed and sends them again (an idle outbox is collected within hours; a deploy stops it).
            try
            {
                await _held.WriteAsync([KeyValuePair.Create(TakenRecord, (byte[]?)serializer.SerializeToArray(taken))]);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Webhook outbox {Partition} could not note the last change it took ({Taken}); the next activation sends the changes after {Stored} again",
                    Partition, taken, _takenStored);
            }
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        Pump();
        if (_queue.Pending == 0)
        {
            _reminderSet = false;
            if (await this.GetReminder(WakeReminder) is { } reminder)
            {
                await this.UnregisterReminder(reminder);
            }
        }
    }

    /// <summary>
    /// Adds the changes numbered from <paramref name="from"/> up to this commit that never reached
    /// the outbox, as the partition's records have them now: each alert or incident whose latest
    /// change falls in the gap, in its latest state (a change overtaken by a later one in the gap is
    /// sent as that later one).
    /// </summary>
    private async Task<WebhookChanges> WithMissedAsync(WebhookChanges changes, long from)
    {
        var book = bookRecords.Read(Partition, await store.LoadAsync(BookRecords.Scope(Partition)));
        bool Missed(long sequence) => sequence >= from && sequence < changes.FirstSequence;
        var alerts = book.ById.Values.Where(a => Missed(a.Sequence) && a.SilencedBy is null).OrderBy(a => a.Sequence)
            .Select(a => new AlertChange(RaisedOnly(a) ? AlertChangeKind.Raised : AlertChangeKind.Updated, a)).ToList();
        var incidents = book.Incidents.Values.Where(i => Missed(i.Sequence)).OrderBy(i => i.Sequence).ToList();
        logger.LogWarning("Webhook outbox {Partition} missed changes {From} to {To} of its partition; sending the {Count} alerts and incidents they left, in their latest state",
            Partition, from, changes.FirstSequence - 1, alerts.Count + incidents.Count);
        return changes with
        {
            Alerts = [.. alerts, .. changes.Alerts],
            Incidents = [.. incidents, .. changes.Incidents],
            OpenedIncidentIds = [.. incidents.Where(i => i.IsOpen && i.UpdatedAt == i.OpenedAt).Select(i => i.Id), .. changes.OpenedIncidentIds],
        };
    }

    /// <summary>
    /// Nothing has happened to the alert since it was raised: no step (an action, a condition folded
    /// in), and not seen again (a repeat freshens its words with no step, and was sent as a second raise).
    /// </summary>
    private static bool RaisedOnly(Alert alert) => alert.History.Length <= 1 && alert.Occurrences <= 1 && alert.IsOpen;

    private WebhookDelivery Make(WebhookTarget target, string @event, string subject, long sequence, DateTimeOffset now, Func<string, byte[]> body)
    {
        var id = Guid.CreateVersion7(now).ToString();
        return new WebhookDelivery { Id = id, Target = target.Name, Event = @event, Subject = subject, Partition = Partition, Sequence = sequence, CreatedAt = now, Body = body(id) };
    }

    /// <summary>Sends what is due, then sets the one timer on the next due retry.</summary>
    private void Pump()
    {
        var now = time.GetUtcNow();
        foreach (var (delivery, attempt) in _queue.TakeDue(now))
        {
            if (targets.Named(delivery.Target) is { } target)
            {
                dispatcher.Send(Partition, target, delivery, attempt);
            }
        }

        foreach (var target in targets.All)
        {
            gauges.Report(Partition, target.Name, _queue.PendingFor(target.Name), _queue.FailingSince(target.Name));
        }

        var due = _queue.NextDue();
        if (due == _timerDue && (_timer is not null || due is null))
        {
            return;
        }

        _timer?.Dispose();
        (_timer, _timerDue) = (null, due);
        if (due is { } next)
        {
            var dueIn = next - now;
            // Kept alive while it holds deliveries: an idle outbox with retries ahead must not be collected.
            _timer = this.RegisterGrainTimer(() =>
            {
                (_timer, _timerDue) = (null, null);
                Pump();
                return Task.CompletedTask;
            }, new GrainTimerCreationOptions(dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
    }

    /// <summary>A target that has failed for Webhooks:FailingAfter is logged once, and again when it recovers.</summary>
    private void NoteFailing(string target, DateTimeOffset now)
    {
        if (_queue.IsFailing(target, now))
        {
            if (_reportedFailing.Add(target))
            {
                var status = _queue.Status(targets.Named(target)!, now);
                logger.LogError("Webhook target {Target} has been failing since {Since:O} ({Error}); {Pending} deliveries of alert partition {Partition} wait for it",
                    target, status.FailingSince, status.LastError, status.Pending, Partition);
            }
        }
        else if (_reportedFailing.Remove(target))
        {
            logger.LogWarning("Webhook target {Target} takes deliveries again", target);
        }
    }

    /// <summary>Registered once while there is something to send, so that the outbox wakes up even if nothing calls it after its silo went away.</summary>
    private async Task EnsureReminderAsync()
    {
        if (!_reminderSet)
        {
            await this.RegisterOrUpdateReminder(WakeReminder, ReminderPeriod, ReminderPeriod);
            _reminderSet = true; // after: a registration that failed is tried again with the next deliveries
        }
    }
}
