using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>Endpoint metadata: which action an alert endpoint performs, so one body type validates for each.</summary>
public sealed record AlertActionEndpoint(AlertActionKind Kind);
