using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

[Collection(ClusterCollection.Name)]
public sealed class CustomerGrainTests(ClusterFixture fixture)
{
    private readonly string _customer = NewCustomer();
    private static readonly DateTimeOffset T0 = ClusterFixture.Start;

    private ICustomerGrain Customer => fixture.Grains.GetGrain<ICustomerGrain>(_customer);

    private Task<System.Collections.Immutable.ImmutableArray<Alert>> AlertsOfCustomer() =>
        fixture.Alerts.QueryAsync(new AlertQuery { CustomerId = _customer });

    [Fact]
    public async Task Records_a_batch_and_skips_resent_ids()
    {
        var a = Make(_customer, T0, InteractionTypes.PageView);
        var b = Make(_customer, T0.AddSeconds(1), InteractionTypes.ProductView);
        var c = Make(_customer, T0.AddSeconds(2), InteractionTypes.AddToCart);

        var first = await Customer.RecordAsync([a, b]);
        var second = await Customer.RecordAsync([a, b, c]);

        Assert.Equal((2, 0), (first.Accepted, first.Duplicates));
        Assert.Equal(1, second.Accepted);
        Assert.Equal([0, 1], second.DuplicateIndexes.ToArray());
        var snapshot = await Customer.GetSnapshotAsync();
        Assert.Equal(3, snapshot.InteractionCount);
        Assert.Equal([c.Id, b.Id, a.Id], snapshot.Timeline.Select(i => i.Id));
    }

    [Fact]
    public async Task Third_failed_search_puts_an_alert_in_the_book_before_the_call_returns()
    {
        var searches = new[] { FailedSearch(_customer, T0, "a"), FailedSearch(_customer, T0.AddMinutes(1), "b"), FailedSearch(_customer, T0.AddMinutes(2), "c") };

        await Customer.RecordAsync([.. searches]);

        var alert = Assert.Single(await AlertsOfCustomer());
        Assert.Equal("repeated-failed-search", alert.RuleId);
        Assert.Equal(AlertState.Open, alert.State);
        Assert.Equal(searches.Select(s => s.Id), alert.Evidence);
        Assert.Equal(fixture.Clock.GetUtcNow(), alert.RaisedAt);
    }

    [Fact]
    public async Task Repeated_condition_updates_the_open_alert_and_success_resolves_it()
    {
        await Customer.RecordAsync([FailedSearch(_customer, T0), FailedSearch(_customer, T0.AddMinutes(1)), FailedSearch(_customer, T0.AddMinutes(2))]);
        await Customer.RecordAsync([FailedSearch(_customer, T0.AddMinutes(3))]);
        var open = Assert.Single(await AlertsOfCustomer());
        Assert.Equal(2, open.Occurrences);
        Assert.Equal(4, open.Evidence.Length);

        await Customer.RecordAsync([Make(_customer, T0.AddMinutes(4), InteractionTypes.ProductView)]);

        var resolved = Assert.Single(await AlertsOfCustomer());
        Assert.Equal(open.Id, resolved.Id);
        Assert.Equal(AlertState.Resolved, resolved.State);
    }

    [Fact]
    public async Task Re_sending_the_same_failed_searches_raises_nothing_new()
    {
        var searches = new[] { FailedSearch(_customer, T0), FailedSearch(_customer, T0.AddMinutes(1)), FailedSearch(_customer, T0.AddMinutes(2)) };
        await Customer.RecordAsync([.. searches]);

        var again = await Customer.RecordAsync([.. searches]);

        Assert.Equal(3, again.Duplicates);
        Assert.Equal(1, Assert.Single(await AlertsOfCustomer()).Occurrences);
    }

    [Fact]
    public async Task State_survives_deactivation_through_the_checkpoint()
    {
        var first = FailedSearch(_customer, T0);
        await Customer.RecordAsync([first, FailedSearch(_customer, T0.AddMinutes(1))]);

        await fixture.Cluster.DeactivateAsync(Customer);
        await fixture.Cluster.WaitForDeactivationAsync(Customer);

        Assert.Equal(1, (await Customer.RecordAsync([first])).Duplicates);
        await Customer.RecordAsync([FailedSearch(_customer, T0.AddMinutes(2))]);
        Assert.Equal(3, (await Customer.GetSnapshotAsync()).InteractionCount);
        Assert.Single(await AlertsOfCustomer()); // the detector's window came back too
    }
}
