using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;

namespace CxLive.Grains.Webhooks;

/// <summary>The events a target receives, as <c>X-CxLive-Event</c> and the body's <c>event</c> name them.</summary>
public static class WebhookEvents
{
    public const string AlertRaised = "alert.raised";
    public const string AlertUpdated = "alert.updated";
    public const string AlertResolved = "alert.resolved";
    public const string IncidentOpened = "incident.opened";
    public const string IncidentUpdated = "incident.updated";
    public const string IncidentResolved = "incident.resolved";

    /// <summary>The rule an incident counts as in a target's rule filter.</summary>
    public const string IncidentRule = RuleIds.TouchpointDegradation;

    public static readonly IReadOnlyList<string> All = [AlertRaised, AlertUpdated, AlertResolved, IncidentOpened, IncidentUpdated, IncidentResolved];

    public static string Of(AlertChange change) =>
        change.Kind == AlertChangeKind.Raised ? AlertRaised
        : change.Alert.State == AlertState.Resolved ? AlertResolved
        : AlertUpdated;

    public static string Of(Incident incident, bool opened) =>
        opened ? IncidentOpened : incident.IsOpen ? IncidentUpdated : IncidentResolved;
}
