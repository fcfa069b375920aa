using System.Collections.Immutable;
using System.Globalization;
using CxLive.Alerts;
using CxLive.Customers;
using CxLive.Journeys;
using CxLive.Serialization;

namespace CxLive.Api;

/// <summary>
/// <c>GET /api/insights/pain-points?from=&amp;to=&amp;groupBy=rule|touchpoint|stage|channel[&amp;format=csv]</c>:
/// what hurt customers, per group and per UTC day, for how many, and in their own words. Added up
/// on request from the alerts the alert partitions keep (every unresolved alert and the newest
/// <c>Alerts:ResolvedKept</c> resolved ones), so it looks back as far as they do.
/// </summary>
public static class InsightsApi
{
    /// <summary>The longest window one request may add up.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(90);

    private const int ExamplesPerGroup = 5;
    private const int CustomersReadPerGroup = 10;
    private const int PageSize = 1000;

    public static IEndpointRouteBuilder MapInsightsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/insights/pain-points", PainPointsAsync).WithTags("Insights")
            .Produces<PainPointsReport>().Produces<string>(StatusCodes.Status200OK, "text/csv").ProducesProblem(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> PainPointsAsync(HttpRequest request, ClusterAlerts alerts, IGrainFactory grains, TimeProvider clock)
    {
        var query = request.Query;
        var now = clock.GetUtcNow();
        if (!TryTime(query["to"], now, out var to))
        {
            return Problems.InvalidParameter("to", "must be an ISO 8601 date or time, e.g. 2026-11-30 or 2026-11-30T12:00:00Z");
        }

        if (!TryTime(query["from"], to.AddDays(-7), out var from))
        {
            return Problems.InvalidParameter("from", "must be an ISO 8601 date or time, e.g. 2026-11-23 or 2026-11-23T00:00:00Z");
        }

        if (from >= to)
        {
            return Problems.InvalidParameter("from", "must be before 'to'");
        }

        if (to - from > MaxWindow)
        {
            return Problems.InvalidParameter("from", $"the window may span at most {MaxWindow.TotalDays} days");
        }

        var groupBy = PainPointGroup.Rule;
        if (query["groupBy"] is { Count: > 0 } g && !WireNames<PainPointGroup>.TryParse(g.ToString(), out groupBy))
        {
            return Problems.InvalidParameter("groupBy", $"must be one of {WireNames<PainPointGroup>.Allowed}");
        }

        var format = query["format"].ToString();
        if (format is not ("" or "json" or "csv"))
        {
            return Problems.InvalidParameter("format", "must be json or csv");
        }

        var raised = await RaisedBetweenAsync(alerts, from, to);
        var words = await WordsAsync(grains, raised);
        var report = PainPoints.Report(raised, from, to, groupBy, (_, list) => Examples(list, words));
        return format == "csv"
            ? Results.Text(PainPoints.Csv(report), "text/csv; charset=utf-8")
            : Results.Ok(report);
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

        return DateTimeOffset.TryParse(text.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
    }

    /// <summary>Every kept alert raised in the window, paged newest first through every partition.</summary>
    private static async Task<List<Alert>> RaisedBetweenAsync(ClusterAlerts alerts, DateTimeOffset from, DateTimeOffset to)
    {
        var found = new List<Alert>();
        AlertPosition? before = null;
        while (true)
        {
            var page = await alerts.QueryAsync(new AlertQuery { Limit = PageSize, Before = before });
            found.AddRange(page.Where(a => a.RaisedAt >= from && a.RaisedAt < to));
            if (page.Length < PageSize || page[^1].RaisedAt < from)
            {
                return found;
            }

            before = AlertPosition.Of(page[^1]);
        }
    }

    /// <summary>
    /// The customers' own words on the interactions that made alerts fire, read from the timelines of
    /// at most <see cref="CustomersReadPerGroup"/> customers per rule (bounded work per request;
    /// interactions that left the timeline have no words left to show).
    /// </summary>
    private static async Task<Dictionary<string, CustomerWords>> WordsAsync(IGrainFactory grains, List<Alert> raised)
    {
        var customers = raised.Where(a => a.CustomerId is not null && a.Evidence.Length > 0)
            .GroupBy(a => a.RuleId)
            .SelectMany(g => g.Select(a => a.CustomerId!).Distinct().Take(CustomersReadPerGroup))
            .Distinct()
            .ToList();
        var snapshots = await Task.WhenAll(customers.Select(c => grains.GetGrain<ICustomerGrain>(c).GetSnapshotAsync()));
        var words = new Dictionary<string, CustomerWords>(StringComparer.Ordinal);
        foreach (var snapshot in snapshots)
        {
            foreach (var interaction in snapshot.Timeline)
            {
                if (InteractionStories.OwnWords(interaction) is { } said)
                {
                    words[interaction.Id] = new CustomerWords(snapshot.CustomerId, said, interaction.Type, interaction.Timestamp);
                }
            }
        }

        return words;
    }

    private static ImmutableArray<CustomerWords> Examples(IReadOnlyList<Alert> alerts, Dictionary<string, CustomerWords> words) =>
    [
        .. alerts.OrderByDescending(a => a.RaisedAt)
            .SelectMany(a => a.Evidence.Select(id => words.GetValueOrDefault(id)).OfType<CustomerWords>())
            .DistinctBy(w => (w.CustomerId, w.Words))
            .Take(ExamplesPerGroup),
    ];
}
