namespace CxLive.Dashboard.Api.OpenApi;

/// <summary><c>.AlsoAnswers("text/csv", …)</c>: the text alternative to the endpoint's JSON answer (<see cref="AlternativeContent"/>).</summary>
public static class AlternativeContentExtensions
{
    public static RouteHandlerBuilder AlsoAnswers(this RouteHandlerBuilder builder, string contentType, string description, int status = StatusCodes.Status200OK) =>
        builder.WithMetadata(new AlternativeContent(status, contentType, description));
}
