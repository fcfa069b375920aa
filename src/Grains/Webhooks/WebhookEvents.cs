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

    /// <summary>
    /// Closed is said first: an alert raised and resolved in one commit (a backlog caught up, the
    /// customer recovering in the same batch) went out as <c>alert.raised</c> with state resolved,
    /// and a target that closes tickets on <c>alert.resolved</c>, or wants only those, never heard of it.
    /// </summary>
    public static string Of(AlertChange change) =>
        change.Alert.State == AlertState.Resolved ? AlertResolved
        : change.Kind == AlertChangeKind.Raised ? AlertRaised
        : AlertUpdated;

    public static string Of(Incident incident, bool opened) =>
        !incident.IsOpen ? IncidentResolved : opened ? IncidentOpened : IncidentUpdated;
}
