using CxLive.Alerts;

namespace CxLive.Api.Requests;

/// <summary>Endpoint metadata: which action an alert endpoint performs, so one body type validates for each.</summary>
public sealed record AlertActionEndpoint(AlertActionKind Kind);
