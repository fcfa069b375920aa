using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Agents;
using CxLive.Grains.Customers;
using CxLive.Grains.Feed;
using CxLive.Grains.Hosting;
using CxLive.Grains.Insights;
using CxLive.Grains.Storage;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;

namespace CxLive.Grains.Alerts;

/// <summary>
/// One alert partition (key: its number). Applies signals in the order they come, takes people's
/// actions through the state machine, lets time pass (snoozes, escalation, expiry), keeps its
/// incidents, and after every change writes just the records it touched (before anyone hears of
/// it), then passes the numbered changes to its feed (walls) and new customer alerts to its
/// outreach desk (agents). Silenced alerts are kept, numbered and queryable, but never routed.
/// Placed by the hash of its key (<c>[HashBasedPlacement]</c>): the partitions spread evenly over
/// the silos instead of gathering where their first caller happened to run.
/// </summary>
[HashBasedPlacement]
[GrainType("alertbook")]
public sealed class AlertBookGrain : Grain, IAlertBookGrain, IRemindable
{
    public const string LifecycleReminder = "lifecycle";

    /// <summary>Wakes the partition after a deactivation so that escalation and snoozes keep time; the timer does the precise work.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan StatsEvery = TimeSpan.FromSeconds(1);

    /// <summary>A safety net under the directory's pushes: a copy that missed one is mended within this.</summary>
    private static readonly TimeSpan DirectoryRefresh = TimeSpan.FromSeconds(15);

    /// <summary>How often alerts still waiting for an agent are offered again, and how long after their raise.</summary>
    private static readonly TimeSpan ReofferEvery = TimeSpan.FromSeconds(10);

    /// <summary>How often changed alerts are forwarded to the insights days.</summary>
    private static readonly TimeSpan InsightsEvery = TimeSpan.FromSeconds(5);
    private const int InsightsBatch = 1000;

    /// <summary>How long alerts that joined another partition's incident wait to be sent there together.</summary>
    private static readonly TimeSpan AttachEvery = TimeSpan.FromMilliseconds(250);
    private const string InsightsCursorRecord = "cursor";

    private readonly IRecordStore _store;
    private HeldScope _book = null!;
    private HeldScope _insightsCursor = null!;
    private readonly BookRecords _records;
    private readonly TimeProvider _time;
    private readonly AlertOptions _options;
    private readonly CxMetrics _metrics;
    private AlertBookState _state = new();
    private ClusterAlerts _cluster = null!;
    private int _resolvedKept;
    private IGrainTimer? _tickTimer;
    private DateTimeOffset? _tickDue;
    private IGrainTimer? _statsTimer;
    private bool _reminderSet;
    private long _published;

    /// <summary>
    /// Alerts here that joined another partition's incident, sent to it together every
    /// <see cref="AttachEvery"/>: in an outage every new alert of every partition joins the one
    /// incident, and a message (and so a commit there) per alert made that partition the cluster's
    /// bottleneck.
    /// </summary>
    private readonly Dictionary<string, List<IncidentMember>> _toAttach = new(StringComparer.Ordinal);
    private IGrainTimer? _attachTimer;

    /// <summary>The number of the last change forwarded to insights; stored, so a new activation forwards what the last one had not.</summary>
    private long _insightsForwarded;

    public AlertBookGrain(IRecordStore store, BookRecords records, TimeProvider time, IOptions<AlertOptions> options, CxMetrics metrics)
    {
        _store = store;
        _records = records;
        _metrics = metrics;
        _time = time;
        _options = options.Value;
    }

    private int Partition => (int)this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _cluster = new ClusterAlerts(GrainFactory, _options.Partitions);
        _resolvedKept = (_options.ResolvedKept + _options.Partitions - 1) / _options.Partitions; // the cluster keeps about Alerts:ResolvedKept
        (_book, var records) = await HeldScope.ClaimAsync(_store, BookRecords.Scope(Partition), this);
        _state = _records.Read(Partition, records);
        _state.Sync(await _cluster.Directory.SnapshotAsync());
        _published = _state.Sequence;
        (_insightsCursor, var cursor) = await HeldScope.ClaimAsync(_store, InsightsCursorScope, this);
        _insightsForwarded = cursor.TryGetValue(InsightsCursorRecord, out var forwarded) ? BitConverter.ToInt64(forwarded) : 0;
        this.RegisterGrainTimer(this.SkippedWhileStopping(ForwardInsightsAsync), InsightsEvery, InsightsEvery);
        this.RegisterGrainTimer(this.SkippedWhileStopping(async () => _state.Sync(await _cluster.Directory.SnapshotAsync())), DirectoryRefresh, DirectoryRefresh);
        this.RegisterGrainTimer(this.SkippedWhileStopping(OfferAgainAsync), ReofferEvery, ReofferEvery);
        _book.CheckClaimWhileActive(); // it answers reads: lists, counters
        ArmTick(_state.NextDue(_options));

        // Members not yet sent when the last activation ended (their incident ignores those it has).
        foreach (var alert in _state.OpenAlerts.Where(a => a is { IncidentId: not null, CustomerId: not null } && !_state.Incidents.ContainsKey(a.IncidentId)))
        {
            ToAttach(alert.IncidentId!, new IncidentMember(alert.Id, alert.CustomerId!));
        }
    }

    /// <summary>
    /// Sends what is waiting, unless the last silo is stopping: then every partition is deactivating
    /// too, and a message to one of them makes Orleans try to migrate it with the message, which
    /// with no silo left fails with an error line and loses the message anyway. Nothing is lost by
    /// keeping quiet: the next activation sends the members again (<see cref="OnActivateAsync"/>), and
    /// an incident ignores the members it has. While another silo is up the members are sent, so an
    /// incident on a silo that stays counts them at once.
    /// </summary>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown && !AnotherSiloIsActive() ? Task.CompletedTask : SendAttachmentsAsync();

    /// <summary>
    /// True while the last silo stops: the grains a change would be told to are deactivating too,
    /// and a message to one makes Orleans place it again where no silo takes grains: error lines in
    /// the stop's log, and the message lost anyway. So the messages whose loss the next start
    /// catches up stay home then: pushes to the feed (web servers catch up by sequence number),
    /// offers to the desk (the re-offer), and attachments to another partition's incident (sent
    /// again on activation). Those nothing replays (the directory's incidents, absorbs,
    /// withdrawals) are still sent.
    /// </summary>
    private bool LastSiloStopping => this.HostIsStopping() && !AnotherSiloIsActive();

    private bool AnotherSiloIsActive()
    {
        var self = GrainContext.Address.SiloAddress;
        return ServiceProvider.GetService<IClusterMembershipService>()?.CurrentSnapshot.Members.Values
            .Any(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(self)) == true;
    }

    public async Task<ImmutableArray<Alert>> ApplyAsync(ImmutableArray<AlertSignal> signals)
    {
        var now = _time.GetUtcNow();
        var changes = new BookChanges();
        foreach (var signal in signals)
        {
            _state.Apply(signal, now, _options, changes);
        }

        await CommitAsync(changes);
        return [.. changes.Alerts.Select(c => c.Alert)];
    }

    public async Task<AlertActionResult> ActAsync(string alertId, AlertAction action)
    {
        if (action is { Kind: AlertActionKind.Resolve, Outcome: null } && _state.ById.TryGetValue(alertId, out var alert) && alert is { IsOpen: true, CustomerId: { } customer })
        {
            // A person who closes a customer's alert without saying how it ended: the customer's
            // timeline decides (the customer interleaves this read, so a customer waiting on this
            // partition to take its signals cannot deadlock with it).
            action = action with { Outcome = await GrainFactory.Ref<ICustomerGrain>(customer).OutcomeSinceAsync(alert.RaisedAt, alert.Evidence), OutcomeFromTimeline = true };
        }

        var changes = new BookChanges();
        var result = _state.Act(alertId, action, _time.GetUtcNow(), changes);
        await CommitAsync(changes);
        return result is { Alert: { } acted } && _state.ById.TryGetValue(acted.Id, out var numbered) ? result with { Alert = numbered } : result;
    }

    public async Task TickAsync()
    {
        var changes = new BookChanges();
        _state.Tick(_time.GetUtcNow(), _options, changes);
        await CommitAsync(changes); // a quiet partition still forgets on time: the lifecycle reminder ticks at least every 5 minutes
        ArmTick(_state.NextDue(_options));
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => TickAsync();

    public Task<Alert?> GetAsync(string alertId) => Task.FromResult(_state.ById.GetValueOrDefault(alertId));

    public Task<ImmutableArray<Alert>> QueryAsync(AlertQuery query) => Task.FromResult(_state.Query(query).Take(query.Limit).ToImmutableArray());

    public Task<PartitionFigures> FiguresAsync() => Task.FromResult(_state.FiguresAt(_time.GetUtcNow()));

    public Task<ImmutableArray<Incident>> IncidentsAsync(bool openOnly) =>
        Task.FromResult(_state.Incidents.Values.Where(i => !openOnly || i.IsOpen).OrderByDescending(i => i.OpenedAt).ToImmutableArray());

    public Task<Incident?> GetIncidentAsync(string incidentId) => Task.FromResult(_state.IncidentView(incidentId));

    public Task<Incident?> ResolveIncidentAsync(string incidentId, string by) => ResolveIncidentAsync(incidentId, by, null);

    public async Task<Incident?> ResolveIncidentAsync(string incidentId, string by, string? note)
    {
        var changes = new BookChanges();
        var incident = _state.ResolveIncident(incidentId, _time.GetUtcNow(), by, changes, note);
        await CommitAsync(changes);
        return incident is null ? null : _state.IncidentView(incidentId);
    }

    public Task<FeedCatchUp> ChangesAfterAsync(long after, int limit) => Task.FromResult(_state.ChangesAfter(after, limit));

    public Task<long> PublishedAsync() => Task.FromResult(_published);

    private string InsightsCursorScope => "insights-cursor-" + Partition.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Every alert whose latest change is past the cursor goes to the day it was raised on, then the
    /// cursor moves on. Days take an alert by id, so forwarding one twice (a crash between the two
    /// writes) counts it once. An alert trimmed before it was forwarded (resolved and pushed out of
    /// <c>Alerts:ResolvedKept</c> within seconds) reaches insights in its last forwarded state.
    /// </summary>
    public async Task ForwardInsightsAsync()
    {
        while (_insightsForwarded < _state.Sequence)
        {
            var changes = _state.ChangesAfter(_insightsForwarded, InsightsBatch);
            await Task.WhenAll(changes.Alerts.Select(AlertFact.Of).GroupBy(f => f.Day)
                .Select(day => GrainFactory.Ref<IInsightDayGrain>(IInsightDayGrain.KeyOf(day.Key)).RecordAsync([.. day])));
            await _insightsCursor.WriteAsync([new(InsightsCursorRecord, BitConverter.GetBytes(changes.Head))]);
            _insightsForwarded = changes.Head;
            if (!changes.More)
            {
                return;
            }
        }
    }

    public Task SyncDirectoryAsync(AlertDirectorySnapshot snapshot)
    {
        _state.Sync(snapshot);
        return Task.CompletedTask;
    }

    public Task AbsorbIntoIncidentAsync(Incident incident) =>
        HeldScope.OneWayAsync(() => AbsorbIntoIncidentNowAsync(incident), () => this.AsReference<IAlertBookGrain>().AbsorbIntoIncidentAsync(incident)); // one-way: a refused write is sent on

    private async Task AbsorbIntoIncidentNowAsync(Incident incident)
    {
        var changes = new BookChanges();
        var members = _state.AbsorbInto(incident, _time.GetUtcNow(), _options, changes);
        await CommitAsync(changes);
        if (members.Count > 0 && !LastSiloStopping) // the next activation sends them (OnActivateAsync)
        {
            await _cluster.Book(incident.Partition).AttachToIncidentAsync(incident.Id, [.. members]);
        }
    }

    public Task AttachToIncidentAsync(string incidentId, ImmutableArray<IncidentMember> members) =>
        HeldScope.OneWayAsync(() => AttachToIncidentNowAsync(incidentId, members), () => this.AsReference<IAlertBookGrain>().AttachToIncidentAsync(incidentId, members)); // one-way: a refused write is sent on

    private async Task AttachToIncidentNowAsync(string incidentId, ImmutableArray<IncidentMember> members)
    {
        var changes = new BookChanges();
        _state.Attach(incidentId, members, _time.GetUtcNow(), changes);
        await CommitAsync(changes);
    }

    public Task ResolveAbsorbedAsync(string incidentId, string by) => ResolveAbsorbedAsync(incidentId, by, null);

    public Task ResolveAbsorbedAsync(string incidentId, string by, string? note) =>
        HeldScope.OneWayAsync(() => ResolveAbsorbedNowAsync(incidentId, by, note), () => this.AsReference<IAlertBookGrain>().ResolveAbsorbedAsync(incidentId, by, note)); // one-way: a refused write is sent on

    private async Task ResolveAbsorbedNowAsync(string incidentId, string by, string? note)
    {
        var changes = new BookChanges();
        _state.ResolveAbsorbed(incidentId, _time.GetUtcNow(), by, changes, note);
        await CommitAsync(changes);
    }

    /// <summary>Writes what changed (before anyone sees it), then tells walls, the desk and the other partitions.</summary>
    private async Task CommitAsync(BookChanges changes)
    {
        _state.Trim(_resolvedKept, _time.GetUtcNow(), _options.ResolvedRetention);
        _state.Seal(changes);
        await _book.WriteChangedAsync(_state.Dirty, () => _records.TakeChanges(_state)); // BookWriteFailureTests
        if (!changes.Any)
        {
            return;
        }

        try
        {
            await ServiceProvider.GetRequiredService<WebhookHandOff>().OfferAsync(Partition, changes); // stored (when targets want it) before anyone hears of the change
        }
        catch (Exception e)
        {
            // The outbox did not store the deliveries (its write failed, it was superseded by another
            // activation, it did not answer): the change is written here, and the outbox sends what
            // its numbers show it missed with the partition's next change. Failing now skipped the
            // walls, the desk and the other partitions for a stored change, and a batch sent again
            // is "already kept": nothing told them later.
            if (e is not ScopeClaimedElsewhereException)
            {
                ServiceProvider.GetRequiredService<ILogger<AlertBookGrain>>().LogWarning(e,
                    "Alert partition {Partition}: its webhook outbox did not take changes up to {Sequence}; it sends them with the partition's next change", Partition, _state.Sequence);
            }
        }

        foreach (var change in changes.Alerts)
        {
            _metrics.AlertChanged(change.Alert);
        }

        // While the last silo stops, only what nobody catches up later goes out: the directory's
        // incidents, absorbs and withdrawals (see LastSiloStopping).
        var quiet = LastSiloStopping;
        var feed = _cluster.Feed(Partition);
        if (changes.Alerts.Count > 0 && !quiet)
        {
            await feed.PublishAsync([.. changes.Alerts]);
        }

        if (changes.Incidents.Count > 0 && !quiet)
        {
            await feed.PublishIncidentsAsync([.. changes.Incidents]);
        }

        _published = _state.Sequence; // web servers that see a higher number than they heard of catch up (FeedRelay)

        var desk = _cluster.Desk(Partition);
        if (changes.ToRoute.Count > 0 && !quiet)
        {
            await desk.OfferAsync([.. changes.ToRoute]);
        }

        if (changes.SnoozeChanged.Count > 0 && !quiet)
        {
            await desk.SnoozedAsync([.. changes.SnoozeChanged]);
        }

        // Customer alerts that closed, or that an outage's incident took in: their prompts are taken back.
        var leaving = changes.Alerts.Select(c => c.Alert).Where(a => a is { State: AlertState.Resolved, CustomerId: not null, SuggestedAction: not null })
            .Concat(changes.Absorbed.Where(a => a.SuggestedAction is not null)).ToImmutableArray();
        if (leaving.Length > 0)
        {
            await desk.WithdrawAsync(leaving);
        }

        await TellOtherPartitionsAsync(changes);
        _statsTimer ??= this.RegisterGrainTimer(ReportFiguresAsync, StatsEvery, Timeout.InfiniteTimeSpan);

        ArmTick(_state.NextDue(_options)); // the due index re-reads only the alerts that changed
        await EnsureReminderAsync();
    }

    /// <summary>Incidents opened or closed here, and alerts here that joined another partition's incident. All one-way but the directory's.</summary>
    private async Task TellOtherPartitionsAsync(BookChanges changes)
    {
        foreach (var opened in changes.OpenedIncidents)
        {
            var incident = _state.Incidents[opened.Id];
            await _cluster.Directory.IncidentOpenedAsync(incident.Touchpoint, incident.Id);
            foreach (var other in _cluster.All.Where(p => p != Partition))
            {
                await _cluster.Book(other).AbsorbIntoIncidentAsync(incident);
            }
        }

        foreach (var (closed, by, note) in changes.ClosedIncidents)
        {
            await _cluster.Directory.IncidentClosedAsync(closed.Touchpoint, closed.Id);
            foreach (var other in _cluster.All.Where(p => p != Partition))
            {
                // Without a note (a rule resolving it, mostly), the call a silo of the previous version also reads.
                await (note is null ? _cluster.Book(other).ResolveAbsorbedAsync(closed.Id, by) : _cluster.Book(other).ResolveAbsorbedAsync(closed.Id, by, note));
            }
        }

        foreach (var (incidentId, member) in changes.ToAttach)
        {
            ToAttach(incidentId, member);
        }
    }

    private void ToAttach(string incidentId, IncidentMember member)
    {
        (_toAttach.TryGetValue(incidentId, out var members) ? members : _toAttach[incidentId] = []).Add(member);
        _attachTimer ??= this.RegisterGrainTimer(SendAttachmentsAsync, AttachEvery, Timeout.InfiniteTimeSpan);
    }

    private async Task SendAttachmentsAsync()
    {
        _attachTimer?.Dispose();
        _attachTimer = null;
        if (LastSiloStopping)
        {
            return; // the next activation sends them (OnActivateAsync)
        }

        var sending = _toAttach.ToList();
        _toAttach.Clear();
        foreach (var (incidentId, members) in sending)
        {
            if (_cluster.PartitionOf(incidentId) is { } home)
            {
                await _cluster.Book(home).AttachToIncidentAsync(incidentId, [.. members]); // one-way
            }
        }
    }

    /// <summary>An offer is a one-way message: one lost with a silo would leave its customer without an agent for good.</summary>
    private async Task OfferAgainAsync()
    {
        var waiting = _state.AwaitingAgent(_time.GetUtcNow(), ReofferEvery).Take(500).ToImmutableArray();
        if (waiting.Length > 0)
        {
            await _cluster.Desk(Partition).OfferAsync(waiting);
        }
    }

    /// <summary>At most once a second, however many alerts changed in it: the walls' counters add up every partition's figures.</summary>
    private async Task ReportFiguresAsync()
    {
        _statsTimer?.Dispose();
        _statsTimer = null;
        if (this.HostIsStopping())
        {
            return; // the next activation reports its figures with its first change
        }

        await GrainFactory.Ref<IWallStatsGrain>(0).ReportAsync(Partition, _state.FiguresAt(_time.GetUtcNow()));
    }

    /// <summary>One timer, on the next moment something is due (the reminder covers a deactivated partition).</summary>
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
