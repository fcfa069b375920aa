using System.Collections.Immutable;
using CxLive.Contracts.Webhooks;

namespace CxLive.Dashboard.Api;

/// <summary>The answer of <c>GET /api/webhooks/deliveries</c>: one entry per configured target.</summary>
public sealed record WebhookDeliveries(ImmutableArray<WebhookTargetStatus> Targets);
