namespace CxLive.Dashboard.Api;

/// <summary>
/// Endpoint metadata: the query parameters an endpoint reads (<see cref="KnownQuery"/>). The
/// OpenAPI document lists each of them from here, so a parameter read by hand rather than bound
/// (the generator cannot see those) is still one a generated client can send.
/// </summary>
public sealed record AllowedQuery(IReadOnlyList<string> Names);
