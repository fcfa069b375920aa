using System.Reflection;
using System.Text.Json;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>
/// A request body as a handler parameter: minimal APIs bind it (<see cref="BindAsync"/>) by reading
/// the small JSON body, binding <typeparamref name="T"/> with <see cref="RequestJson.Options"/>, and
/// running its validator. A body that fails carries the problem instead of a value, and
/// <see cref="BodyValidationFilter"/> answers it before the handler runs, so a handler only ever
/// sees a valid <see cref="Value"/>. Every bad field is named at once, wrong types included.
/// </summary>
public sealed class Body<T> : IBindableFromHttpContext<Body<T>>, IBoundBody where T : class, IValidatedBody<T>
{
    private Body(T? value, IResult? problem) => (_value, Problem) = (value, problem);

    private readonly T? _value;

    public T Value => _value ?? throw new InvalidOperationException("the body was not valid; BodyValidationFilter answers it before the handler runs");

    public IResult? Problem { get; }

    public static async ValueTask<Body<T>?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        var (document, unreadable) = await SmallJson.ReadAsync(context.Request, emptyIsObject: true);
        if (document is null)
        {
            return new Body<T>(null, unreadable);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new Body<T>(null, T.ObjectExpected is { } expected ? FieldErrors.Of("body", expected).Problem() : Problems.BadRequest("Unreadable body", "the body must be a JSON object"));
            }

            var errors = new FieldErrors();
            var value = RequestBinder.Bind<T>(document.RootElement, errors);
            if (value is not null)
            {
                T.Validate(value, errors, context);
            }

            return errors.Count > 0 ? new Body<T>(null, errors.Problem()) : new Body<T>(value, null);
        }
    }

}
