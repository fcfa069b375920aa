using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Touchpoints;

/// <summary>
/// One touchpoint's rolling counts and failure rate. Hot in memory; storage is a checkpoint. Its rules
/// are judged when events arrive and, while it has had traffic within the hour or an outage alert is
/// open, once a minute on a timer (a silent touchpoint sends no events to be judged on). A reminder
/// keeps an open outage alert watched across deactivations and restarts.
/// </summary>
[GrainType("touchpoint")]
public sealed class TouchpointGrain : Grain, ITouchpointGrain, IRemindable
{
    public const string WatchReminder = "watch";
    private static readonly TimeSpan WatchReminderPeriod = TimeSpan.FromMinutes(5);
    private IGrainTimer? _checkTimer;
    private bool _reminderOn;

    private readonly IPersistentState<TouchpointState> _state;
    private readonly TimeProvider _time;
    private readonly IRuleBookSource _rules;
    private readonly Checkpoint<TouchpointState> _checkpoint;
    private readonly List<AlertSignal> _signals = [];
    private readonly int _alertPartitions;

    /// <summary>This activation, so a stream consumer can tell a checkpoint of what it delivered from one of a fresh activation.</summary>
    private readonly Guid _activation = Guid.NewGuid();

    /// <summary>How often, at most, this touchpoint tells the directory its figures while traffic flows.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;
    private IGrainTimer? _lateReport;

    public TouchpointGrain(
        [PersistentState("touchpoint", StorageNames.State)] IPersistentState<TouchpointState> state,
        TimeProvider time,
        IRuleBookSource rules,
        IOptions<CheckpointOptions> checkpoint,
        IOptions<AlertOptions> alerts)
    {
        _alertPartitions = alerts.Value.Partitions;
        _state = state;
        _time = time;
        _rules = rules;
        _checkpoint = new Checkpoint<TouchpointState>(this, state, checkpoint.Value.Delay);
    }

    /// <summary>Counts the batch, then judges degradation as of its newest event (event time).</summary>
    public async Task<Guid> RecordAsync(ImmutableArray<Interaction> interactions, string? consumer)
    {
        var state = _state.State;
        var now = _time.GetUtcNow();
        state.Deliveries.Forget(now);
        foreach (var interaction in interactions)
        {
            if (consumer is null || state.Deliveries.TryAdd(consumer, interaction.Id, now))
            {
                state.Record(interaction);
            }
        }

        _checkpoint.MarkDirty();
        if (_state.State.LastSeen is { } newest)
        {
            await JudgeAsync(newest);
        }

        _checkTimer ??= this.RegisterGrainTimer(CheckTimeAsync, new GrainTimerCreationOptions(TouchpointRules.CheckEvery, TouchpointRules.CheckEvery) { KeepAlive = true });

        var sinceReport = now - _reportedAt;
        if (sinceReport >= ReportEvery)
        {
            await ReportAsync();
        }
        else
        {
            // The last batch of a burst would otherwise wait for the next interaction, however long:
            // the directory hears of it when the interval is over.
            _lateReport ??= this.RegisterGrainTimer(ReportAsync, sinceReport < TimeSpan.Zero ? ReportEvery : ReportEvery - sinceReport, Timeout.InfiniteTimeSpan);
        }

        return _activation;
    }

    /// <summary>Tells the directory this touchpoint's figures now (one-way).</summary>
    private async Task ReportAsync()
    {
        _lateReport?.Dispose();
        _lateReport = null;
        if (this.HostIsStopping())
        {
            return; // the next activation reports
        }

        _reportedAt = _time.GetUtcNow();
        await GrainFactory.Ref<ITouchpointDirectoryGrain>(0).ReportAsync(await GetSnapshotAsync());
    }

    /// <summary>Time has passed: judged at the clock's now, or at the newest event if that is later (skew).</summary>
    private async Task CheckTimeAsync(CancellationToken cancellation)
    {
        var now = _time.GetUtcNow();
        var state = _state.State;
        var at = state.LastSeen is { } last && last > now ? last : now;
        await JudgeAsync(at);
        await ReportAsync(); // the failing-most list ages with the window, not only when traffic comes
        if (!TouchpointRules.NeedsTime(state, at))
        {
            _checkTimer?.Dispose(); // nothing left to judge: the next event starts it again
            _checkTimer = null;
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await CheckTimeAsync(CancellationToken.None);
        if (_checkTimer is null && _state.State.Watched)
        {
            _checkTimer = this.RegisterGrainTimer(CheckTimeAsync, new GrainTimerCreationOptions(TouchpointRules.CheckEvery, TouchpointRules.CheckEvery) { KeepAlive = true });
        }
    }

    private async Task JudgeAsync(DateTimeOffset at)
    {
        var touchpoint = this.GetPrimaryKeyString();
        var watched = _state.State.Watched;
        TouchpointRules.Evaluate(_rules.Current, touchpoint, _state.State, at, _signals);
        if (_signals.Count > 0)
        {
            _checkpoint.MarkDirty();
            await GrainFactory.Ref<IAlertBookGrain>(AlertPartitions.Of(touchpoint, _alertPartitions)).ApplyAsync([.. _signals]);
            _signals.Clear();
        }

        if (_state.State.Watched != watched || (_state.State.Watched && !_reminderOn))
        {
            await KeepReminderAsync(_state.State.Watched);
        }
    }

    /// <summary>One reminder while an outage alert is open here, none otherwise.</summary>
    private async Task KeepReminderAsync(bool on)
    {
        if (on)
        {
            await this.RegisterOrUpdateReminder(WatchReminder, WatchReminderPeriod, WatchReminderPeriod);
        }
        else if (await this.GetReminder(WatchReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderOn = on;
    }

    public async Task<Guid> CheckpointAsync()
    {
        await _checkpoint.FlushAsync();
        return _activation;
    }

    public Task ReleaseAsync(string consumer)
    {
        if (_state.State.Deliveries.Release(consumer))
        {
            _checkpoint.MarkDirty(); // the next write forgets them too; until then they only guard
        }

        return Task.CompletedTask;
    }

    public Task<TouchpointSnapshot> GetSnapshotAsync()
    {
        var state = _state.State;
        var now = _time.GetUtcNow();
        return Task.FromResult(new TouchpointSnapshot
        {
            Touchpoint = this.GetPrimaryKeyString(),
            Total = state.Total,
            Failures = state.Failures,
            Last5Minutes = state.Window(now, 5),
            LastHour = state.Window(now, TouchpointState.Minutes),
            LastSeen = state.LastSeen,
        });
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
