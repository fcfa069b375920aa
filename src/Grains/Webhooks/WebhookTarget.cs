using System.Collections.Frozen;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Feed;

namespace CxLive.Grains.Webhooks;

/// <summary>A configured target, its filters read once (any case, as everywhere in configuration): which changes it wants.</summary>
public sealed class WebhookTarget
{
    public WebhookTarget(WebhookTargetOptions options)
    {
        Name = options.Name;
        Url = new Uri(options.Url);
        Secret = options.Secret;
        Format = options.Format.ToLowerInvariant();
        Language = AlertTexts.Find(options.Language) is { } language && language != AlertTexts.English ? language.Code : null;
        Severities = options.Severities.Select(s => WireNames<Severity>.TryParse(s, out var v) ? v : default).ToHashSet();
        States = options.States.Select(s => WireNames<AlertState>.TryParse(s, out var v) ? v : default).ToHashSet();
        Rules = options.Rules.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        Events = options.Events.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }
    public Uri Url { get; }
    public string Secret { get; }
    public string Format { get; }

    /// <summary>A language with a text table, as the table names it (<c>zh-CN</c>), or null for English.</summary>
    public string? Language { get; }

    public IReadOnlySet<Severity> Severities { get; }
    public IReadOnlySet<AlertState> States { get; }
    public IReadOnlySet<string> Rules { get; }
    public IReadOnlySet<string> Events { get; }

    public bool Wants(AlertChange change, string @event) =>
        (Events.Count == 0 || Events.Contains(@event))
        && (Severities.Count == 0 || Severities.Contains(change.Alert.Severity))
        && (States.Count == 0 || States.Contains(change.Alert.State))
        && (Rules.Count == 0 || Rules.Contains(change.Alert.RuleId));

    public bool Wants(Incident incident, string @event) =>
        (Events.Count == 0 || Events.Contains(@event))
        && (Rules.Count == 0 || Rules.Contains(WebhookEvents.IncidentRule));
}
