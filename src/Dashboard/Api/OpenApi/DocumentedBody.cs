namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// The body an endpoint reads by hand (not bound by the framework), for the OpenAPI document only.
/// Not <c>Accepts</c>: that also makes routing refuse other content types with a bare 415, before the
/// handler can say in words what it takes.
/// </summary>
public sealed record DocumentedBody(Type Type, bool IsOptional, string[] ContentTypes);
