using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

public static class BodyValidationExtensions
{
    /// <summary>The endpoint takes a validated <typeparamref name="T"/> (as <see cref="Body{T}"/>): documented for OpenAPI, refused with its problem when bad.</summary>
    public static RouteHandlerBuilder Takes<T>(this RouteHandlerBuilder builder, bool isOptional = false) where T : class, IValidatedBody<T> =>
        builder.Documents<T>(isOptional, "application/json")
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType) // a body sent as anything but JSON (SmallJson)
            .AddEndpointFilter<BodyValidationFilter>();
}
