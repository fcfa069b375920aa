using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Dashboard.Hosting;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Hosting;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// When the alert book cannot be reached (its silo just died), the batch fails and is delivered
/// again; by then the customer knows every id, and the alert its detectors raised must still reach
/// the book on that delivery, not wait for the customer's next interaction.
/// </summary>
public sealed class UnreachableBookTests
{
    /// <summary>Fails the next N calls to the alert book's ApplyAsync, as a dead silo would.</summary>
    private sealed class FailingBook : IIncomingGrainCallFilter
    {
        public static int Remaining;

        public Task Invoke(IIncomingGrainCallContext context)
        {
            if (context.InterfaceMethod?.Name == nameof(IAlertBookGrain.ApplyAsync) && Interlocked.Decrement(ref Remaining) >= 0)
            {
                throw new TimeoutException("the alert book's silo is gone");
            }

            return context.Invoke();
        }
    }

    [Fact]
    public async Task A_delivery_again_of_a_batch_whose_alert_did_not_reach_the_book_publishes_it()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxGrains());
        builder.ConfigureSilo((_, silo) => silo.AddCxMemoryStorage().UseInMemoryReminderService().AddIncomingGrainCallFilter<FailingBook>());
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        var customer = NewCustomer();
        var grain = cluster.Client.GetGrain<ICustomerGrain>(customer);
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n))).ToArray();

        FailingBook.Remaining = 1;
        await Assert.ThrowsAnyAsync<Exception>(() => grain.RecordAsync([.. searches]));

        var again = await grain.RecordAsync([.. searches]);

        Assert.Equal(0, again.Accepted); // every id already recorded...
        var alerts = await new ClusterAlerts(cluster.Client, AlertPartitions.DefaultCount).QueryAsync(new AlertQuery { CustomerId = customer });
        Assert.Equal("repeated-failed-search", Assert.Single(alerts).RuleId); // ...and the alert is in the book all the same
    }
}
