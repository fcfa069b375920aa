using System.Collections.Immutable;
using CxLive.Feed;
using CxLive.Agents;
using CxLive.Storage;
using CxLive.Telemetry;
using Microsoft.Extensions.Options;

namespace CxLive.Alerts;

/// <summary>
/// The cluster's one book of alerts (key 0). Applies signals in the order they come, takes people's
/// actions through the state machine, lets time pass (snoozes, escalation, expiry), keeps incidents
/// and silences, and passes every visible change to the alert feed (walls) and new customer alerts
/// to the outreach desk (agents). Silenced alerts are kept and queryable but not passed on.
/// </summary>
public sealed class AlertBookGrain : Grain, IAlertBookGrain, IRemindable
{
    public const string LifecycleReminder = "lifecycle";

    /// <summary>Wakes the book after a deactivation so that escalation and snoozes keep time; the timer does the precise work.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StatsEvery = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<AlertBookState> _state;
    private readonly TimeProvider _time;
    private readonly AlertOptions _options;
    private readonly Checkpoint<AlertBookState> _checkpoint;
    private readonly bool _writeThrough;
    private readonly CxMetrics _metrics;
    private IGrainTimer? _tickTimer;
    private DateTimeOffset? _tickDue;
    private IGrainTimer? _statsTimer;
    private bool _reminderSet;

    public AlertBookGrain(
        [PersistentState("alerts", StorageNames.State)] IPersistentState<AlertBookState> state,
        TimeProvider time,
        IOptions<AlertOptions> options,
        IOptions<CheckpointOptions> checkpoint,
        CxMetrics metrics)
    {
        _state = state;
        _metrics = metrics;
        _time = time;
        _options = options.Value;
        _checkpoint = new Checkpoint<AlertBookState>(this, state, checkpoint.Value.Delay);
        _writeThrough = checkpoint.Value.AlertsWriteThrough;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmTick(_state.State.NextDue(_options));
        return Task.CompletedTask;
    }

    public async Task<ImmutableArray<Alert>> ApplyAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = _time.GetUtcNow();
        var changes = new BookChanges();
        foreach (var signal in signals)
        {
            _state.State.Apply(signal, now, _options, changes);
        }

        await CommitAsync(changes);
        return [.. changes.Alerts.Select(c => c.Alert)];
    }

    public async Task<AlertActionResult> ActAsync(string alertId, AlertAction action)
    {
        var changes = new BookChanges();
        var result = _state.State.Act(alertId, action, _time.GetUtcNow(), changes);
        await CommitAsync(changes);
        return result;
    }

    public async Task TickAsync()
    {
        var changes = new BookChanges();
        _state.State.Tick(_time.GetUtcNow(), _options, changes);
        await CommitAsync(changes); // a quiet book still forgets on time: the lifecycle reminder ticks at least every 5 minutes
        ArmTick(_state.State.NextDue(_options)); // a tick is rare: look at every open alert again
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    public Task<Alert?> GetAsync(string alertId) =>
        Task.FromResult(_state.State.ById.GetValueOrDefault(alertId));

    public Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query) =>
        Task.FromResult(_state.State.NewestFirst().Where(query.Matches).Take(query.Limit).ToImmutableArray());

    public Task<WallStats> StatsAsync() => Task.FromResult(_state.State.Stats(_time.GetUtcNow()));

    public Task<ImmutableArray<Incident>> IncidentsAsync(bool openOnly) =>
        Task.FromResult(_state.State.Incidents.Values.Where(i => !openOnly || i.IsOpen).OrderByDescending(i => i.OpenedAt).ToImmutableArray());

    public Task<Incident?> GetIncidentAsync(string incidentId) =>
        Task.FromResult(_state.State.Incidents.GetValueOrDefault(incidentId));

    public async Task<Incident?> ResolveIncidentAsync(string incidentId, string by)
    {
        var changes = new BookChanges();
        var incident = _state.State.ResolveIncident(incidentId, _time.GetUtcNow(), by, changes);
        await CommitAsync(changes);
        return incident;
    }

    public async Task<Silence> AddSilenceAsync(Silence silence)
    {
        _state.State.Silences[silence.Id] = silence;
        await CommitAsync(new BookChanges(), changedOtherwise: true);
        return silence;
    }

    public Task<ImmutableArray<Silence>> SilencesAsync()
    {
        var now = _time.GetUtcNow();
        return Task.FromResult(_state.State.Silences.Values.Where(s => s.ExpiresAt > now).OrderBy(s => s.ExpiresAt).ToImmutableArray());
    }

    public async Task<bool> RemoveSilenceAsync(string silenceId)
    {
        var removed = _state.State.Silences.Remove(silenceId);
        await CommitAsync(new BookChanges(), changedOtherwise: removed);
        return removed;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);

    /// <summary>Saves (at once in Redis mode, before anyone sees the change), then tells walls and the outreach desk.</summary>
    private async Task CommitAsync(BookChanges changes, bool changedOtherwise = false)
    {
        var forgot = _state.State.Trim(_options.ResolvedKept, _time.GetUtcNow(), _options.ResolvedRetention);
        var changed = changes.Any || changedOtherwise || forgot;
        if (_writeThrough && (changed || _checkpoint.Unsaved))
        {
            // Unsaved with nothing changed: an earlier write failed, its caller was told so and is
            // sending the same again, which changes nothing in memory. Say yes only once it is
            // written, or the alert would live in this silo's memory alone (BookWriteFailureTests).
            await _checkpoint.WriteNowAsync();
        }
        else if (changed)
        {
            _checkpoint.MarkDirty();
        }

        if (!changed)
        {
            return;
        }

        foreach (var change in changes.Alerts)
        {
            _metrics.AlertChanged(change.Alert);
        }

        var visible = changes.Alerts.Where(c => c.Alert.SilencedBy is null).ToImmutableArray();
        var feed = GrainFactory.GetGrain<IAlertFeedGrain>(0);
        if (visible.Length > 0)
        {
            await feed.PublishAsync(visible);
        }

        if (changes.Incidents.Count > 0)
        {
            await feed.PublishIncidentsAsync([.. changes.Incidents]);
        }

        if (changes.ToRoute.Count > 0)
        {
            await GrainFactory.GetGrain<IOutreachDeskGrain>(0).OfferAsync([.. changes.ToRoute]);
        }

        var closed = changes.Alerts.Select(c => c.Alert).Where(a => a is { State: AlertState.Resolved, CustomerId: not null, SuggestedAction: not null }).ToImmutableArray();
        if (closed.Length > 0)
        {
            await GrainFactory.GetGrain<IOutreachDeskGrain>(0).WithdrawAsync(closed);
        }

        if (changes.Any)
        {
            _statsTimer ??= this.RegisterGrainTimer(PushStatsAsync, StatsEvery, Timeout.InfiniteTimeSpan);

            // Only what changed can bring the next due moment forward; a due that moved later just
            // lets the timer fire early, and that tick looks at every open alert again.
            var nextDue = changes.Alerts.Select(c => AlertBookState.DueOf(c.Alert, _options)).Min();
            ArmTick(_tickDue is { } armed && (nextDue is null || armed <= nextDue) ? armed : nextDue);
            await EnsureReminderAsync();
        }
    }

    /// <summary>At most one <c>wallStats</c> a second, however many alerts changed in it.</summary>
    private async Task PushStatsAsync()
    {
        _statsTimer?.Dispose();
        _statsTimer = null;
        await GrainFactory.GetGrain<IAlertFeedGrain>(0).PublishStatsAsync(_state.State.Stats(_time.GetUtcNow()));
    }

    /// <summary>One timer, on the next moment something is due (the reminder covers a deactivated book).</summary>
    private void ArmTick(DateTimeOffset? due)
    {
        if (due == _tickDue && (_tickTimer is not null || due is null))
        {
            return;
        }

        _tickTimer?.Dispose();
        _tickTimer = null;
        _tickDue = due;
        if (due is { } next)
        {
            var dueIn = next - _time.GetUtcNow();
            dueIn = dueIn < TimeSpan.Zero ? TimeSpan.Zero : dueIn > TimeSpan.FromDays(49) ? TimeSpan.FromDays(49) : dueIn;
            _tickTimer = this.RegisterGrainTimer(async () =>
            {
                _tickTimer = null;
                _tickDue = null;
                await TickAsync();
            }, dueIn, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Registered once per activation while there is something to keep time for (a reminder is a storage write).</summary>
    private async Task EnsureReminderAsync()
    {
        if (!_reminderSet && _tickDue is not null)
        {
            await this.RegisterOrUpdateReminder(LifecycleReminder, ReminderPeriod, ReminderPeriod);
            _reminderSet = true;
        }
    }
}
