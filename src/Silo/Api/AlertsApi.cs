using CxLive.Alerts;
using CxLive.Serialization;

namespace CxLive.Api;

/// <summary><c>GET /api/alerts</c> (filters, newest first) and <c>GET /api/alerts/{id}</c>.</summary>
public static class AlertsApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts");
        alerts.MapGet("/", QueryAsync).Produces<Alert[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        alerts.MapGet("/{id}", GetAsync).Produces<Alert>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> QueryAsync(
        IGrainFactory grains, string? state, string? severity, string? customerId, string? touchpoint, string? ruleId, string? limit)
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

        var query = new AlertQuery
        {
            State = stateFilter,
            Severity = severityFilter,
            CustomerId = customerId,
            Touchpoint = touchpoint,
            RuleId = ruleId,
            Limit = count,
        };
        return Results.Ok(await grains.GetGrain<IAlertBookGrain>(0).QueryAsync(query));
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string id) =>
        await grains.GetGrain<IAlertBookGrain>(0).GetAsync(id) is { } alert
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
