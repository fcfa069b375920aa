using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// A request body bound by System.Text.Json (<see cref="Body{T}"/>) and then checked by its own
/// small validator, which adds each mistake to <paramref name="errors"/>. The request gives the
/// validator what it needs beyond the body: services (the clock, the rules, the agents) and the
/// endpoint's metadata.
/// </summary>
public interface IValidatedBody<TSelf> where TSelf : IValidatedBody<TSelf>
{
    static abstract void Validate(TSelf body, FieldErrors errors, HttpContext http);

    /// <summary>What to say, as the <c>body</c> field's reason, when the body is not an object; null: the plain "must be a JSON object" problem.</summary>
    static virtual string? ObjectExpected => null;
}
