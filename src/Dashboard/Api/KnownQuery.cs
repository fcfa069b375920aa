using CxLive.Dashboard.Api.OpenApi;

namespace CxLive.Dashboard.Api;

/// <summary>
/// A GET endpoint names the query parameters it reads; any other answers 400 naming it, so a typo
/// (<c>?agent=li.na</c>, <c>?sevrity=critical</c>) is not silently ignored and mistaken for "no filter".
/// </summary>
public static class KnownQuery
{
    public static RouteHandlerBuilder AllowsQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            // Case-insensitive, as ASP.NET Core reads query values: ?groupby= works like ?groupBy=.
            var unknown = context.HttpContext.Request.Query.Keys.Where(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
            return unknown.Count == 0 ? await next(context) : Problems.UnknownParameters(unknown, names);
        });
}
