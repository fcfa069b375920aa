using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;

namespace CxLive.Contracts.Webhooks;

/// <summary>
/// One commit of an alert partition, as its webhooks need it: alert and incident changes with their
/// numbers, which incidents it opened, and the range of numbers the commit took (silenced changes,
/// left out above, included), so the outbox can tell when it missed a commit.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.WebhookChanges")]
public sealed record WebhookChanges(
    [property: Id(0)] ImmutableArray<AlertChange> Alerts,
    [property: Id(1)] ImmutableArray<Incident> Incidents,
    [property: Id(2)] ImmutableArray<string> OpenedIncidentIds,
    [property: Id(3)] long FirstSequence,
    [property: Id(4)] long LastSequence);
