namespace CxLive.Dashboard.Api.OpenApi;

/// <summary><c>.Documents&lt;T&gt;()</c> on an endpoint: the body it reads by hand, for the OpenAPI document (<see cref="DocumentedBody"/>).</summary>
public static class DocumentedBodyExtensions
{
    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), false, contentTypes));

    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, bool isOptional, params string[] contentTypes) =>
        builder.WithMetadata(new DocumentedBody(typeof(T), isOptional, contentTypes));
}

/// <summary><c>.AlsoAnswers("text/csv", …)</c>: the text alternative to the endpoint's JSON answer (<see cref="AlternativeContent"/>).</summary>
public static class AlternativeContentExtensions
{
    public static RouteHandlerBuilder AlsoAnswers(this RouteHandlerBuilder builder, string contentType, string description, int status = StatusCodes.Status200OK) =>
        builder.WithMetadata(new AlternativeContent(status, contentType, description));
}
