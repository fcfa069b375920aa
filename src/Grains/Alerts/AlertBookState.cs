using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Feed;

namespace CxLive.Grains.Alerts;

/// <summary>
/// One alert partition's alerts: the open-alert index by fingerprint, the customers' budgets and
/// folds (a customer's alerts all live in one partition, so these hold exactly), the incidents
/// this partition owns (its touchpoints'), copies of the cluster's silences and open incidents, and
/// the running figures of the wall's stats. Signals go through <see cref="Apply"/>, people's
/// actions through <see cref="Act"/>, the passing of time through <see cref="Tick"/>; each writes
/// what changed into a <see cref="BookChanges"/>, and <see cref="Seal"/> numbers the changes and
/// names the records to write (<see cref="BookRecords"/>).
/// </summary>
public sealed class AlertBookState
{
    public const string DegradationRule = RuleIds.TouchpointDegradation;
    public const string SilenceRule = RuleIds.TouchpointSilence;

    /// <summary>The touchpoint rules whose alert opens an incident: an outage, failing or silent.</summary>
    public static bool IsOutage(string ruleId) => ruleId is DegradationRule or SilenceRule;

    /// <summary>This partition's number: it prefixes every id it makes.</summary>
    public int Partition { get; set; }

    public Dictionary<string, Alert> ById { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> OpenByFingerprint { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alert ids oldest first, in <see cref="AlertPosition"/> order (raise time, then id).</summary>
    public List<string> Order { get; set; } = [];

    /// <summary>
    /// Each customer's alert ids, oldest first like <see cref="Order"/>: the per-customer policies
    /// (folding into the open conversation, the budget, the drop a specific rule explains) look at
    /// the customer's few alerts, not at every alert of the partition.
    /// </summary>
    public Dictionary<string, List<string>> ByCustomer { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Conditions folded into another alert by the budget: fingerprint → the alert that holds them.</summary>
    public Dictionary<string, string> FoldedInto { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When each customer's alerts of the last day were raised (the budget).</summary>
    public Dictionary<string, List<DateTimeOffset>> RaisedByCustomer { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The incidents this partition owns (those of its touchpoints), open and closed.</summary>
    public Dictionary<string, Incident> Incidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The alerts and customers each of this partition's incidents absorbed.</summary>
    public IncidentMembers Members { get; } = new();

    /// <summary>The cluster's open incident per touchpoint: this partition's own, and copies of the others' (from the alert directory).</summary>
    public Dictionary<string, string> OpenIncidentByTouchpoint { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Incidents of other partitions this partition heard close (the last <see cref="ClosedElsewhereKept"/>,
    /// in memory only). One-way messages keep no order: the "absorb into" that an incident's partition
    /// sent when it opened may arrive after its "resolve what was absorbed", and must not then hold alerts
    /// for an incident that is over (they would hide behind a card that is gone, with no prompt).
    /// </summary>
    private readonly HashSet<string> _closedElsewhere = new(StringComparer.Ordinal);
    private readonly Queue<string> _closedElsewhereOrder = new();
    public const int ClosedElsewhereKept = 1024;

    /// <summary>The cluster's silences, copied from the alert directory.</summary>
    public Dictionary<string, Silence> Silences { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The version of the directory's copy applied last (<see cref="Sync"/> ignores older ones).</summary>
    public long DirectoryVersion { get; set; } = -1;

    /// <summary>The number of this partition's latest change (see <see cref="Alert.Sequence"/>).</summary>
    public long Sequence { get; set; }

    public StatsFigures Figures { get; set; } = new();

    /// <summary>Records changed since the last <see cref="Seal"/>, by record name.</summary>
    public HashSet<string> Dirty { get; } = new(StringComparer.Ordinal);

    /// <summary>When time next moves each open alert: what <see cref="Tick"/> and <see cref="NextDue"/> read.</summary>
    private readonly DueIndex _due = new();

    /// <summary>
    /// The resolved alerts, oldest first: <see cref="Trim"/> forgets from here, not by walking
    /// <see cref="Order"/> past every open alert (with 100,000 open, that walk ran on every commit
    /// once the partition held more resolved alerts than it keeps).
    /// </summary>
    private readonly SortedSet<AlertPosition> _resolved = new();

    public AlertChange? Apply(AlertSignal signal, DateTimeOffset now, AlertOptions options) =>
        Apply(signal, now, options, new BookChanges()) is { Alerts: [.., var last] } ? last : null;

    public BookChanges Apply(AlertSignal signal, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        var fingerprint = signal.Fingerprint;
        if (FoldedInto.TryGetValue(fingerprint, out var hostId))
        {
            ApplyFolded(signal, fingerprint, hostId, now, options, changes);
            return changes;
        }

        var open = OpenByFingerprint.TryGetValue(fingerprint, out var openId) ? ById[openId] : null;
        switch (signal.Kind)
        {
            case SignalKind.Raise when open is null && ById.ContainsKey(IdOf(signal)):
                break; // a replay of a raise already kept
            case SignalKind.Raise when open is null:
                Raise(signal, now, options, changes);
                break;
            case SignalKind.Raise:
                var repeated = Repeat(open, signal, now, options.EvidenceKept);
                var severityRaised = signal.Severity > open.Severity;
                if (severityRaised || DeadlinePassed(open, signal))
                {
                    // Said in its history, live and in back-tests alike: the card turned critical with
                    // one step, "Complaint reply due in 24 min", and nothing said when or why. It ends
                    // a snooze, and the wall says it is new to whoever acted on it: a complaint
                    // snoozed while "due in 19 min" broke its SLA behind a dimmed card, unannounced.
                    repeated = repeated.State == AlertState.Snoozed ? repeated with { State = AlertState.Open, SnoozedUntil = null } : repeated;
                    repeated = repeated with
                    {
                        History = repeated.History.Add(HistoryNote.Worsened(signal, severityRaised).Step(now, repeated.State, "rule:" + signal.RuleId) with { FoldedRule = signal.RuleId }),
                    };
                }

                Store(AlertChangeKind.Updated, repeated, changes);
                if (Routable(repeated) && (repeated.Severity != open.Severity || repeated.Title != open.Title || repeated.Detail != open.Detail))
                {
                    // Its pending prompt takes the fresher words: an agent read "Waited 14 min" above
                    // the same alert's "Waited 9 min" once the customer had waited again. A repeat
                    // in the same words and severity changes no prompt: the desk is not told.
                    changes.ToRoute.Add(repeated);
                }

                break;
            case SignalKind.Resolve when open is not null && open.CustomerId is not null && StillFoldedIn(open.Id) is { Count: > 0 } remaining:
                // Its own condition cleared, but what it took in has not (a detractor score after the
                // failed searches): closing it would drop those unseen, withdraw the prompt as "the
                // customer is fine now", and they would not fire again. It stays open for them.
                if (open.OwnConditionClearedAt is not null)
                {
                    break; // said already (a replay)
                }

                Store(AlertChangeKind.Updated, open with
                {
                    OwnConditionClearedAt = now,
                    UpdatedAt = now,
                    History = open.History.Add(HistoryNote.ClearedStaysOpenFor(signal, remaining).Step(now, open.State, "rule:" + signal.RuleId)),
                }, changes);
                break;
            case SignalKind.Resolve when open is not null:
                Store(AlertChangeKind.Updated, AlertLifecycle.ConditionCleared(open, now, "rule:" + signal.RuleId, HistoryNote.ReasonOf(signal)), changes);
                if (IsOutage(open.RuleId) && open.IncidentId is { } incident && Incidents.GetValueOrDefault(incident)?.AlertId == open.Id)
                {
                    ResolveIncident(incident, now, "rule:" + open.RuleId, changes);
                }

                break;
        }

        return changes;
    }

    /// <summary>A person's (or an agent's) action on one alert, through the state machine.</summary>
    public AlertActionResult Act(string alertId, AlertAction action, DateTimeOffset now, BookChanges changes)
    {
        if (!ById.TryGetValue(alertId, out var alert))
        {
            return new AlertActionResult(null, null, NotFound: true);
        }

        var result = AlertLifecycle.Act(alert, action, now);
        if (result is { Succeeded: true, Alert: { } changed } && !ReferenceEquals(changed, alert)) // an assignment to the owner changes nothing
        {
            Store(AlertChangeKind.Updated, changed, changes);
            if (IsOutage(changed.RuleId) && changed.State == AlertState.Resolved && changed.IncidentId is { } incident
                && Incidents.GetValueOrDefault(incident)?.AlertId == changed.Id)
            {
                ResolveIncident(incident, now, action.By, changes, action.Note);
            }
        }

        return result;
    }

    /// <summary>Resolves an incident, its degradation alert and every alert it absorbed that is still open.</summary>
    public Incident? ResolveIncident(string incidentId, DateTimeOffset now, string by, BookChanges changes, string? note = null)
    {
        if (!Incidents.TryGetValue(incidentId, out var incident) || !incident.IsOpen)
        {
            return null;
        }

        incident = incident with { ResolvedAt = now, UpdatedAt = now };
        PutIncident(incident);
        OpenIncidentByTouchpoint.Remove(incident.Touchpoint);
        changes.Incidents.RemoveAll(i => i.Id == incidentId);
        changes.Incidents.Add(incident);
        changes.ClosedIncidents.Add((incident, by, note)); // the other partitions resolve what it absorbed there
        foreach (var id in Members.AlertsOf(incidentId).Append(incident.AlertId))
        {
            if (ById.TryGetValue(id, out var alert) && alert.IsOpen)
            {
                Store(AlertChangeKind.Updated, id == incident.AlertId
                    ? AlertLifecycle.ConditionCleared(alert, now, by, HistoryNote.IncidentResolved(incidentId).WithNote(note))
                    : AlertLifecycle.IncidentResolved(alert, now, by, incidentId, note), changes);
            }
        }

        return incident;
    }

    /// <summary>Time passed: snoozes end, unacknowledged criticals escalate, stale alerts expire, silences lapse.</summary>
    public void Tick(DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        foreach (var id in _due.TakeDue(now, id => DueOf(id, options)))
        {
            var alert = ById[id];
            if (alert.State == AlertState.Snoozed && alert.SnoozedUntil <= now)
            {
                Store(AlertChangeKind.Updated, AlertLifecycle.Wake(alert, now), changes);
            }
            else if (AlertLifecycle.DueToEscalate(alert, now, options.EscalateAfter))
            {
                Store(AlertChangeKind.Updated, AlertLifecycle.Escalate(alert, now, options.EscalateAfter), changes);
            }
            else if (now - alert.UpdatedAt >= options.ExpireAfter)
            {
                Store(AlertChangeKind.Updated, AlertLifecycle.Expire(alert, now, options.ExpireAfter), changes);
            }
        }

        foreach (var lapsed in Silences.Values.Where(s => s.ExpiresAt <= now).Select(s => s.Id).ToList())
        {
            Silences.Remove(lapsed);
        }
    }

    /// <summary>The next moment <see cref="Tick"/> has something to do, if any (for the partition's timer).</summary>
    public DateTimeOffset? NextDue(AlertOptions options) => _due.Next(id => DueOf(id, options));

    private DateTimeOffset? DueOf(string alertId, AlertOptions options) =>
        ById.TryGetValue(alertId, out var alert) ? DueOf(alert, options) : null;

    /// <summary>When time next moves this alert: its snooze ends, it escalates, or it expires; null once resolved.</summary>
    private static DateTimeOffset? DueOf(Alert alert, AlertOptions options) => alert switch
    {
        { State: AlertState.Resolved } => null,
        { State: AlertState.Snoozed } => alert.SnoozedUntil,
        { State: AlertState.Open, Severity: Severity.Critical, EscalatedAt: null, SilencedBy: null } => alert.RaisedAt + options.EscalateAfter,
        _ => alert.UpdatedAt + options.ExpireAfter,
    };

    public IEnumerable<Alert> NewestFirst()
    {
        for (var i = Order.Count - 1; i >= 0; i--)
        {
            yield return ById[Order[i]];
        }
    }

    public IEnumerable<Alert> OpenAlerts => OpenByFingerprint.Values.Select(id => ById[id]);

    /// <summary>When budget entries and folds were last pruned: that sweep visits every customer, so it runs once a minute, not per change.</summary>
    private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Forgets resolved alerts beyond <paramref name="resolvedKept"/> (oldest first), and, in a sweep
    /// that visits every alert and customer and so runs once a minute, those resolved longer ago than
    /// <paramref name="resolvedRetention"/> and budget entries older than a day. True when an alert was forgotten.
    /// </summary>
    public bool Trim(int resolvedKept, DateTimeOffset now, TimeSpan? resolvedRetention = null)
    {
        var before = ById.Count;
        while (_resolved.Count > resolvedKept)
        {
            var oldest = _resolved.Min!;
            if (IndexInOrder(oldest) is var at and >= 0)
            {
                Order.RemoveAt(at);
            }
            else
            {
                Order.Remove(oldest.Id); // not where its position says: look for it the long way
            }

            Forget(oldest.Id);
        }

        if (now - _prunedAt < TimeSpan.FromMinutes(1))
        {
            return ById.Count != before;
        }

        _prunedAt = now;
        if (resolvedRetention is { } retention)
        {
            Order.RemoveAll(id => ById[id] is { IsOpen: false, ResolvedAt: { } at } && now - at > retention && Forget(id));
        }

        foreach (var (customer, raised) in RaisedByCustomer.ToList())
        {
            if (raised.RemoveAll(at => now - at >= TimeSpan.FromDays(1)) > 0)
            {
                Dirty.Add(BookRecords.Budget(customer));
            }

            if (raised.Count == 0)
            {
                RaisedByCustomer.Remove(customer);
            }
        }

        foreach (var (fingerprint, host) in FoldedInto.ToList())
        {
            if (!ById.TryGetValue(host, out var alert) || !alert.IsOpen)
            {
                Unfold(fingerprint); // its holder closed: the condition may open an alert of its own again
            }
        }

        return ById.Count != before;
    }

    public WallStats Stats(DateTimeOffset now) => PartitionFigures.Sum([FiguresAt(now)], now);

    public PartitionFigures FiguresAt(DateTimeOffset now) => Figures.At(now, Incidents.Values.Count(i => i.IsOpen));

    /// <summary>This partition's alerts matching the query, newest first, from the cursor on.</summary>
    public IEnumerable<Alert> Query(AlertQuery query)
    {
        // Order is sorted by position: start at the newest alert older than the cursor.
        var start = query.Before is { } before ? CountOlderThan(before) - 1 : Order.Count - 1;
        for (var i = start; i >= 0; i--)
        {
            var alert = ById[Order[i]];
            if (query.Matches(alert))
            {
                yield return alert;
            }
        }
    }

    /// <summary>
    /// Numbers this call's changes in this partition's sequence (in the order they happened, so
    /// pushes carry consecutive numbers) and marks the records they touched.
    /// </summary>
    public void Seal(BookChanges changes)
    {
        for (var i = 0; i < changes.Alerts.Count; i++)
        {
            var sealedAlert = changes.Alerts[i].Alert with { Sequence = ++Sequence, Partition = Partition };
            ById[sealedAlert.Id] = sealedAlert;
            changes.Alerts[i] = changes.Alerts[i] with { Alert = sealedAlert };
        }

        for (var i = 0; i < changes.Incidents.Count; i++)
        {
            var sealedIncident = changes.Incidents[i] with { Sequence = ++Sequence, Partition = Partition };
            if (Incidents.ContainsKey(sealedIncident.Id))
            {
                Incidents[sealedIncident.Id] = sealedIncident;
            }

            changes.Incidents[i] = sealedIncident;
        }

        if (changes.Any)
        {
            Dirty.Add(BookRecords.SequenceRecord);
            Dirty.Add(BookRecords.FiguresRecord);
        }
    }

    /// <summary>
    /// Open customer alerts with a suggested action that no agent has been assigned yet, raised at
    /// least <paramref name="settled"/> ago: offered to the desk again, in case the first offer (a
    /// one-way message) or the desk's assignment was lost with a silo. The desk keeps one prompt per alert.
    /// </summary>
    public IEnumerable<Alert> AwaitingAgent(DateTimeOffset now, TimeSpan settled) =>
        ById.Values.Where(a => Routable(a) && a.AssignedTo is null
            && a.State is not AlertState.Resolved && now - a.RaisedAt >= settled);

    /// <summary>Every alert and incident whose latest change is numbered above <paramref name="after"/>, oldest change first, at most <paramref name="limit"/>.</summary>
    public FeedCatchUp ChangesAfter(long after, int limit)
    {
        var changed = ById.Values.Where(a => a.Sequence > after).Select(a => (a.Sequence, Alert: (Alert?)a, Incident: (Incident?)null))
            .Concat(Incidents.Values.Where(i => i.Sequence > after).Select(i => (i.Sequence, Alert: (Alert?)null, Incident: (Incident?)i)))
            .OrderBy(c => c.Sequence)
            .Take(limit + 1)
            .ToList();
        var more = changed.Count > limit;
        if (more)
        {
            changed.RemoveAt(limit);
        }

        return new FeedCatchUp
        {
            Alerts = [.. changed.Where(c => c.Alert is not null).Select(c => c.Alert!)],
            Incidents = [.. changed.Where(c => c.Incident is not null).Select(c => c.Incident!)],
            Head = more ? changed[^1].Sequence : Sequence,
            More = more,
        };
    }

    /// <summary>The cluster's silences and open incidents, as the alert directory has them; this partition's own incidents stay as it knows them.</summary>
    public void Sync(AlertDirectorySnapshot snapshot)
    {
        if (snapshot.Version < DirectoryVersion)
        {
            return; // a refresh fetched before the latest push, arriving after it
        }

        DirectoryVersion = snapshot.Version;
        Silences = snapshot.Silences.ToDictionary(s => s.Id, StringComparer.Ordinal);
        OpenIncidentByTouchpoint = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (touchpoint, incidentId) in snapshot.OpenIncidentByTouchpoint)
        {
            if (!Incidents.TryGetValue(incidentId, out var own) || own.IsOpen)
            {
                OpenIncidentByTouchpoint[touchpoint] = incidentId;
            }
        }

        foreach (var own in Incidents.Values.Where(i => i.IsOpen))
        {
            OpenIncidentByTouchpoint[own.Touchpoint] = own.Id;
        }
    }

    /// <summary>An incident of another partition opened: this partition's open customer alerts it explains join it. Returns them.</summary>
    public List<IncidentMember> AbsorbInto(Incident incident, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        if (_closedElsewhere.Contains(incident.Id))
        {
            return []; // overtaken by its close: nothing here joins it
        }

        OpenIncidentByTouchpoint[incident.Touchpoint] = incident.Id;
        var members = new List<IncidentMember>();
        foreach (var alert in Explained(incident.Touchpoint, now, options))
        {
            Store(AlertChangeKind.Updated, JoinIncident(alert, incident.Id, incident.Touchpoint, now, changes), changes);
            members.Add(new IncidentMember(alert.Id, alert.CustomerId!));
        }

        return members;
    }

    /// <summary>Customer alerts of other partitions joined one of this partition's incidents.</summary>
    public void Attach(string incidentId, IEnumerable<IncidentMember> members, DateTimeOffset now, BookChanges changes)
    {
        if (Incidents.TryGetValue(incidentId, out var incident) && incident.IsOpen)
        {
            foreach (var member in members)
            {
                Absorb(incidentId, member, now, changes);
            }
        }
    }

    /// <summary>An incident of another partition was resolved: the alerts it absorbed here close with it.</summary>
    public void ResolveAbsorbed(string incidentId, DateTimeOffset now, string by, BookChanges changes, string? note = null)
    {
        if (_closedElsewhere.Add(incidentId))
        {
            _closedElsewhereOrder.Enqueue(incidentId);
            if (_closedElsewhereOrder.Count > ClosedElsewhereKept)
            {
                _closedElsewhere.Remove(_closedElsewhereOrder.Dequeue());
            }
        }

        foreach (var (touchpoint, open) in OpenIncidentByTouchpoint.Where(e => e.Value == incidentId).ToList())
        {
            OpenIncidentByTouchpoint.Remove(touchpoint);
        }

        foreach (var alert in OpenAlerts.Where(a => a.IncidentId == incidentId && !IsOutage(a.RuleId)).ToList())
        {
            Store(AlertChangeKind.Updated, AlertLifecycle.IncidentResolved(alert, now, by, incidentId, note), changes);
        }
    }

    /// <summary>
    /// An alert's id follows from what raised it (fingerprint, event time, first evidence), not from
    /// the clock: when a silo dies and its interactions are delivered again, the raise they repeat
    /// gets the same id, so the book keeps one alert and a wall that already showed it shows it once.
    /// </summary>
    public string IdOf(AlertSignal signal) => IdOf(signal, Partition);

    public static string IdOf(AlertSignal signal, int partition)
    {
        var text = $"{signal.Fingerprint}\n{signal.At.UtcTicks}\n{(signal.Evidence.IsDefaultOrEmpty ? "" : signal.Evidence[0])}";
        return AlertPartitions.Id(partition, Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text))));
    }

    public const string ExperienceDropRule = RuleIds.ExperienceDrop;

    private void Raise(AlertSignal signal, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        // Silencing is decided first: a silenced condition is recorded as its own silenced alert. Folded
        // into the customer's open alert it would reach the wall, the agent and the webhooks through
        // its holder (its rule in `folded`, its evidence, a worse severity), which is what the silence forbids.
        var alert = Open(signal, now, IdOf(signal));
        alert = alert with { SilencedBy = Silences.Values.FirstOrDefault(s => s.Mutes(alert, now))?.Id };
        if (signal.CustomerId is { } customer && alert.SilencedBy is null)
        {
            // One customer, one conversation: a further condition enriches the customer's open alert
            // (and so its prompt) instead of opening another card; beyond the budget, any open alert takes it.
            var conversation = ConversationOf(customer);
            var host = conversation ?? OverBudget(customer, now, options);
            if (host is not null)
            {
                Fold(signal, host, sameCustomer: conversation is not null, now, options, changes);
                return;
            }

            if (signal.RuleId == ExperienceDropRule && ExplainedDrop(customer, now) is not null)
            {
                // The score fell because of a condition a specific rule already raised and settled:
                // the drop says nothing new, and a second card for it is noise.
                return;
            }
        }

        if (signal.CustomerId is { } budgeted)
        {
            (RaisedByCustomer.TryGetValue(budgeted, out var raised) ? raised : RaisedByCustomer[budgeted] = []).Add(now);
            Dirty.Add(BookRecords.Budget(budgeted));
        }

        if (IsOutage(alert.RuleId) && alert.Touchpoint is { } outage && OpenIncidentByTouchpoint.TryGetValue(outage, out var already))
        {
            // Failing and then silent (or the other way round): one outage, one incident.
            alert = alert with { IncidentId = already };
        }
        else if (IsOutage(alert.RuleId) && alert.Touchpoint is { } degraded)
        {
            alert = OpenIncident(alert, degraded, now, options, changes);
        }
        else if (alert.CustomerId is not null && alert.Touchpoint is { } touchpoint
            && OpenIncidentByTouchpoint.TryGetValue(touchpoint, out var incidentId))
        {
            alert = alert with { IncidentId = incidentId };
            var member = new IncidentMember(alert.Id, alert.CustomerId);
            if (Incidents.ContainsKey(incidentId))
            {
                Absorb(incidentId, member, now, changes);
            }
            else
            {
                changes.ToAttach.Add((incidentId, member)); // another partition's incident: told one-way
            }
        }

        Store(AlertChangeKind.Raised, alert, changes);
        if (Routable(alert))
        {
            changes.ToRoute.Add(alert);
        }
    }

    private void Fold(AlertSignal signal, Alert host, bool sameCustomer, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        FoldedInto[signal.Fingerprint] = host.Id;
        Dirty.Add(BookRecords.Fold(signal.Fingerprint));
        var worse = signal.Severity > host.Severity;
        var folded = WithEvidenceOf(host, signal, options) with
        {
            Folded = host.Folded.Contains(signal.RuleId) ? host.Folded : host.Folded.Add(signal.RuleId),
            Occurrences = host.Occurrences + 1,
            Severity = worse ? signal.Severity : host.Severity,
            UpdatedAt = now,
            History = host.History.Add(HistoryNote.FoldedIn(sameCustomer, signal, worse).Step(now, host.State, "rule:" + signal.RuleId) with { FoldedRule = signal.RuleId }),
        };
        Store(AlertChangeKind.Updated, folded, changes);
        if (Routable(folded))
        {
            changes.ToRoute.Add(folded); // its prompt, if pending, takes the new evidence, severity and score
        }
    }

    /// <summary>
    /// The holder's evidence with a folded condition's added (as many as are kept), each addition
    /// marked with the rule that brought it, so a page names the right rule beside it.
    /// </summary>
    private static Alert WithEvidenceOf(Alert host, AlertSignal signal, AlertOptions options)
    {
        var evidence = host.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(options.EvidenceKept).ToImmutableArray();
        var added = evidence.Length > host.Evidence.Length ? evidence[host.Evidence.Length..] : [];
        var foldedEvidence = added.Length == 0 || signal.RuleId == host.RuleId
            ? host.FoldedEvidence
            : (host.FoldedEvidence ?? ImmutableDictionary<string, string>.Empty).SetItems(added.Select(id => KeyValuePair.Create(id, signal.RuleId)));
        return host with { Evidence = evidence, FoldedEvidence = foldedEvidence };
    }

    /// <summary>The customer's open alert a further condition joins: the newest one on the wall and routable (not silenced, not part of an incident).</summary>
    private Alert? ConversationOf(string customer)
    {
        return NewestFirstOf(customer).FirstOrDefault(a => a.IsOpen && a.SilencedBy is null && a.IncidentId is null);
    }

    /// <summary>A specific rule's alert for the customer raised within the last day: it explains a drop of their score.</summary>
    private Alert? ExplainedDrop(string customer, DateTimeOffset now) =>
        NewestFirstOf(customer).TakeWhile(a => now - a.RaisedAt < TimeSpan.FromDays(1))
            .FirstOrDefault(a => a.RuleId != ExperienceDropRule);

    private Alert? OverBudget(string customer, DateTimeOffset now, AlertOptions options)
    {
        var raisedToday = RaisedByCustomer.TryGetValue(customer, out var raised) ? raised.Count(at => now - at < TimeSpan.FromDays(1)) : 0;
        return raisedToday < options.BudgetPerCustomerPerDay
            ? null
            : NewestFirstOf(customer).FirstOrDefault(a => a.IsOpen);
    }

    private Alert OpenIncident(Alert degradation, string touchpoint, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        var incident = new Incident
        {
            Id = "inc-" + degradation.Id,
            Touchpoint = touchpoint,
            AlertId = degradation.Id,
            Title = degradation.Title,
            OpenedAt = now,
            UpdatedAt = now,
        };
        PutIncident(incident);
        OpenIncidentByTouchpoint[touchpoint] = incident.Id;
        changes.OpenedIncidents.Add(incident); // the other partitions' alerts it explains join it too

        // The customer alerts of this partition it explains that are already open join it.
        foreach (var alert in Explained(touchpoint, now, options))
        {
            var absorbed = JoinIncident(alert, incident.Id, touchpoint, now, changes);
            Store(AlertChangeKind.Updated, absorbed, changes);
            Absorb(incident.Id, new IncidentMember(absorbed.Id, absorbed.CustomerId!), now, changes);
        }

        if (!changes.Incidents.Any(i => i.Id == incident.Id))
        {
            changes.Incidents.Add(Incidents[incident.Id]);
        }

        return degradation with { IncidentId = incident.Id };
    }

    private IEnumerable<Alert> Explained(string touchpoint, DateTimeOffset now, AlertOptions options) =>
        OpenAlerts.Where(a => a.CustomerId is not null && a.Touchpoint == touchpoint && a.IncidentId is null && now - a.RaisedAt <= options.IncidentLookback).ToList();

    private static Alert JoinIncident(Alert alert, string incidentId, string touchpoint, DateTimeOffset now, BookChanges changes)
    {
        var joined = alert with
        {
            IncidentId = incidentId,
            UpdatedAt = now,
            History = alert.History.Add(HistoryNote.JoinedIncident(incidentId, touchpoint).Step(now, alert.State, "system")),
        };
        if (IncidentHold.Holds(joined))
        {
            joined = joined with { AwaitingAgentSince = null }; // the desk withdraws a try waiting for an agent: the outage's card speaks for it
            changes.Absorbed.Add(joined); // its prompt waits for the outage's cause
        }

        return joined;
    }

    private void Absorb(string incidentId, IncidentMember member, DateTimeOffset now, BookChanges changes)
    {
        if (!Members.Add(incidentId, member.AlertId, member.CustomerId))
        {
            return;
        }

        Dirty.Add(IncidentMembers.Record(incidentId, member.AlertId));
        var incident = Incidents[incidentId] with
        {
            AbsorbedAlerts = Members.AlertCount(incidentId),
            AffectedCustomers = Members.CustomerCount(incidentId),
            UpdatedAt = now,
        };
        PutIncident(incident);
        changes.Incidents.RemoveAll(i => i.Id == incidentId);
        changes.Incidents.Add(incident);
    }

    /// <summary>An incident with the alerts and customers it absorbed listed (what <c>GET /api/incidents/{id}</c> shows).</summary>
    public Incident? IncidentView(string incidentId) => Incidents.TryGetValue(incidentId, out var incident)
        ? incident with { AlertIds = [.. Members.AlertsOf(incidentId)], Customers = [.. Members.CustomersOf(incidentId)] }
        : null;

    private void PutIncident(Incident incident)
    {
        Incidents[incident.Id] = incident;
        Dirty.Add(BookRecords.IncidentRecord(incident.Id));
    }

    private bool Forget(string alertId)
    {
        Dirty.Add(BookRecords.AlertRecord(alertId));
        _due.Touch(alertId);
        if (!ById.Remove(alertId, out var forgotten))
        {
            return false;
        }

        _resolved.Remove(AlertPosition.Of(forgotten));
        if (forgotten.CustomerId is { } customer && ByCustomer.TryGetValue(customer, out var ids))
        {
            ids.Remove(alertId);
            if (ids.Count == 0)
            {
                ByCustomer.Remove(customer);
            }
        }

        return true;
    }

    /// <summary>Where a stored alert stands in <see cref="Order"/>, or -1.</summary>
    private int IndexInOrder(AlertPosition position) =>
        CountOlderThan(position) is var at && at < Order.Count && Order[at] == position.Id ? at : -1;

    /// <summary>How many alerts of <see cref="Order"/> (sorted by position) are older than <paramref name="position"/>: a binary search.</summary>
    private int CountOlderThan(AlertPosition position)
    {
        var (low, high) = (0, Order.Count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = AlertPosition.Of(ById[Order[middle]]).CompareTo(position) < 0 ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>The customer's alerts, newest first.</summary>
    private IEnumerable<Alert> NewestFirstOf(string customer)
    {
        if (ByCustomer.TryGetValue(customer, out var ids))
        {
            for (var i = ids.Count - 1; i >= 0; i--)
            {
                yield return ById[ids[i]];
            }
        }
    }

    private void Unfold(string fingerprint)
    {
        FoldedInto.Remove(fingerprint);
        Dirty.Add(BookRecords.Fold(fingerprint));
    }

    private void ApplyFolded(AlertSignal signal, string fingerprint, string hostId, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        if (!ById.TryGetValue(hostId, out var host) || !host.IsOpen)
        {
            Unfold(fingerprint);
            Apply(signal, now, options, changes); // the holder is gone: the condition stands on its own
            return;
        }

        if (signal.Kind == SignalKind.Resolve)
        {
            Unfold(fingerprint);
            var cleared = HistoryNote.FoldedCleared(signal);
            Store(AlertChangeKind.Updated, host.OwnConditionClearedAt is not null && StillFoldedIn(host.Id).Count == 0
                ? AlertLifecycle.ConditionCleared(host, now, "rule:" + signal.RuleId, cleared) // the last thing it stood for
                : host with { UpdatedAt = now, History = host.History.Add(cleared.Step(now, host.State, "rule:" + signal.RuleId)) }, changes);
            return;
        }

        // The folded condition moved on. A worse severity is the holder's (and its prompt's), as when
        // it folded in; a change that shows nowhere else (a deadline passing brings no new evidence:
        // a complaint now past its SLA) is written in the holder's history, where its words are kept.
        var withEvidence = WithEvidenceOf(host, signal, options);
        var worse = signal.Severity > host.Severity;
        var unseen = worse || (withEvidence.Evidence.Length == host.Evidence.Length && !SaysLast(host, signal));
        var updated = withEvidence with
        {
            Occurrences = host.Occurrences + 1,
            Severity = worse ? signal.Severity : host.Severity,
            UpdatedAt = now,
            History = unseen
                ? host.History.Add(HistoryNote.FoldedNow(signal, worse).Step(now, host.State, "rule:" + signal.RuleId) with { FoldedRule = signal.RuleId })
                : host.History,
        };
        Store(AlertChangeKind.Updated, updated, changes);
        if (worse && Routable(updated))
        {
            changes.ToRoute.Add(updated); // its pending prompt takes the worse severity
        }
    }

    /// <summary>Whether the holder's history already has the folded condition's current words (its latest note from that rule is one a folded condition writes with them).</summary>
    private static bool SaysLast(Alert host, AlertSignal signal)
    {
        for (var i = host.History.Length - 1; i >= 0; i--)
        {
            if (host.History[i].By == "rule:" + signal.RuleId)
            {
                return HistoryNote.SaysFolded(host.History[i].Note, signal);
            }
        }

        return false;
    }

    private void Store(AlertChangeKind kind, Alert alert, BookChanges changes)
    {
        var before = ById.GetValueOrDefault(alert.Id);
        ById[alert.Id] = alert;
        Dirty.Add(BookRecords.AlertRecord(alert.Id));
        _due.Touch(alert.Id);
        if (kind == AlertChangeKind.Raised)
        {
            InsertInOrder(alert);
        }

        if (alert.IsOpen)
        {
            OpenByFingerprint[alert.Fingerprint] = alert.Id;
            _resolved.Remove(AlertPosition.Of(alert));
        }
        else
        {
            OpenByFingerprint.Remove(alert.Fingerprint);
            _resolved.Add(AlertPosition.Of(alert));
        }

        Figures.Count(before, alert);
        if (before is not null && before.SnoozedUntil != alert.SnoozedUntil && alert.IsOpen && Routable(alert))
        {
            changes.SnoozeChanged.Add(alert); // snoozed, or open again: its pending prompt says so in the agent's queue
        }

        changes.Alerts.RemoveAll(c => c.Alert.Id == alert.Id && c.Kind == AlertChangeKind.Updated);
        var raisedInThisCall = changes.Alerts.FindIndex(c => c.Alert.Id == alert.Id);
        if (raisedInThisCall >= 0)
        {
            changes.Alerts[raisedInThisCall] = new AlertChange(AlertChangeKind.Raised, alert); // raised and changed in one call: one raise, as it ends
        }
        else
        {
            changes.Alerts.Add(new AlertChange(kind, alert));
        }
    }

    /// <summary>Raises come in time order almost always; one whose clock lagged (another silo's) is put in its place.</summary>
    private void InsertInOrder(Alert alert)
    {
        var position = AlertPosition.Of(alert);
        var at = Order.Count;
        while (at > 0 && AlertPosition.Of(ById[Order[at - 1]]).CompareTo(position) > 0)
        {
            at--;
        }

        Order.Insert(at, alert.Id);
        if (alert.CustomerId is { } customer)
        {
            var ids = ByCustomer.TryGetValue(customer, out var known) ? known : ByCustomer[customer] = [];
            var mine = ids.Count;
            while (mine > 0 && AlertPosition.Of(ById[ids[mine - 1]]).CompareTo(position) > 0)
            {
                mine--;
            }

            ids.Insert(mine, alert.Id);
        }
    }

    /// <summary>Rebuilds the indexes that follow from the alerts (after a load).</summary>
    public void Reindex()
    {
        Order = [.. ById.Values.OrderBy(AlertPosition.Of).Select(a => a.Id)];
        ByCustomer = ById.Values.Where(a => a.CustomerId is not null).GroupBy(a => a.CustomerId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(AlertPosition.Of).Select(a => a.Id).ToList(), StringComparer.Ordinal);
        OpenByFingerprint = ById.Values.Where(a => a.IsOpen).ToDictionary(a => a.Fingerprint, a => a.Id, StringComparer.Ordinal);
        foreach (var open in OpenByFingerprint.Values)
        {
            _due.Touch(open);
        }

        _resolved.Clear();
        _resolved.UnionWith(ById.Values.Where(a => !a.IsOpen).Select(AlertPosition.Of));
        foreach (var open in Incidents.Values.Where(i => i.IsOpen))
        {
            OpenIncidentByTouchpoint[open.Touchpoint] = open.Id;
        }
    }

    /// <summary>
    /// A customer's alert the desk hears of (to make, enrich or reword its prompt): one with an
    /// outreach to suggest, on the wall (not silenced) and not standing behind an outage's incident.
    /// </summary>
    private static bool Routable(Alert alert) => alert is { CustomerId: not null, SuggestedAction: not null, SilencedBy: null, IncidentId: null };

    private static Alert Open(AlertSignal signal, DateTimeOffset now, string id) => new()
    {
        Id = id,
        RuleId = signal.RuleId,
        Severity = signal.Severity,
        State = AlertState.Open,
        CustomerId = signal.CustomerId,
        Touchpoint = signal.Touchpoint,
        Stage = signal.Stage,
        CaseId = signal.CaseId,
        Title = signal.Title,
        Detail = signal.Detail,
        Translations = signal.Translations,
        Evidence = signal.Evidence,
        RaisedAt = now,
        UpdatedAt = now,
        SuggestedAction = signal.SuggestedAction,
        Fingerprint = signal.Fingerprint,
        History = [HistoryNote.Raised(signal).Step(now, AlertState.Open, "rule:" + signal.RuleId)],
    };

    /// <summary>
    /// The rules of the conditions folded into an alert that have not cleared (a second complaint
    /// case of the same rule among them). A walk over this partition's open folds, on a resolve of
    /// an alert that took something in (most took nothing).
    /// </summary>
    private List<string> StillFoldedIn(string hostId) =>
        ById[hostId].Occurrences <= 1 ? [] // nothing was folded in, nor repeated: no walk
        : [.. FoldedInto.Where(fold => fold.Value == hostId).Select(fold => fold.Key.Split('|')[0]).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>
    /// Its own condition moved on with nothing new from the customer: the same evidence in other
    /// words, as a deadline passing brings (a complaint now past its SLA). A repeat with new evidence
    /// (a fourth failed search) is the same trouble again, said by the card's fresher words.
    /// </summary>
    private static bool DeadlinePassed(Alert open, AlertSignal signal) =>
        signal.Title != open.Title && signal.Evidence.Length > 0 && signal.Evidence.All(open.Evidence.Contains);

    /// <summary>
    /// The condition was seen again while open: one alert, fresher words, more evidence. Its severity
    /// is raised, never lowered: a fourth failed search took back to warning an alert a critical
    /// complaint had folded into, and with it the escalation.
    /// </summary>
    private static Alert Repeat(Alert open, AlertSignal signal, DateTimeOffset now, int evidenceKept) => open with
    {
        OwnConditionClearedAt = null, // its own condition is back
        Severity = signal.Severity > open.Severity ? signal.Severity : open.Severity,
        Touchpoint = signal.Touchpoint ?? open.Touchpoint,
        Stage = signal.Stage ?? open.Stage,
        Title = signal.Title,
        Detail = signal.Detail,
        Translations = signal.Translations,
        Evidence = [.. open.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(evidenceKept)],
        // Fresher words, the same channel: the alert's prompt went by the first one and stays on it.
        SuggestedAction = signal.SuggestedAction is { } fresher && open.SuggestedAction is { } first ? fresher with { Channel = first.Channel } : signal.SuggestedAction ?? open.SuggestedAction,
        UpdatedAt = now,
        Occurrences = open.Occurrences + 1,
    };
}
