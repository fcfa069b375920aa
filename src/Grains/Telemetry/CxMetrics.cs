using System.Diagnostics;
using System.Diagnostics.Metrics;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Telemetry;

/// <summary>
/// CxLive's own instruments, on the meter <c>CxLive</c>; exported at <c>/metrics</c> with the
/// prefix <c>cxlive_</c> (docs/operations.md lists them). One instance per process, from
/// <see cref="IMeterFactory"/>, so two apps in one test process count apart.
/// </summary>
public sealed class CxMetrics
{
    public const string MeterName = "CxLive";

    private static readonly Channel[] Channels = Enum.GetValues<Channel>();
    private static readonly string[] ChannelNames = [.. Channels.Select(WireNames<Channel>.Of)];
    private readonly Counter<long> _events;
    private readonly Counter<long> _duplicates;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _warned;
    private readonly Histogram<double> _detection;
    private readonly Counter<long> _alerts;
    private readonly Counter<long> _webhooks;
    private readonly Counter<long> _ruleFaults;

    public CxMetrics(IMeterFactory meters, IOptions<TelemetryOptions> options)
    {
        var meter = meters.Create(options.Value.MeterName);
        _events = meter.CreateCounter<long>("cxlive.ingested.events", "{event}", "Interactions delivered to the customer grains, by channel (re-sent ids included).");
        _duplicates = meter.CreateCounter<long>("cxlive.ingested.duplicates", "{event}", "Delivered interactions whose id the customer already had: they changed nothing.");
        _accepted = meter.CreateCounter<long>("cxlive.ingest.accepted", "{item}", "Items this process's HTTP ingest accepted: recorded (embedded mode) or in the ingest stream (Redis mode), re-sent ids counted by what the answer says.");
        _warned = meter.CreateCounter<long>("cxlive.ingest.warned", "{item}", "Items accepted with a warning (they may be read otherwise than meant), by transport: http (the answer says each) or stream (only the log of the silo that read them does).");
        _rejected = meter.CreateCounter<long>("cxlive.ingest.rejected", "{item}", "Items or requests refused, by reason: the field at fault, or what was wrong with the request.");
        _detection = meter.CreateHistogram<double>("cxlive.detection.latency", "ms", "From an interaction's acceptance to the end of detection on it (alerts in the book), per delivered batch.");
        _alerts = meter.CreateCounter<long>("cxlive.alerts", "{change}", "Alert changes, by rule and the state the alert moved to (open = raised or repeated).");
        _webhooks = meter.CreateCounter<long>("cxlive.webhook.attempts", "{attempt}", "Webhook POSTs, by target and outcome: delivered, failed (tried again), rejected (4xx, not tried again), given-up.");
        _ruleFaults = meter.CreateCounter<long>("cxlive.rule.faults", "{fault}", "A customer rule that threw on an interaction or a deadline, by rule: the other rules ran and the interactions are kept (the log says which customer).");
        Meter = meter;
    }

    public Meter Meter { get; }

    /// <summary>Counts a delivered batch per channel, one Add per channel present rather than per interaction.</summary>
    public void Delivered(IReadOnlyList<Interaction> interactions, int duplicates)
    {
        Span<int> perChannel = stackalloc int[Channels.Length];
        foreach (var interaction in interactions)
        {
            perChannel[(int)interaction.Channel]++;
        }

        for (var i = 0; i < perChannel.Length; i++)
        {
            if (perChannel[i] > 0)
            {
                _events.Add(perChannel[i], new KeyValuePair<string, object?>("channel", ChannelNames[i]));
            }
        }

        if (duplicates > 0)
        {
            _duplicates.Add(duplicates);
        }
    }

    /// <summary>Items an ingest request accepted, as its answer's <c>accepted</c> says.</summary>
    public void Accepted(int count)
    {
        if (count > 0)
        {
            _accepted.Add(count);
        }
    }

    /// <summary>Items accepted with a warning, by <paramref name="transport"/> (<c>http</c> or <c>stream</c>).</summary>
    public void Warned(string transport, int count)
    {
        if (count > 0)
        {
            _warned.Add(count, new KeyValuePair<string, object?>("transport", transport));
        }
    }

    public void Rejected(string reason, int count = 1) => _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));

    public void Detected(TimeSpan sinceAccepted) => _detection.Record(sinceAccepted.TotalMilliseconds);

    public void AlertChanged(Alert alert) =>
        _alerts.Add(1, new TagList { { "rule", alert.RuleId }, { "state", WireNames<AlertState>.Of(alert.State) } });

    public void RuleFaulted(string ruleId) => _ruleFaults.Add(1, new KeyValuePair<string, object?>("rule", ruleId));

    public void WebhookAttempted(WebhookAttempt attempt) =>
        _webhooks.Add(1, new TagList { { "target", attempt.Target }, { "outcome", WireNames<WebhookOutcome>.Of(attempt.Outcome) } });
}
