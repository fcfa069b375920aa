using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;

namespace CxLive.Dashboard.Api;

/// <summary>
/// Every endpoint under /api names the query parameters it reads; any other answers 400 naming it, so a typo
/// (<c>?agent=li.na</c>, <c>?untill=…</c> on a back-test) is not silently ignored and mistaken for "no filter";
/// a parameter given twice is refused too, rather than one of its values picked.
/// </summary>
public static class KnownQuery
{
    /// <summary>Checked by a filter, before the handler runs (and before it reads any body).</summary>
    public static RouteHandlerBuilder AllowsQuery(this RouteHandlerBuilder builder, params string[] names) =>
        builder.WithMetadata(new AllowedQuery(names)).AddEndpointFilter((context, next) =>
            Refusal(context.HttpContext.Request, names) is { } problem ? ValueTask.FromResult<object?>(problem) : next(context));

    /// <summary>
    /// For a hot path (ingest) that calls <see cref="Refusal"/> itself, first thing: no filter
    /// pipeline for every batch; the names still reach the OpenAPI document and the tests.
    /// </summary>
    public static RouteHandlerBuilder ChecksQueryItself(this RouteHandlerBuilder builder, params string[] names) =>
        builder.WithMetadata(new AllowedQuery(names));

    /// <summary>The 400 for an unknown or repeated parameter, or null when the query is fine.</summary>
    public static IResult? Refusal(HttpRequest request, IReadOnlyList<string> names)
    {
        if (!request.QueryString.HasValue)
        {
            return null; // the usual request: nothing to parse
        }

        // Case-insensitive, as ASP.NET Core reads query values: ?groupby= works like ?groupBy=.
        var query = request.Query;
        var unknown = query.Keys.Where(k => !names.Contains(k, StringComparer.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return Problems.UnknownParameters(unknown, names);
        }

        // ?limit=1&limit=2 (or &Limit=2): which one was meant is a guess, so neither is taken.
        var repeated = new FieldErrors();
        foreach (var key in query.Keys.Where(k => query[k].Count > 1).Order(StringComparer.Ordinal))
        {
            // Named as the endpoint spells it, whatever case the request used.
            repeated.Add(names.First(n => n.Equals(key, StringComparison.OrdinalIgnoreCase)), $"given {query[key].Count} times; give it once");
        }

        return repeated.Count == 0 ? null : repeated.QueryProblem();
    }
}
