using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Experience;
using CxLive.Grains.Feed;
using CxLive.Grains.Storage;
using CxLive.Grains.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Utilities;

namespace CxLive.Grains.Customers;

/// <summary>
/// One customer's live picture. A batch is one call: record each new interaction, run the
/// detectors over it, let time pass for the deadline rules, then hand any signals to the alert
/// book in one call. Storage is touched only by the checkpoint, never per interaction. Deadlines
/// ("no reply within 2 h") are kept by one reminder per customer, for the next one only.
/// </summary>
[GrainType("customer")]
public sealed class CustomerGrain : Grain, ICustomerGrain, IRemindable, IDetectorFaults
{
    public const string DeadlineReminder = "deadline";

    /// <summary>A rule that threw on its deadline is tried again after this: not at once, nor every minute, for ever.</summary>
    private static readonly TimeSpan FaultRetry = TimeSpan.FromMinutes(10);

    private readonly IPersistentState<CustomerState> _state;
    private readonly IRuleBookSource _rules;
    private readonly CustomerDetectors _detectors;
    private readonly CustomerOptions _options;
    private readonly Checkpoint<CustomerState> _checkpoint;
    private readonly TimeProvider _time;
    private readonly List<AlertSignal> _signals = [];
    private readonly ILogger<CustomerGrain> _logger;
    private readonly CxMetrics _metrics;
    private readonly int _alertPartitions;

    /// <summary>Web servers showing this customer live; created on the first watch, so unwatched customers pay one null field.</summary>
    private ObserverManager<ICustomerWatcher>? _watchers;

    /// <summary>This activation, so a stream consumer can tell a checkpoint of what it delivered from one of a fresh activation.</summary>
    private readonly Guid _activation = Guid.NewGuid();

    public CustomerGrain(
        [PersistentState("customer", StorageNames.Customers)] IPersistentState<CustomerState> state,
        IRuleBookSource rules,
        CustomerDetectors detectors,
        IOptions<CustomerOptions> options,
        IOptions<CheckpointOptions> checkpoint,
        IOptions<AlertOptions> alerts,
        TimeProvider time,
        ILogger<CustomerGrain> logger,
        CxMetrics metrics)
    {
        _metrics = metrics;
        _alertPartitions = alerts.Value.Partitions;
        _time = time;
        _logger = logger;
        _state = state;
        _rules = rules;
        _detectors = detectors;
        _options = options.Value;
        _checkpoint = new Checkpoint<CustomerState>(this, state, checkpoint.Value.Delay);
    }

    /// <summary>
    /// A rule that throws is said in the log, loudly, and the other rules go on: the batch's
    /// interactions are recorded already, so failing the call would make a retry meet only duplicates.
    /// </summary>
    void IDetectorFaults.Faulted(string ruleId, Exception exception)
    {
        _metrics.RuleFaulted(ruleId);
        _faulted = true;
        // Once per rule and activation at error level: a rule failing on every interaction must
        // not drown the journal (the counter counts them all).
        if ((_faultsLogged ??= new(StringComparer.Ordinal)).Add(ruleId))
        {
            _logger.LogError(exception, "Rule {RuleId} failed for customer {CustomerId}; the other rules ran and the interactions are kept", ruleId, this.GetPrimaryKeyString());
        }
        else
        {
            _logger.LogDebug(exception, "Rule {RuleId} failed again for customer {CustomerId}", ruleId, this.GetPrimaryKeyString());
        }
    }

    /// <summary>Rules whose failure this activation logged already; null until one fails.</summary>
    private HashSet<string>? _faultsLogged;

    /// <summary>A rule failed while time passed: its deadline is retried later, not at once again.</summary>
    private bool _faulted;

    public async Task<RecordResult> RecordAsync(ImmutableArray<Interaction> interactions)
    {
        var state = _state.State;
        var rules = _rules.Current;
        var now = _time.GetUtcNow();
        ImmutableArray<int>.Builder? duplicates = null, recentDuplicates = null; // most batches have none: no allocation then
        for (var i = 0; i < interactions.Length; i++)
        {
            var interaction = interactions[i];
            if (!state.TryRecord(interaction, _options, now))
            {
                (duplicates ??= ImmutableArray.CreateBuilder<int>()).Add(i);
                if (state.AcceptedRecentlyFromTheSameEntry(interaction, _options, now))
                {
                    (recentDuplicates ??= ImmutableArray.CreateBuilder<int>()).Add(i);
                }

                continue;
            }

            _detectors.Observe(rules, state.Detection, interaction, _signals, this);
        }

        var accepted = interactions.Length - (duplicates?.Count ?? 0);
        if (accepted > 0)
        {
            // The batch's customer id is the grain's key: GetPrimaryKeyString() would decode a new string.
            await LetTimePassAsync(rules, interactions[0].CustomerId); // a late event may already be past its deadline
            await ReportScoreTenthAsync(now);
            await TellIndexAsync(interactions[0].CustomerId, now);
            TellWatchers();
        }
        else if (_signals.Count > 0)
        {
            // A delivery again after the alert book could not be reached (its silo died): every id is
            // known now, but the alerts they raised are still waiting here and must not wait for the
            // customer's next interaction.
            await PublishSignalsAsync();
        }

        return new RecordResult(accepted, duplicates?.ToImmutable() ?? []) { RecentDuplicateIndexes = recentDuplicates?.ToImmutable() ?? [], Activation = _activation };
    }

    /// <summary>Tells the score distribution when this customer's score moved to another tenth (rarely: one-way, not per batch).</summary>
    private async Task ReportScoreTenthAsync(DateTimeOffset now)
    {
        var state = _state.State;
        var tenth = ExperienceDirectoryGrain.TenthOf(_detectors.Experience.ScoreAt(state.Detection.Experience, now));
        if (tenth != state.ReportedTenth)
        {
            await GrainFactory.Ref<IExperienceDirectoryGrain>(0).MoveAsync(state.ReportedTenth, tenth);
            state.ReportedTenth = tenth;
        }
    }

    /// <summary>Keeps the customer findable by id prefix: one call on the first interaction of each UTC day.</summary>
    private async Task TellIndexAsync(string customerId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (_state.State.IndexedOn != today)
        {
            await GrainFactory.Ref<ICustomerIndexGrain>(ICustomerIndexGrain.ShardOf(customerId)).SeenAsync(customerId, today);
            _state.State.IndexedOn = today;
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == DeadlineReminder)
        {
            await LetTimePassAsync(_rules.Current, this.GetPrimaryKeyString(), reminderFired: true);
        }
    }

    /// <summary>Runs the deadline rules up to now, publishes any signals, and keeps the reminder on the next deadline.</summary>
    private async Task LetTimePassAsync(RuleBook rules, string customerId, bool reminderFired = false)
    {
        var state = _state.State;
        _faulted = false;
        var now = _time.GetUtcNow();
        _detectors.Expire(rules, state.Detection, customerId, now, _signals, this);
        _checkpoint.MarkDirty();
        await PublishSignalsAsync();
        var next = _detectors.NextDeadline(rules, state.Detection, this);
        // A rule that throws leaves its deadline where it was: due now again, the reminder would fire
        // at once, for ever. Retried later instead.
        await KeepReminderOnAsync(_faulted && (next is null || next <= now) ? now + FaultRetry : next, reminderFired);
    }

    private async Task PublishSignalsAsync()
    {
        if (_signals.Count > 0)
        {
            // Cleared only once the book has them: if it is unreachable, the next batch retries them.
            // Outreach is suggested on the channel its prompt will go by: the one the customer uses most.
            var used = _state.State.ChannelsUsed();
            await GrainFactory.Ref<IAlertBookGrain>(AlertPartitions.Of(this.GetPrimaryKeyString(), _alertPartitions)).ApplyAsync([.. SignalOrder.SpecificFirst(_signals).Select(signal => OutreachRouting.OnPreferredChannel(signal, used))]);
            _signals.Clear();
        }
    }


    /// <summary>
    /// One reminder per customer, moved only when the next deadline moves: a reminder write is a
    /// storage write. The state remembers what is registered, so no read is needed to know; a
    /// reminder that just fired is always settled (moved or removed), even if the state forgot it.
    /// </summary>
    private async Task KeepReminderOnAsync(DateTimeOffset? deadline, bool reminderFired)
    {
        var state = _state.State;
        if (deadline == state.ReminderDue && !reminderFired)
        {
            return;
        }

        if (deadline is { } due)
        {
            var dueIn = due - _time.GetUtcNow();
            await this.RegisterOrUpdateReminder(DeadlineReminder, dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, _options.DeadlineRecheck);
        }
        else if (await this.GetReminder(DeadlineReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        state.ReminderDue = deadline;
    }

    public async Task<Guid> CheckpointAsync()
    {
        await _checkpoint.FlushAsync();
        return _activation;
    }

    public Task<CustomerSnapshot> GetSnapshotAsync() => Task.FromResult(Snapshot());

    public Task<ImmutableArray<ScorePoint>> ScoreHistoryAsync()
    {
        var replay = new ExperienceState();
        var customerId = this.GetPrimaryKeyString();
        var points = ImmutableArray.CreateBuilder<ScorePoint>(_state.State.Timeline.Count);
        foreach (var interaction in _state.State.TimelineOf(customerId).OrderBy(i => i.Timestamp))
        {
            _detectors.Experience.Record(replay, interaction);
            points.Add(new ScorePoint(interaction.Timestamp, Math.Round(_detectors.Experience.ScoreAt(replay, interaction.Timestamp), 1), interaction.Id, interaction.Type));
        }

        return Task.FromResult(points.ToImmutable());
    }

    public Task<AlertOutcome> OutcomeSinceAsync(DateTimeOffset raisedAt, ImmutableArray<string> evidence) =>
        Task.FromResult(_state.State.TimelineOf(this.GetPrimaryKeyString()).Any(i => i.Timestamp > raisedAt && !i.Failed && !evidence.Contains(i.Id))
            ? AlertOutcome.Recovered
            : AlertOutcome.Lost);

    public Task WatchAsync(ICustomerWatcher watcher)
    {
        _watchers ??= new ObserverManager<ICustomerWatcher>(AlertFeed.SubscriptionExpiry, _logger);
        _watchers.Subscribe(watcher, watcher);
        return Task.CompletedTask;
    }

    public Task UnwatchAsync(ICustomerWatcher watcher)
    {
        _watchers?.Unsubscribe(watcher);
        return Task.CompletedTask;
    }

    /// <summary>One snapshot per batch, not per interaction: a batch is already the unit of change.</summary>
    private void TellWatchers()
    {
        if (_watchers is { Count: > 0 } watchers)
        {
            var snapshot = Snapshot();
            watchers.Notify(watcher => watcher.OnCustomerUpdatedAsync(snapshot));
        }
    }

    private CustomerSnapshot Snapshot() =>
        _state.State.Snapshot(this.GetPrimaryKeyString()) with
        {
            ExperienceScore = Math.Round(_detectors.Experience.ScoreAt(_state.State.Detection.Experience, _time.GetUtcNow()), 1),
        };

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _checkpoint.FlushAsync(cancellationToken);
}
