using CxLive.Dashboard.Api;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// Section <c>ApiReference</c>: who may open the OpenAPI document and the reference page.
/// <c>open</c> (anyone), <c>admins</c> (people with the admin role; everyone in an open install),
/// or <c>off</c> (neither is served). Default: <c>open</c> in Development, <c>admins</c> otherwise.
/// </summary>
public sealed class ApiReferenceOptions
{
    public const string Section = "ApiReference";
    public const string Open = "open";
    public const string Admins = "admins";
    public const string Off = "off";

    public static readonly string[] Accesses = [Open, Admins, Off];

    public string? Access { get; set; }

    public string EffectiveAccess(IHostEnvironment environment) =>
        Access?.ToLowerInvariant() ?? (environment.IsDevelopment() ? Open : Admins);
}
