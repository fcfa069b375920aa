using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;
using CxLive.Grains.Agents;
using CxLive.Grains.Detection;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api;

/// <summary><c>GET /api/alerts</c> (filters, newest first, paged by cursor), <c>GET /api/alerts/{id}</c>, <c>GET /api/alerts/stats</c>.</summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", QueryAsync).AllowsQuery("state", "severity", "open", "silenced", "customerId", "touchpoint", "ruleId", "assignedTo", "limit", "cursor").Produces<Alert[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        alerts.MapGet("/stats", (ClusterAlerts alerts, TimeProvider time) => alerts.StatsAsync(time.GetUtcNow())).AllowsQuery().Produces<WallStats>().ProducesProblem(StatusCodes.Status400BadRequest); // an unknown parameter
        alerts.MapGet("/{id}", GetAsync).AllowsQuery().Produces<Alert>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> QueryAsync(
        HttpContext http, ClusterAlerts alerts, LiveRuleBookSource rules, Privacy.PrivacyRules privacy, IOptions<OutreachOptions> outreach,
        string? state, string? severity, string? open, string? silenced, string? customerId, string? touchpoint, string? ruleId, string? assignedTo, string? limit, string? cursor)
    {
        // Every bad parameter is named in one answer, not the first of them only.
        var errors = new FieldErrors();
        if (!TryParseOptional<AlertState>(state, out var stateFilter))
        {
            errors.Add("state", $"must be one of {WireNames<AlertState>.Allowed}");
        }

        if (!TryParseOptional<Severity>(severity, out var severityFilter))
        {
            errors.Add("severity", $"must be one of {WireNames<Severity>.Allowed}");
        }

        var openOnly = errors.Flag("open", open); // not yet resolved (open, acknowledged or snoozed): what a wall holds
        bool? silencedFilter = silenced is null ? null : errors.Flag("silenced", silenced); // false: what a wall shows
        // A value that cannot match is a mistake, not "nothing matches": an empty id, a misspelt rule.
        errors.Text("customerId", customerId, maxLength: 128);
        errors.Text("touchpoint", touchpoint, maxLength: 128);
        errors.Text("ruleId", ruleId, maxLength: 128);
        errors.KnownRule("ruleId", ruleId, rules.Current);
        errors.Text("assignedTo", assignedTo, maxLength: 128);
        errors.KnownAgent("assignedTo", assignedTo, outreach.Value.Agents);

        var (count, before) = Paging.Read(limit, cursor, errors);
        if (errors.Count > 0)
        {
            return errors.QueryProblem();
        }

        var query = new AlertQuery
        {
            Before = before,
            State = stateFilter,
            OpenOnly = openOnly,
            Silenced = silencedFilter,
            Severity = severityFilter,
            CustomerId = customerId,
            Touchpoint = touchpoint,
            RuleId = ruleId,
            AssignedTo = assignedTo,
            Limit = count + 1, // one more than the page, to know whether a next page holds anything
        };
        var page = await alerts.QueryAsync(query);
        if (page.Length == 0 && before is null && privacy.NotAPseudonym(customerId) is { } notStored)
        {
            // Nothing under the id as sent, with pseudonyms on: said, not an empty list as if she had no
            // alerts. (An install that turned pseudonyms on later still finds what it kept under real ids.)
            var why = new FieldErrors();
            why.Add("customerId", notStored);
            return why.QueryProblem();
        }

        if (page.Length > count)
        {
            page = page[..count];
            Paging.LinkNext(http, AlertPosition.Of(page[^1]));
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
