using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Dashboard.Feed;
using CxLive.Dashboard.Hubs;
using CxLive.Grains.Customers;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

/// <summary>
/// A web server's relay against real partitions, started as a silo's host starts it: Kestrel takes
/// walls at once, while the relay itself starts only once the silo has joined its cluster.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FeedRelayStartTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_alert_published_while_the_silo_joined_reaches_the_walls_that_were_already_there()
    {
        var clock = new FakeTimeProvider(fixture.Clock.GetUtcNow()); // the web server's own: the cluster's is not moved
        var walls = new RecordingWalls();
        var relay = new FeedRelay(fixture.Grains, fixture.Alerts, new HubPushes(walls), clock, NullLogger<FeedRelay>.Instance);
        using var stopping = new CancellationTokenSource();

        // The host starts: Kestrel listens, and a wall may connect from here on.
        await relay.StartingAsync(stopping.Token);

        // Another silo raises an alert while this one is still joining (its join takes seconds).
        var customer = NewCustomer();
        var t0 = fixture.Clock.GetUtcNow();
        await fixture.Grains.GetGrain<ICustomerGrain>(customer).RecordAsync([FailedSearch(customer, t0), FailedSearch(customer, t0.AddSeconds(1)), FailedSearch(customer, t0.AddSeconds(2))]);
        // Raised, and handed to an agent: the last change the partition makes to it on its own, so
        // no later push can bring it to the relay.
        var published = await Eventually.ResultAsync(
            () => fixture.Alerts.BookOfCustomer(customer).QueryAsync(new AlertQuery { CustomerId = customer }),
            alerts => alerts is [{ AssignedTo: not null }],
            TimeSpan.FromSeconds(30),
            "the alert raised and assigned");
        clock.Advance(TimeSpan.FromSeconds(5));

        // The silo has joined: the relay starts, and finds the alert already published.
        await relay.StartAsync(stopping.Token);
        try
        {
            var heard = await walls.Alerts.Reader.ReadAllAsync().FirstAsync(a => a.CustomerId == customer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal((published[0].Id, "repeated-failed-search"), (heard.Id, heard.RuleId));
        }
        finally
        {
            await relay.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Stands in for the hub: what goes to the wall group, as the walls would receive it.</summary>
    private sealed class RecordingWalls : IHubContext<CxHub, ICxClient>
    {
        public System.Threading.Channels.Channel<Alert> Alerts { get; } = System.Threading.Channels.Channel.CreateUnbounded<Alert>();

        public IHubClients<ICxClient> Clients => new Addressed(this);

        public IGroupManager Groups => throw new NotSupportedException();

        private sealed class Addressed(RecordingWalls walls) : IHubClients<ICxClient>
        {
            public ICxClient All => new To(walls, false);

            public ICxClient Groups(IReadOnlyList<string> groupNames) => new To(walls, groupNames.Contains(HubGroups.Wall));

            public ICxClient Group(string groupName) => new To(walls, groupName == HubGroups.Wall);

            public ICxClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => new To(walls, false);

            public ICxClient Client(string connectionId) => new To(walls, false);

            public ICxClient Clients(IReadOnlyList<string> connectionIds) => new To(walls, false);

            public ICxClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => new To(walls, false);

            public ICxClient User(string userId) => new To(walls, false);

            public ICxClient Users(IReadOnlyList<string> userIds) => new To(walls, false);
        }

        private sealed class To(RecordingWalls walls, bool wall) : ICxClient
        {
            public Task alertRaised(Alert alert) => Heard(alert);

            public Task alertUpdated(Alert alert) => Heard(alert);

            public Task incidentUpdated(Incident incident) => Task.CompletedTask;

            public Task outreachPrompt(CxLive.Contracts.Agents.OutreachPrompt prompt) => Task.CompletedTask;

            public Task customerUpdated(CustomerSnapshot snapshot) => Task.CompletedTask;

            public Task wallStats(WallStats stats) => Task.CompletedTask;

            public Task feedPosition(FeedPosition position) => Task.CompletedTask;

            public Task serviceStatus(ServiceStatus status) => Task.CompletedTask;

            private Task Heard(Alert alert)
            {
                if (wall)
                {
                    walls.Alerts.Writer.TryWrite(alert);
                }

                return Task.CompletedTask;
            }
        }
    }
}
