namespace CxLive.Dashboard.Api.OpenApi;

/// <summary><c>.Documents&lt;T&gt;()</c> on an endpoint: the body it reads by hand, for the OpenAPI document (<see cref="DocumentedBody"/>).</summary>
public static class DocumentedBodyExtensions
{
    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), false, contentTypes));

    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, bool isOptional, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), isOptional, contentTypes));
}
