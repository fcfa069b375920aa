using System.Collections.Immutable;
using System.Globalization;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Grains.Alerts;
using CxLive.Grains.Insights;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>GET /api/insights/pain-points?from=&amp;to=&amp;groupBy=rule|touchpoint|stage|channel[&amp;format=csv]</c>:
/// what hurt customers, per group and per UTC day, for how many, and in their own words. Each day
/// of the window adds up its own alerts (<see cref="IInsightDayGrain"/>, kept for
/// <c>Insights:Retention</c>, independently of the alerts the partitions keep); this adds the days up.
/// </summary>
public static class InsightsApi
{

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/insights/pain-points", PainPointsAsync).AllowsQuery("from", "to", "groupBy", "format").WithTags("Insights")
            .Produces<PainPointsReport>()
            .AlsoAnswers("text/csv", "With format=csv: a header line, then one line per group and UTC day (UTF-8).")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> PainPointsAsync(HttpRequest request, ClusterAlerts alerts, IGrainFactory grains, TimeProvider clock, IOptions<InsightsOptions> options)
    {
        var query = request.Query;
        var now = clock.GetUtcNow();
        // Every bad parameter is named in one answer; the window is checked once both ends are read.
        var errors = new FieldErrors();
        Dictionary<string, object?>? facts = null;
        if (!TryTime(query["to"], now, out var to))
        {
            errors.Add("to", "must be a date (2026-11-30, midnight UTC) or an ISO 8601 date-time with an offset, e.g. 2026-11-30T12:00:00Z" + IsoTime.QueryHint(query["to"]));
            to = now; // 'from' is still read, and named if it is bad too
        }

        // The week before 'to' by default, or as far back as time goes when 'to' is in year 1's first week.
        var weekBefore = to.UtcDateTime - DateTime.MinValue >= TimeSpan.FromDays(7) ? to.AddDays(-7) : DateTimeOffset.MinValue;
        if (!TryTime(query["from"], weekBefore, out var from))
        {
            errors.Add("from", "must be a date (2026-11-23, midnight UTC) or an ISO 8601 date-time with an offset, e.g. 2026-11-23T00:00:00Z" + IsoTime.QueryHint(query["from"]));
        }
        else if (!errors.Has("to") && from >= to)
        {
            errors.Add("from", "must be before 'to'");
        }
        else if (!errors.Has("to") && to - from > options.Value.Retention)
        {
            errors.Add("from", $"the window may span at most {options.Value.Retention.TotalDays} days, as long as insights are kept (Insights:Retention)");
            facts = new() { ["retentionDays"] = options.Value.Retention.TotalDays }; // the insights page says it in its own language
        }

        var groupBy = PainPointGroup.Rule;
        if (query["groupBy"] is { Count: > 0 } g && !WireNames<PainPointGroup>.TryParse(g.ToString(), out groupBy))
        {
            errors.Add("groupBy", $"must be one of {WireNames<PainPointGroup>.Allowed}");
        }

        var format = query["format"].ToString().ToLowerInvariant(); // read in any case, as the enum values are
        if (format is not ("" or "json" or "csv"))
        {
            errors.Add("format", "must be json or csv");
        }

        if (errors.Count > 0)
        {
            return errors.QueryProblem(facts);
        }

        // Up to this moment: what the partitions changed in the last seconds is forwarded first.
        await Task.WhenAll(alerts.All.Select(p => alerts.Book(p).ForwardInsightsAsync()));
        var days = await Task.WhenAll(DaysOf(from, to).Select(day => grains.Ref<IInsightDayGrain>(IInsightDayGrain.KeyOf(day)).TallyAsync(groupBy, from, to)));
        var report = PainPoints.Report(days.SelectMany(d => d.Groups), from, to, groupBy, days.Sum(d => d.Omitted), options.Value.ExamplesPerGroup);
        return format == "csv"
            ? Results.Text(PainPoints.Csv(report), "text/csv; charset=utf-8")
            : Results.Ok(report);
    }

    /// <summary>The UTC days [from, to) touches.</summary>
    private static IEnumerable<DateOnly> DaysOf(DateTimeOffset from, DateTimeOffset to)
    {
        var last = DateOnly.FromDateTime((to - TimeSpan.FromTicks(1)).UtcDateTime);
        for (var day = DateOnly.FromDateTime(from.UtcDateTime); day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static bool TryTime(Microsoft.Extensions.Primitives.StringValues text, DateTimeOffset fallback, out DateTimeOffset at)
    {
        if (text.Count == 0 || string.IsNullOrEmpty(text.ToString()))
        {
            at = fallback;
            return true;
        }

        if (DateOnly.TryParseExact(text.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            at = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        return IsoTime.TryParse(text.ToString(), out at);
    }
}
