using System.Collections.Immutable;
using System.Threading.Channels;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Dashboard;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// This web server's one path from the alert partitions to its SignalR clients. Pushes from the
/// partitions' feeds (one-way, best effort) and catch-ups read from the partitions themselves are
/// de-duplicated by their sequence numbers as they arrive (<see cref="SequenceTracker"/>) and sent
/// in that order, one lane per partition, so clients get each change once and a partition's
/// changes in order. Every second it asks each partition how far it has published; a change
/// published a second ago that has not arrived is read from the partition, and the subscription is
/// renewed, which also re-subscribes after a feed grain moved to another silo. Then it tells its
/// clients how far it has sent (<see cref="FeedPosition"/>).
/// </summary>
public sealed class FeedRelay : BackgroundService, IHostedLifecycleService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    /// <summary>How long a published change may be in flight before it counts as missing.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>Subscriptions are renewed this often even when nothing went missing (they expire after <see cref="AlertFeed.SubscriptionExpiry"/>).</summary>
    private const int RenewEveryChecks = 10;
    private const int CatchUpPage = 500;

    /// <summary>
    /// The walls' counters are read afresh this often, and at once after a partition's pushes went
    /// missing. They are pushed on change and carry no sequence number, so one push that went missing
    /// (a feed that dropped this server for a moment) would otherwise leave every wall's counters
    /// wrong until the next change, however long that is.
    /// </summary>
    public static readonly TimeSpan StatsRefreshEvery = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan CheckPatience = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Another machine's clock may be this far behind this server's: a change stamped up to this long
    /// before this server started is passed on in a late first read rather than missed (a page already
    /// holding it keeps its copy, which is no older).
    /// </summary>
    private static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(30);

    private readonly ClusterAlerts _alerts;
    private readonly IGrainFactory _grains;
    private readonly HubPushes _pushes;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedRelay> _logger;
    private readonly Lock _gate = new();
    private readonly SequenceTracker[] _books;
    private readonly SequenceTracker[] _desks;
    private readonly bool[] _renew;
    private readonly Task?[] _firstReads; // per partition: its first read (a late one's catch-up); set once it has been read
    private DateTimeOffset _startedAt; // from then on this server may have clients, and what changes is news to them (StartingAsync)
    private readonly Channel<Delivery>[] _lanes; // one per partition, and the last for the wall's stats
    private readonly long?[] _sentBooks;
    private readonly long?[] _sentDesks;
    private readonly Observer _observer;
    private IAlertFeedObserver? _reference;
    private long _checks;
    private DateTimeOffset _statsReadAt = DateTimeOffset.MinValue;
    private volatile bool _statsMissed;

    public FeedRelay(IGrainFactory grains, ClusterAlerts alerts, HubPushes pushes, TimeProvider time, ILogger<FeedRelay> logger)
    {
        _grains = grains;
        _alerts = alerts;
        _pushes = pushes;
        _time = time;
        _logger = logger;
        var partitions = alerts.Partitions;
        _books = [.. Enumerable.Range(0, partitions).Select(_ => new SequenceTracker(time, Grace))];
        _desks = [.. Enumerable.Range(0, partitions).Select(_ => new SequenceTracker(time, Grace))];
        _renew = [.. Enumerable.Range(0, partitions).Select(_ => true)];
        _firstReads = new Task?[partitions];
        _lanes = [.. Enumerable.Range(0, partitions + 1).Select(_ => Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true }))];
        _sentBooks = new long?[partitions];
        _sentDesks = new long?[partitions];
        _observer = new Observer(this); // held here: Orleans keeps only a weak reference to a local observer
    }

    /// <summary>Changes read from the partitions because their pushes did not arrive in time.</summary>
    public long CaughtUp { get; private set; }

    /// <summary>How far this server has sent each partition's changes to its clients.</summary>
    public FeedPosition Position => new(Sent(_sentBooks), Sent(_sentDesks));

    public void OnAlertChanges(ImmutableArray<AlertChange> changes) => Take(changes.Select(c => (c.Alert, c.Kind == AlertChangeKind.Raised)), []);

    public void OnIncidents(ImmutableArray<Incident> incidents) => Take([], incidents);

    public void OnPrompt(OutreachPrompt prompt) => TakePrompts([prompt]);

    public void OnStats(WallStats stats) => _lanes[^1].Writer.TryWrite(new Delivery(() => _pushes.StatsAsync(stats), -1, null, null));

    /// <summary>
    /// The host calls this on every service before it starts any, Kestrel among them: from here on
    /// this server may take clients. The relay itself may start seconds later: on a silo it waits
    /// until the silo has joined its cluster (Silo's StartAfterSilo), while Kestrel already accepts
    /// walls and the cluster's other silos publish. Counted from its own start, the changes
    /// published in between were taken for history, and a wall that connected in that time never
    /// heard of them (two silos started together: 2 runs in 12 under load).
    /// </summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        _startedAt = _time.GetUtcNow();
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_startedAt == default)
        {
            _startedAt = _time.GetUtcNow(); // a host that did not call StartingAsync
        }

        _reference = _grains.CreateObjectReference<IAlertFeedObserver>(_observer);
        try
        {
            // Subscribed, and every partition's position read, before the host reports started where
            // the cluster is there; a front still looking for silos goes on and subscribes when it
            // finds them. Clients that came earlier (Kestrel listens from the host's start) get what
            // changed meanwhile from the late first read (CatchUpSinceStartAsync).
            await CheckAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogInformation("The alert feeds are not reachable yet ({Reason}); subscribing as soon as a silo answers", e.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_reference is not null)
        {
            try
            {
                await Task.WhenAll(_alerts.All.Select(p => _alerts.Feed(p).UnsubscribeAsync(_reference))).WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception e)
            {
                // Also when the host's shutdown patience ran out (a cancelled wait): a stop must not end
                // in an unhandled exception for a subscription that expires by itself anyway.
                _logger.LogInformation("Could not unsubscribe from the alert feeds while stopping ({Reason}); the subscriptions will expire", e.Message);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => SendAsync(lane, stoppingToken)).Append(CheckPeriodicallyAsync(stoppingToken)));

    /// <summary>One lane's loop: sends in the order the changes were taken, then records how far it has sent.</summary>
    private async Task SendAsync(Channel<Delivery> lane, CancellationToken stopping)
    {
        try
        {
            await foreach (var delivery in lane.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    await delivery.Send();
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    _logger.LogInformation(e, "Sending a change to this server's clients failed");
                }

                if (delivery.Partition >= 0)
                {
                    _sentBooks[delivery.Partition] = delivery.BookSent ?? _sentBooks[delivery.Partition];
                    _sentDesks[delivery.Partition] = delivery.DeskSent ?? _sentDesks[delivery.Partition];
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task CheckPeriodicallyAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(CheckEvery, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await CheckAsync();
                    await _pushes.PositionAsync(Position);
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    _logger.LogDebug(e, "Checking the alert feeds failed; trying again in {Interval}", CheckEvery);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Renews subscriptions that are due, reads every partition's published numbers, and catches up where a change went missing.</summary>
    private async Task CheckAsync()
    {
        var renewAll = _checks++ % RenewEveryChecks == 0;
        // Each partition on its own, with a short patience: one on a silo that just died (its calls
        // wait for the silo to be declared dead) must not hold up the others' checks.
        await Task.WhenAll(_alerts.All.Select(async p =>
        {
            try
            {
                await CheckPartitionAsync(p, renewAll).WaitAsync(CheckPatience);
            }
            catch (Exception e)
            {
                _logger.LogDebug(e, "Checking partition {Partition} failed; trying again at the next check", p);
            }
        }));

        var now = _time.GetUtcNow();
        if (_statsMissed || now - _statsReadAt >= StatsRefreshEvery)
        {
            _statsMissed = false;
            _statsReadAt = now;
            try
            {
                OnStats(await _alerts.StatsAsync(now).WaitAsync(CheckPatience));
            }
            catch (Exception e)
            {
                _statsMissed = true; // at the next check
                _logger.LogDebug(e, "Reading the walls' counters failed; trying again at the next check");
            }
        }
    }

    private async Task CheckPartitionAsync(int p, bool renewAll)
    {
        if (renewAll || _renew[p])
        {
            await _alerts.Feed(p).SubscribeAsync(_reference!);
            _renew[p] = false;
        }

        var book = await _alerts.Book(p).PublishedAsync();
        var desk = await _alerts.Desk(p).PublishedAsync();
        // The first read of the partition, once: a late one catches up (CatchUpSinceStartAsync). A
        // check that ran out of patience (CheckPatience) goes on in the background, and the next
        // check, a second later, waits for its read rather than making a second.
        var first = _firstReads[p] ??= _time.GetUtcNow() - _startedAt > Grace ? CatchUpSinceStartAsync(p, book, desk) : Task.CompletedTask;
        try
        {
            await first; // done at once after the first read
        }
        catch
        {
            _firstReads[p] = null; // read again at the next check
            throw;
        }

        bool catchUpBook, catchUpDesk;
        lock (_gate)
        {
            catchUpBook = _books[p].ShouldCatchUp(book);
            catchUpDesk = _desks[p].ShouldCatchUp(desk);
            if (_sentBooks[p] is null || _sentDesks[p] is null)
            {
                // A quiet partition still gets a position: everything before this server started is history.
                Queue(p, () => Task.CompletedTask, book: true);
                Queue(p, () => Task.CompletedTask, book: false);
            }
        }

        if (catchUpBook)
        {
            await CatchUpBookAsync(p);
        }

        if (catchUpDesk)
        {
            await CatchUpDeskAsync(p);
        }
    }

    /// <summary>
    /// The first read of a partition came late: this server took clients before it could reach the
    /// partition (a silo's relay, which starts once the silo has joined; a front started before any
    /// silo), and what the partition published meanwhile was taken for history: a wall opened on a
    /// front before its first silo never heard of the alert that silo raised in its first second. Numbers
    /// are per partition and say nothing of time, so the partition's latest changes are read back and
    /// those made since this server started are passed on: the alerts and incidents changed since,
    /// and the prompts still open or settled since (a prompt carries no time of its last change).
    /// </summary>
    private async Task CatchUpSinceStartAsync(int partition, long bookHead, long deskHead)
    {
        var since = _startedAt - ClockMargin;
        var changes = await _alerts.Book(partition).ChangesAfterAsync(Math.Max(0, bookHead - CatchUpPage), CatchUpPage);
        var prompts = await _alerts.Desk(partition).PromptsAfterAsync(Math.Max(0, deskHead - CatchUpPage), null, CatchUpPage);
        var alerts = changes.Alerts.Where(a => a.UpdatedAt >= since).ToList();
        var incidents = changes.Incidents.Where(i => i.UpdatedAt >= since).ToList();
        var live = prompts.Prompts.Where(p => p.ReportedAt is null && p.WithdrawnAt is null || p.ReportedAt >= since || p.WithdrawnAt >= since).ToList();
        var count = alerts.Count + incidents.Count + live.Count;
        // Every silo's relay reads late (it starts once the silo has joined): worth a line only when it found something.
        _logger.Log(count > 0 ? LogLevel.Information : LogLevel.Debug, "Partition {Partition} first answered {Late} after this server started; passing on the {Count} changes made since", partition, _time.GetUtcNow() - _startedAt, count);
        CaughtUp += count;
        lock (_gate)
        {
            // Not through the trackers: a push that came first (the subscription is older than this
            // read) would have them take these older numbers for changes already passed on. A change
            // sent twice is the client's to drop by its sequence.
            _books[partition].FollowFrom(changes.Head);
            _desks[partition].FollowFrom(prompts.Head);
            foreach (var alert in alerts)
            {
                Queue(partition, () => _pushes.AlertAsync(alert, false), book: true);
            }

            foreach (var incident in incidents)
            {
                Queue(partition, () => _pushes.IncidentAsync(incident), book: true);
            }

            foreach (var prompt in live)
            {
                Queue(partition, () => _pushes.PromptAsync(prompt), book: false);
            }

            Queue(partition, () => Task.CompletedTask, book: true);
            Queue(partition, () => Task.CompletedTask, book: false);
        }
    }

    private async Task CatchUpBookAsync(int partition)
    {
        _renew[partition] = true; // pushes went missing: the feed may have lost this server's subscription
        _statsMissed = true; // and the counters' pushes with them
        FeedCatchUp page;
        do
        {
            long after;
            lock (_gate)
            {
                after = _books[partition].Watermark ?? 0;
            }

            page = await _alerts.Book(partition).ChangesAfterAsync(after, CatchUpPage);
            _logger.LogInformation("Partition {Partition}: alert changes after {After} did not arrive as pushes; read {Count} from the partition", partition, after, page.Alerts.Length + page.Incidents.Length);
            CaughtUp += page.Alerts.Length + page.Incidents.Length;
            Take(page.Alerts.Select(a => (a, false)), page.Incidents, caughtUpTo: (partition, page.Head));
        }
        while (page.More);
    }

    private async Task CatchUpDeskAsync(int partition)
    {
        _renew[partition] = true;
        PromptCatchUp page;
        do
        {
            long after;
            lock (_gate)
            {
                after = _desks[partition].Watermark ?? 0;
            }

            page = await _alerts.Desk(partition).PromptsAfterAsync(after, null, CatchUpPage);
            CaughtUp += page.Prompts.Length;
            TakePrompts(page.Prompts, caughtUpTo: (partition, page.Head));
        }
        while (page.More);
    }

    /// <summary>Keeps the changes not taken before and queues them on their partitions' lanes, each with how far its partition is then accounted for.</summary>
    private void Take(IEnumerable<(Alert Alert, bool Raised)> alerts, IEnumerable<Incident> incidents, (int Partition, long Head)? caughtUpTo = null)
    {
        lock (_gate)
        {
            foreach (var (alert, raised) in alerts)
            {
                if (Accept(_books, alert.Partition, alert.Sequence))
                {
                    Queue(alert.Partition, () => _pushes.AlertAsync(alert, raised), book: true);
                }
            }

            foreach (var incident in incidents)
            {
                if (Accept(_books, incident.Partition, incident.Sequence))
                {
                    Queue(incident.Partition, () => _pushes.IncidentAsync(incident), book: true);
                }
            }

            if (caughtUpTo is var (partition, head))
            {
                _books[partition].CaughtUpTo(head);
                Queue(partition, () => Task.CompletedTask, book: true);
            }
        }
    }

    private void TakePrompts(IEnumerable<OutreachPrompt> prompts, (int Partition, long Head)? caughtUpTo = null)
    {
        lock (_gate)
        {
            foreach (var prompt in prompts)
            {
                if (Accept(_desks, prompt.Partition, prompt.Sequence))
                {
                    Queue(prompt.Partition, () => _pushes.PromptAsync(prompt), book: false);
                }
            }

            if (caughtUpTo is var (partition, head))
            {
                _desks[partition].CaughtUpTo(head);
                Queue(partition, () => Task.CompletedTask, book: false);
            }
        }
    }

    /// <summary>A change from a partition this server does not know (another Alerts:Partitions setting) is passed on untracked.</summary>
    private static bool Accept(SequenceTracker[] trackers, int partition, long sequence) =>
        partition < 0 || partition >= trackers.Length || trackers[partition].Accept(sequence);

    private void Queue(int partition, Func<Task> send, bool book)
    {
        var lane = partition >= 0 && partition < _books.Length ? partition : _lanes.Length - 1;
        var known = lane == partition;
        _lanes[lane].Writer.TryWrite(new Delivery(send, known ? partition : -1,
            known && book ? _books[partition].Watermark : null,
            known && !book ? _desks[partition].Watermark : null));
    }

    private static Dictionary<int, long> Sent(long?[] sent) =>
        Enumerable.Range(0, sent.Length).Where(p => sent[p] is not null).ToDictionary(p => p, p => sent[p]!.Value);

    /// <summary>A change to send, and how far its partition is accounted for once it has been sent.</summary>
    private sealed record Delivery(Func<Task> Send, int Partition, long? BookSent, long? DeskSent);

    /// <summary>What the partitions' feeds call: every call only queues, so a feed never waits on this server's clients.</summary>
    private sealed class Observer(FeedRelay relay) : IAlertFeedObserver
    {
        public Task OnAlertChangesAsync(ImmutableArray<AlertChange> changes)
        {
            relay.OnAlertChanges(changes);
            return Task.CompletedTask;
        }

        public Task OnIncidentsAsync(ImmutableArray<Incident> incidents)
        {
            relay.OnIncidents(incidents);
            return Task.CompletedTask;
        }

        public Task OnPromptAsync(OutreachPrompt prompt)
        {
            relay.OnPrompt(prompt);
            return Task.CompletedTask;
        }

        public Task OnStatsAsync(WallStats stats)
        {
            relay.OnStats(stats);
            return Task.CompletedTask;
        }
    }
}
