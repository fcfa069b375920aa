using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Grains.Alerts;

namespace CxLive.Dashboard.Api;

/// <summary><c>GET /api/alerts</c> (filters, newest first, paged by cursor), <c>GET /api/alerts/{id}</c>, <c>GET /api/alerts/stats</c>.</summary>
public static class AlertsApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", QueryAsync).AllowsQuery("state", "severity", "customerId", "touchpoint", "ruleId", "limit", "cursor").Produces<Alert[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        alerts.MapGet("/stats", (ClusterAlerts alerts, TimeProvider time) => alerts.StatsAsync(time.GetUtcNow())).AllowsQuery().Produces<WallStats>();
        alerts.MapGet("/{id}", GetAsync).AllowsQuery().Produces<Alert>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> QueryAsync(
        HttpContext http, ClusterAlerts alerts, string? state, string? severity, string? customerId, string? touchpoint, string? ruleId, string? limit, string? cursor)
    {
        if (!TryParseOptional<AlertState>(state, out var stateFilter))
        {
            return Problems.InvalidParameter("state", $"must be one of {WireNames<AlertState>.Allowed}");
        }

        if (!TryParseOptional<Severity>(severity, out var severityFilter))
        {
            return Problems.InvalidParameter("severity", $"must be one of {WireNames<Severity>.Allowed}");
        }

        var count = 100;
        if (limit is not null && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
        {
            return Problems.InvalidParameter("limit", $"must be a whole number from 1 to {MaxLimit}");
        }

        AlertPosition? before = null;
        if (cursor is not null && !AlertPosition.TryParse(cursor, out before))
        {
            return Problems.InvalidParameter("cursor", "must be a cursor from a previous page's Link header");
        }

        var query = new AlertQuery
        {
            Before = before,
            State = stateFilter,
            Severity = severityFilter,
            CustomerId = customerId,
            Touchpoint = touchpoint,
            RuleId = ruleId,
            Limit = count,
        };
        var page = await alerts.QueryAsync(query);
        if (page.Length == count)
        {
            // More may follow: the next page starts after the last alert of this one (RFC 8288 link).
            var next = QueryString.Create(http.Request.Query.Where(q => q.Key != "cursor")
                .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create("cursor", (string?)AlertPosition.Of(page[^1]).ToString())));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{next}>; rel=\"next\"";
            http.Response.Headers["X-Next-Cursor"] = AlertPosition.Of(page[^1]).ToString();
        }

        return Results.Ok(page);
    }

    private static async Task<IResult> GetAsync(ClusterAlerts alerts, string id) =>
        await alerts.GetAsync(id) is { } alert
            ? Results.Ok(alert)
            : Problems.NotFound($"no alert has id '{id}'");

    private static bool TryParseOptional<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (text is null)
        {
            return true;
        }

        if (!WireNames<TEnum>.TryParse(text, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
