using System.ComponentModel;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>Answer of <c>GET /api/experience/distribution</c>.</summary>
public sealed record DistributionResponse(
    [property: Description("Customers per tenth of the experience score: 0-9, 10-19, ..., 90-100.")] IReadOnlyList<long> Tenths,
    long Customers);
