using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api.Requests;

/// <summary>What <see cref="BodyValidationFilter"/> looks for among a handler's arguments: a bound body that failed.</summary>
public interface IBoundBody
{
    IResult? Problem { get; }
}
