using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using CxLive.Feed;

namespace CxLive.Alerts;

/// <summary>
/// Every alert the book keeps, with its open-alert index by fingerprint, the incidents, the
/// silences, the per-customer alert budget and the running figures of the wall's stats. Signals go
/// through <see cref="Apply"/>, people's actions through <see cref="Act"/>, the passing of time
/// through <see cref="Tick"/>; each writes what changed into a <see cref="BookChanges"/>. Orleans
/// binary serializer (see CustomerState).
/// </summary>
[GenerateSerializer, Alias("cx.AlertBookState")]
public sealed class AlertBookState
{
    public const string DegradationRule = "touchpoint-degradation";

    [Id(0)] public Dictionary<string, Alert> ById { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, string> OpenByFingerprint { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alert ids in the order they were raised, oldest first.</summary>
    [Id(2)] public List<string> Order { get; set; } = [];

    /// <summary>Conditions folded into another alert by the budget: fingerprint → the alert that holds them.</summary>
    [Id(3)] public Dictionary<string, string> FoldedInto { get; set; } = new(StringComparer.Ordinal);

    /// <summary>When each customer's alerts of the last day were raised (the budget).</summary>
    [Id(4)] public Dictionary<string, List<DateTimeOffset>> RaisedByCustomer { get; set; } = new(StringComparer.Ordinal);

    [Id(5)] public Dictionary<string, Incident> Incidents { get; set; } = new(StringComparer.Ordinal);
    [Id(6)] public Dictionary<string, string> OpenIncidentByTouchpoint { get; set; } = new(StringComparer.Ordinal);
    [Id(7)] public Dictionary<string, Silence> Silences { get; set; } = new(StringComparer.Ordinal);
    [Id(8)] public long Sequence { get; set; }
    [Id(9)] public StatsFigures Figures { get; set; } = new();

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
                Store(AlertChangeKind.Updated, Repeat(open, signal, now, options.EvidenceKept), changes);
                break;
            case SignalKind.Resolve when open is not null:
                var reason = signal.Reason ?? "The condition cleared.";
                Store(AlertChangeKind.Updated, AlertLifecycle.ConditionCleared(open, now, "rule:" + signal.RuleId, reason), changes);
                if (open.RuleId == DegradationRule && open.IncidentId is { } incident)
                {
                    ResolveIncident(incident, now, "rule:" + DegradationRule, changes);
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
        if (result is { Succeeded: true, Alert: { } changed })
        {
            Store(AlertChangeKind.Updated, changed, changes);
            if (changed.RuleId == DegradationRule && changed.State == AlertState.Resolved && changed.IncidentId is { } incident)
            {
                ResolveIncident(incident, now, action.By, changes);
            }
        }

        return result;
    }

    /// <summary>Resolves an incident, its degradation alert and every alert it absorbed that is still open.</summary>
    public Incident? ResolveIncident(string incidentId, DateTimeOffset now, string by, BookChanges changes)
    {
        if (!Incidents.TryGetValue(incidentId, out var incident) || !incident.IsOpen)
        {
            return null;
        }

        incident = incident with { ResolvedAt = now, UpdatedAt = now };
        Incidents[incidentId] = incident;
        OpenIncidentByTouchpoint.Remove(incident.Touchpoint);
        changes.Incidents.Add(incident);
        foreach (var id in incident.AlertIds.Append(incident.AlertId))
        {
            if (ById.TryGetValue(id, out var alert) && alert.IsOpen)
            {
                Store(AlertChangeKind.Updated, id == incident.AlertId
                    ? AlertLifecycle.ConditionCleared(alert, now, by, $"incident {incidentId} resolved")
                    : AlertLifecycle.IncidentResolved(alert, now, by, incidentId), changes);
            }
        }

        return incident;
    }

    /// <summary>Time passed: snoozes end, unacknowledged criticals escalate, stale alerts expire, silences lapse.</summary>
    public void Tick(DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        foreach (var id in OpenByFingerprint.Values.ToList())
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

    /// <summary>The next moment <see cref="Tick"/> has something to do, if any (for the book's timer). Visits every open alert.</summary>
    public DateTimeOffset? NextDue(AlertOptions options) =>
        OpenByFingerprint.Values.Select(id => DueOf(ById[id], options)).Min();

    /// <summary>When time next moves this alert: its snooze ends, it escalates, or it expires; null once resolved.</summary>
    public static DateTimeOffset? DueOf(Alert alert, AlertOptions options) => alert switch
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
    [NonSerialized] private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

    /// <summary>
    /// Forgets resolved alerts beyond <paramref name="resolvedKept"/> (oldest first), and, in a sweep
    /// that visits every alert and customer and so runs once a minute, those resolved longer ago than
    /// <paramref name="resolvedRetention"/> and budget entries older than a day. True when an alert was forgotten.
    /// </summary>
    public bool Trim(int resolvedKept, DateTimeOffset now, TimeSpan? resolvedRetention = null)
    {
        var before = ById.Count;
        var resolved = ById.Count - OpenByFingerprint.Count;
        for (var i = 0; resolved > resolvedKept && i < Order.Count;)
        {
            if (ById[Order[i]].IsOpen)
            {
                i++;
                continue;
            }

            ById.Remove(Order[i]);
            Order.RemoveAt(i);
            resolved--;
        }

        if (now - _prunedAt < TimeSpan.FromMinutes(1))
        {
            return ById.Count != before;
        }

        _prunedAt = now;
        if (resolvedRetention is { } retention)
        {
            Order.RemoveAll(id => ById[id] is { IsOpen: false, ResolvedAt: { } at } && now - at > retention && ById.Remove(id));
        }

        foreach (var (customer, raised) in RaisedByCustomer.ToList())
        {
            raised.RemoveAll(at => now - at >= TimeSpan.FromDays(1));
            if (raised.Count == 0)
            {
                RaisedByCustomer.Remove(customer);
            }
        }

        foreach (var (fingerprint, host) in FoldedInto.ToList())
        {
            if (!ById.TryGetValue(host, out var alert) || !alert.IsOpen)
            {
                FoldedInto.Remove(fingerprint); // its holder closed: the condition may open an alert of its own again
            }
        }

        return ById.Count != before;
    }

    public WallStats Stats(DateTimeOffset now) => Figures.Stats(OpenAlerts, Incidents.Values.Count(i => i.IsOpen), now);

    /// <summary>
    /// An alert's id follows from what raised it (fingerprint, event time, first evidence), not from
    /// the clock: when a silo dies and its interactions are delivered again, the raise they repeat
    /// gets the same id, so the book keeps one alert and a wall that already showed it shows it once.
    /// </summary>
    public static string IdOf(AlertSignal signal)
    {
        var text = $"{signal.Fingerprint}\n{signal.At.UtcTicks}\n{(signal.Evidence.IsDefaultOrEmpty ? "" : signal.Evidence[0])}";
        return Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));
    }

    private void Raise(AlertSignal signal, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        if (signal.CustomerId is { } customer && OverBudget(customer, now, options) is { } host)
        {
            // The budget is spent: fold the new condition into the customer's open alert.
            FoldedInto[signal.Fingerprint] = host.Id;
            var folded = host with
            {
                Folded = host.Folded.Contains(signal.RuleId) ? host.Folded : host.Folded.Add(signal.RuleId),
                Evidence = [.. host.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(options.EvidenceKept)],
                Occurrences = host.Occurrences + 1,
                UpdatedAt = now,
                History = host.History.Add(new AlertTransition(now, host.State, "rule:" + signal.RuleId, $"folded in (alert budget): {signal.Title}")),
            };
            Store(AlertChangeKind.Updated, folded, changes);
            return;
        }

        var alert = Open(signal, now);
        alert = alert with { Sequence = ++Sequence, SilencedBy = Silences.Values.FirstOrDefault(s => s.Mutes(alert, now))?.Id };
        if (signal.CustomerId is { } budgeted)
        {
            (RaisedByCustomer.TryGetValue(budgeted, out var raised) ? raised : RaisedByCustomer[budgeted] = []).Add(now);
        }

        if (alert.RuleId == DegradationRule && alert.Touchpoint is { } degraded)
        {
            alert = OpenIncident(alert, degraded, now, options, changes);
        }
        else if (alert.CustomerId is not null && alert.Touchpoint is { } touchpoint
            && OpenIncidentByTouchpoint.TryGetValue(touchpoint, out var incidentId))
        {
            alert = alert with { IncidentId = incidentId };
            Absorb(incidentId, alert, now, changes);
        }

        Store(AlertChangeKind.Raised, alert, changes);
        if (alert is { CustomerId: not null, SuggestedAction: not null, SilencedBy: null, IncidentId: null })
        {
            changes.ToRoute.Add(alert);
        }
    }

    private Alert? OverBudget(string customer, DateTimeOffset now, AlertOptions options)
    {
        var raisedToday = RaisedByCustomer.TryGetValue(customer, out var raised) ? raised.Count(at => now - at < TimeSpan.FromDays(1)) : 0;
        return raisedToday < options.BudgetPerCustomerPerDay
            ? null
            : NewestFirst().FirstOrDefault(a => a.IsOpen && a.CustomerId == customer);
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
        Incidents[incident.Id] = incident;
        OpenIncidentByTouchpoint[touchpoint] = incident.Id;

        // The customer alerts it explains that are already open join it.
        foreach (var alert in OpenAlerts.Where(a => a.CustomerId is not null && a.Touchpoint == touchpoint && a.IncidentId is null && now - a.RaisedAt <= options.IncidentLookback).ToList())
        {
            var absorbed = alert with
            {
                IncidentId = incident.Id,
                UpdatedAt = now,
                History = alert.History.Add(new AlertTransition(now, alert.State, "system", $"part of incident {incident.Id}: {touchpoint} is degraded")),
            };
            Store(AlertChangeKind.Updated, absorbed, changes);
            Absorb(incident.Id, absorbed, now, changes);
        }

        if (!changes.Incidents.Contains(Incidents[incident.Id]))
        {
            changes.Incidents.Add(Incidents[incident.Id]);
        }

        return degradation with { IncidentId = incident.Id };
    }

    private void Absorb(string incidentId, Alert alert, DateTimeOffset now, BookChanges changes)
    {
        var incident = Incidents[incidentId];
        incident = incident with
        {
            AlertIds = incident.AlertIds.Add(alert.Id),
            Customers = incident.Customers.Contains(alert.CustomerId!) ? incident.Customers : incident.Customers.Add(alert.CustomerId!),
            UpdatedAt = now,
        };
        Incidents[incidentId] = incident;
        changes.Incidents.RemoveAll(i => i.Id == incidentId);
        changes.Incidents.Add(incident);
    }

    private void ApplyFolded(AlertSignal signal, string fingerprint, string hostId, DateTimeOffset now, AlertOptions options, BookChanges changes)
    {
        if (!ById.TryGetValue(hostId, out var host) || !host.IsOpen)
        {
            FoldedInto.Remove(fingerprint);
            Apply(signal, now, options, changes); // the holder is gone: the condition stands on its own
            return;
        }

        if (signal.Kind == SignalKind.Resolve)
        {
            FoldedInto.Remove(fingerprint);
            Store(AlertChangeKind.Updated, host with
            {
                UpdatedAt = now,
                History = host.History.Add(new AlertTransition(now, host.State, "rule:" + signal.RuleId, $"folded condition cleared ({signal.RuleId})")),
            }, changes);
            return;
        }

        Store(AlertChangeKind.Updated, host with
        {
            Evidence = [.. host.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(options.EvidenceKept)],
            Occurrences = host.Occurrences + 1,
            UpdatedAt = now,
        }, changes);
    }

    private void Store(AlertChangeKind kind, Alert alert, BookChanges changes)
    {
        var before = ById.GetValueOrDefault(alert.Id);
        if (kind == AlertChangeKind.Raised)
        {
            Order.Add(alert.Id);
        }

        ById[alert.Id] = alert;
        if (alert.IsOpen)
        {
            OpenByFingerprint[alert.Fingerprint] = alert.Id;
        }
        else
        {
            OpenByFingerprint.Remove(alert.Fingerprint);
        }

        Figures.Count(before, alert);
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

    private static Alert Open(AlertSignal signal, DateTimeOffset now) => new()
    {
        Id = IdOf(signal),
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
        History = [new AlertTransition(now, AlertState.Open, "rule:" + signal.RuleId, signal.Title)],
    };

    /// <summary>The condition was seen again while open: one alert, fresher words, more evidence.</summary>
    private static Alert Repeat(Alert open, AlertSignal signal, DateTimeOffset now, int evidenceKept) => open with
    {
        Severity = signal.Severity,
        Touchpoint = signal.Touchpoint ?? open.Touchpoint,
        Stage = signal.Stage ?? open.Stage,
        Title = signal.Title,
        Detail = signal.Detail,
        Translations = signal.Translations,
        Evidence = [.. open.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(evidenceKept)],
        SuggestedAction = signal.SuggestedAction ?? open.SuggestedAction,
        UpdatedAt = now,
        Occurrences = open.Occurrences + 1,
    };
}
