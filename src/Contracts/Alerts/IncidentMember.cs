namespace CxLive.Contracts.Alerts;

/// <summary>A customer alert that joined an incident, as its partition tells the incident's partition.</summary>
[GenerateSerializer, Immutable, Alias("cx.IncidentMember")]
public sealed record IncidentMember([property: Id(0)] string AlertId, [property: Id(1)] string CustomerId);
