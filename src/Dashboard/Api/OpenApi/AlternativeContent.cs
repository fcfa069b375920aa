namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// A text answer an endpoint gives instead of its JSON one when asked (pain points with
/// <c>format=csv</c>), for the OpenAPI document only: a second <c>Produces</c> for the same status
/// would replace the JSON schema rather than add to it.
/// </summary>
public sealed record AlternativeContent(int Status, string ContentType, string Description);
