using System.Globalization;
using System.Text.Json.Nodes;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Serialization;
using Microsoft.OpenApi;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>
/// What each query parameter holds, by name, for the OpenAPI document. The handlers read every
/// value as text (to name every bad one in a single answer), so the generator types them all as
/// strings, and it cannot see at all the ones read by hand (<c>request.Query</c>): this says the
/// type and meaning of every name an endpoint allows (<see cref="AllowedQuery"/>). A name missing
/// here leaves its parameter without a description, which OpenApiTests catches.
/// </summary>
public static class QueryParameters
{
    private const string Time = "a date (2026-11-23, midnight UTC) or an ISO 8601 date-time with an offset (2026-11-23T10:00:00Z)";

    /// <param name="paged">The operation takes a <c>cursor</c> (alerts, outreach): its <c>limit</c> goes up to <see cref="Paging.MaxLimit"/>.</param>
    public static void Describe(OpenApiParameter parameter, bool paged)
    {
        (parameter.Schema, parameter.Description) = parameter.Name switch
        {
            "state" => (Enum<AlertState>(), "Only alerts in this state."),
            "severity" => (Enum<Severity>(), "Only alerts of this severity."),
            "open" => (Boolean(), "`true`: only those not yet resolved; `false` or left out: all."),
            "silenced" => (Boolean(), "`false`: only alerts no silence held back; `true`: only those a silence held back; left out: both."),
            "customerId" => (Text(), "Only those about this customer (exact id)."),
            "touchpoint" => (Text(), "Only those at this touchpoint (exact id, e.g. web/search)."),
            "ruleId" => (Text(), "Only those raised by this rule, or that took in a condition of it (folded); an id from GET /api/rules."),
            "assignedTo" => (Text(), "Only those this agent holds (an id from GET /api/agents)."),
            "agentId" => (Text(), "The agent whose prompts to list (an id from GET /api/agents); left out: prompts no agent holds."),
            "pending" => (Boolean(), "`true`: only prompts nobody has reported an outcome for."),
            "following" => (Boolean(), "`true`: only prompts reported `contacted` whose alert is still open, for the agent to say how it ended (`resolved` or `declined`); not with `pending=true`."),
            "limit" => paged
                ? (Whole(1, Paging.MaxLimit), "How many to answer at most (default 100).")
                : (Whole(1, CustomersApi.MaxFound), "How many to answer at most (default 20)."),
            "cursor" => (Text(), "Where the page starts: from the previous page's Link or X-Next-Cursor header."),
            "top" => (Whole(1, 100), "How many touchpoints to answer (default 10)."),
            "minEvents" => (Whole(0, null), "Only touchpoints with at least this many events in the window (default 5)."),
            "query" => (Text(), "Part of a customer id, 1 to 128 characters, in any case."),
            "from" => (Text(), $"Start, inclusive: {Time}. Default: 7 days before `to`."),
            "to" => (Text(), $"End, exclusive: {Time}. Default: now."),
            "groupBy" => (Enum<PainPointGroup>(), "What to add alerts up by (default rule)."),
            "format" => (Values("json", "csv"), "`csv` answers text/csv, a line per group and day; default json."),
            "rules" => (Text(), "Rule overrides for an NDJSON body, as the JSON object a JSON body carries in `rules`."),
            "until" => (Text(), "An ISO 8601 date-time with an offset: time runs on to it past the last interaction, so deadlines can fire."),
            _ => (parameter.Schema, parameter.Description),
        };
    }

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Boolean() => new() { Type = JsonSchemaType.Boolean };

    private static OpenApiSchema Whole(int least, int? most) => new()
    {
        Type = JsonSchemaType.Integer,
        Minimum = least.ToString(CultureInfo.InvariantCulture),
        Maximum = most?.ToString(CultureInfo.InvariantCulture),
    };

    private static OpenApiSchema Enum<TEnum>() where TEnum : struct, System.Enum =>
        Values([.. System.Enum.GetValues<TEnum>().Select(WireNames<TEnum>.Of)]);

    private static OpenApiSchema Values(params string[] values) =>
        new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
}
