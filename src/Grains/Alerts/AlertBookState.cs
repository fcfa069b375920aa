using System.Collections.Immutable;
using System.IO.Hashing;
using System.Text;
using CxLive.Feed;

namespace CxLive.Alerts;

/// <summary>
/// Every alert the book keeps, with its open-alert index by fingerprint. All changes go through
/// <see cref="Apply"/>, which guards the current state: a raise on an open fingerprint updates that
/// alert, a resolve of nothing open does nothing. Orleans binary serializer (see CustomerState).
/// </summary>
[GenerateSerializer, Alias("cx.AlertBookState")]
public sealed class AlertBookState
{
    [Id(0)] public Dictionary<string, Alert> ById { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, string> OpenByFingerprint { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Alert ids in the order they were raised, oldest first.</summary>
    [Id(2)] public List<string> Order { get; set; } = [];

    public AlertChange? Apply(AlertSignal signal, DateTimeOffset now, AlertOptions options)
    {
        var open = OpenByFingerprint.TryGetValue(signal.Fingerprint, out var openId) ? ById[openId] : null;
        return signal.Kind switch
        {
            SignalKind.Raise when open is null && ById.ContainsKey(IdOf(signal)) => null, // a replay of a raise already kept
            SignalKind.Raise when open is null => Store(AlertChangeKind.Raised, Open(signal, now)),
            SignalKind.Raise => Store(AlertChangeKind.Updated, Repeat(open, signal, now, options.EvidenceKept)),
            SignalKind.Resolve when open is not null => Store(AlertChangeKind.Updated, Resolve(open, signal, now)),
            _ => null,
        };
    }

    public IEnumerable<Alert> NewestFirst()
    {
        for (var i = Order.Count - 1; i >= 0; i--)
        {
            yield return ById[Order[i]];
        }
    }

    /// <summary>Forgets the oldest resolved alerts beyond the configured number.</summary>
    public void Trim(int resolvedKept)
    {
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
    }

    private AlertChange Store(AlertChangeKind kind, Alert alert)
    {
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

        return new AlertChange(kind, alert);
    }

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
        Evidence = [.. open.Evidence.Union(signal.Evidence, StringComparer.Ordinal).Take(evidenceKept)],
        SuggestedAction = signal.SuggestedAction ?? open.SuggestedAction,
        UpdatedAt = now,
        Occurrences = open.Occurrences + 1,
    };

    private static Alert Resolve(Alert open, AlertSignal signal, DateTimeOffset now) => open with
    {
        State = AlertState.Resolved,
        ResolvedAt = now,
        UpdatedAt = now,
        History = open.History.Add(new AlertTransition(now, AlertState.Resolved, "rule:" + signal.RuleId, signal.Reason ?? "The condition cleared.")),
    };
}
