using CxLive.Alerts;
using CxLive.Customers;

namespace CxLive.Api;

/// <summary>
/// <c>GET /api/customers/{id}</c>: timeline across channels, counts, and unresolved alerts;
/// <c>GET /api/experience/distribution</c>: how many customers stand in each tenth of the experience score.
/// </summary>
public static class CustomersApi
{
    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/customers/{id}", GetAsync).Produces<CustomerView>().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/experience/distribution", async (IGrainFactory grains) =>
        {
            var tenths = await grains.GetGrain<IExperienceDirectoryGrain>(0).DistributionAsync();
            return Results.Ok(new { tenths, customers = tenths.Sum() });
        });
        return app;
    }

    private static async Task<IResult> GetAsync(IGrainFactory grains, string id)
    {
        var snapshot = await grains.GetGrain<ICustomerGrain>(id).GetSnapshotAsync();
        if (snapshot.InteractionCount == 0)
        {
            return Problems.NotFound($"no interactions have been recorded for customer '{id}'");
        }

        var open = await grains.GetGrain<IAlertBookGrain>(0).QueryAsync(
            new AlertQuery { CustomerId = id, OpenOnly = true, Limit = AlertsApi.MaxLimit });
        return Results.Ok(CustomerView.Of(snapshot, open));
    }
}
