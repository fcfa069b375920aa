using System.Collections.Immutable;
using System.Security.Claims;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Privacy;
using CxLive.Dashboard.Security;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>GET /api/customers/{id}</c>: timeline across channels, counts, and unresolved alerts;
/// <c>GET /api/experience/distribution</c>: how many customers stand in each tenth of the experience score.
/// </summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("").WithTags("Customers");
        customers.MapGet("/api/customers", FindAsync).AllowsQuery("query", "limit").Produces<CustomerMatch[]>().ProducesProblem(StatusCodes.Status400BadRequest);
        customers.MapGet("/api/customers/{id}", GetAsync).AllowsQuery().Produces<CustomerView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        customers.MapGet("/api/customers/{id}/score", ScoreAsync).AllowsQuery().Produces<ScorePoint[]>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary><c>GET /api/experience/distribution</c>, over every customer (supervisors; <c>WebTier</c> maps it under their policy).</summary>
    public static IEndpointRouteBuilder MapExperienceDistributionApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/experience/distribution", async (IGrainFactory grains) =>
        {
            var tenths = await grains.Ref<IExperienceDirectoryGrain>(0).DistributionAsync();
            return Results.Ok(new DistributionResponse(tenths, tenths.Sum()));
        }).AllowsQuery().WithTags("Customers").Produces<DistributionResponse>();
        return app;
    }

    /// <summary>The score after each interaction on the customer's timeline, oldest first (the customer grain replays it).</summary>
    private static async Task<IResult> ScoreAsync(IGrainFactory grains, ClusterAlerts alerts, PrivacyRules privacy, string id, ClaimsPrincipal user)
    {
        id = PathIds.Unescaped(id);
        if (!await user.MaySeeCustomerAsync(id, alerts))
        {
            return Problems.Forbidden(NotYourCustomer);
        }

        var points = await grains.Ref<ICustomerGrain>(id).ScoreHistoryAsync();
        return points.IsEmpty ? NoInteractions(id, privacy) : Results.Ok(points);
    }

    private const int FindScanned = 10_000;

    /// <summary>The most customers one search answers (<c>limit</c>); the OpenAPI document says so too.</summary>
    public const int MaxFound = 100;

    /// <summary>
    /// Customers whose id contains <c>query</c> (<see cref="CustomerIdSearch"/>): those whose id starts
    /// with it first; within each, those with kept alerts (the newest 10,000 the partitions keep are
    /// scanned), newest alert first, then those the customer index knows in id order. An agent finds
    /// only the customers of their own prompts.
    /// </summary>
    private static async Task<IResult> FindAsync(ClusterAlerts alerts, IGrainFactory grains, ClaimsPrincipal user, string? query, string? limit)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(query) || query.Length > 128)
        {
            errors.Add("query", "must be 1 to 128 characters of a customer id");
        }

        var take = 20;
        if (limit is not null && (!int.TryParse(limit, out take) || take is < 1 or > MaxFound))
        {
            errors.Add("limit", $"must be a whole number from 1 to {MaxFound}");
        }

        if (errors.Count > 0 || query is null) // a missing query is among the errors
        {
            return errors.QueryProblem();
        }

        IEnumerable<(string CustomerId, DateTimeOffset At)> alerted;
        IEnumerable<string> recorded = [];
        if (user.SeesEverything())
        {
            var kept = await alerts.QueryAsync(new AlertQuery { Limit = FindScanned });
            alerted = kept.Where(a => a.CustomerId is not null).Select(a => (a.CustomerId!, a.RaisedAt));
            var shards = await Task.WhenAll(Enumerable.Range(0, ICustomerIndexGrain.Shards)
                .Select(shard => grains.Ref<ICustomerIndexGrain>(shard).FindAsync(query, take)));
            recorded = shards.SelectMany(ids => ids);
        }
        else
        {
            var prompts = user.AgentId() is { } agent ? await alerts.PromptsAsync(agent, pendingOnly: false) : [];
            alerted = prompts.Select(p => (p.CustomerId, p.CreatedAt));
        }

        var withAlerts = alerted.Where(s => CustomerIdSearch.Rank(s.CustomerId, query) is not null)
            .GroupBy(s => s.CustomerId, StringComparer.Ordinal)
            .Select(g => new CustomerMatch(g.Key, g.Max(s => s.At), g.Count()))
            .OrderByDescending(m => m.LastAlertAt)
            .ToList();
        var known = withAlerts.Select(m => m.CustomerId).ToHashSet(StringComparer.Ordinal);
        var withoutAlerts = recorded.Where(id => !known.Contains(id)).Order(CustomerIdSearch.Order)
            .Select(id => new CustomerMatch(id, null, 0));
        // A stable sort: the start of the id matched ranks first, each rank keeping the order above.
        return Results.Ok(withAlerts.Concat(withoutAlerts).OrderBy(m => CustomerIdSearch.Rank(m.CustomerId, query)).Take(take));
    }

    /// <summary>The same answer whether or not the customer exists: an agent learns nothing about customers outside their prompts.</summary>
    internal const string NotYourCustomer = "an agent may see only the customers of their own outreach prompts";

    /// <summary>Not found, and with pseudonyms on, why a real id never is.</summary>
    private static IResult NoInteractions(string id, PrivacyRules privacy) =>
        Problems.NotFound($"no interactions have been recorded for customer '{id}'" + (privacy.NotAPseudonym(id) is { } why ? $"; {why}" : ""));

    private static async Task<IResult> GetAsync(IGrainFactory grains, ClusterAlerts alerts, PrivacyRules privacy, IOptions<AlertOptions> options, TimeProvider time, string id, ClaimsPrincipal user)
    {
        id = PathIds.Unescaped(id);
        if (!await user.MaySeeCustomerAsync(id, alerts))
        {
            return Problems.Forbidden(NotYourCustomer);
        }

        var snapshot = await grains.Ref<ICustomerGrain>(id).GetSnapshotAsync();
        if (snapshot.InteractionCount == 0)
        {
            return NoInteractions(id, privacy);
        }

        // Her own partition for her alerts; the roster only when an agent reached out to her; the
        // partitions of the touchpoints she failed at only: the page reloads the view often.
        // All asked at once.
        var open = alerts.QueryAsync(new AlertQuery { CustomerId = id, OpenOnly = true, Limit = Paging.MaxLimit });
        var names = snapshot.Timeline.Any(i => i.Type == InteractionTypes.Outreach) ? alerts.AgentNamesAsync() : Task.FromResult<IReadOnlyDictionary<string, string>>(ImmutableDictionary<string, string>.Empty);
        var incidents = alerts.IncidentsAtAsync(CustomerOutages.TouchpointsFailedAt(snapshot.Timeline));
        return Results.Ok(CustomerView.Of(snapshot, await open, await names, new CustomerOutages(await incidents, options.Value.IncidentLookback), time.GetUtcNow()));
    }
}
