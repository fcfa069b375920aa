using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using CxLive.Grains.Feed;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Grains;

[Collection(ClusterCollection.Name)]
public sealed class AlertFeedTests(ClusterFixture fixture)
{
    /// <summary>Stands in for a web server: hands every change it is told about to the test.</summary>
    private sealed class RecordingObserver(string customer) : IAlertFeedObserver
    {
        public TaskCompletionSource<AlertChange> Raised { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource<AlertChange> Resolved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnAlertChangesAsync(ImmutableArray<AlertChange> changes)
        {
            // Other changes may come between (the outreach desk assigning the alert), and one-way
            // notifications may arrive in either order: pick out the raise and the resolution.
            foreach (var change in changes.Where(c => c.Alert.CustomerId == customer))
            {
                if (change.Kind == AlertChangeKind.Raised)
                {
                    Raised.TrySetResult(change);
                }
                else if (change.Alert.State == AlertState.Resolved)
                {
                    Resolved.TrySetResult(change);
                }
            }

            return Task.CompletedTask;
        }

        public Task OnIncidentsAsync(ImmutableArray<Incident> incidents) => Task.CompletedTask;

        public Task OnPromptAsync(OutreachPrompt prompt) => Task.CompletedTask;

        public Task OnStatsAsync(WallStats stats) => Task.CompletedTask;
    }

    [Fact]
    public async Task Subscribed_servers_hear_every_alert_change()
    {
        var customer = NewCustomer();
        var observer = new RecordingObserver(customer);
        var reference = fixture.Grains.CreateObjectReference<IAlertFeedObserver>(observer);
        var feed = fixture.Alerts.Feed(AlertPartitions.Of(customer, fixture.Alerts.Partitions)); // the customer's partition publishes their alerts
        await feed.SubscribeAsync(reference);
        var t0 = fixture.Clock.GetUtcNow();

        try
        {
            var grain = fixture.Grains.GetGrain<ICustomerGrain>(customer);
            await grain.RecordAsync([FailedSearch(customer, t0), FailedSearch(customer, t0.AddMinutes(1)), FailedSearch(customer, t0.AddMinutes(2))]);
            var raised = await observer.Raised.Task.WaitAsync(TimeSpan.FromSeconds(30));

            await grain.RecordAsync([Make(customer, t0.AddMinutes(3), InteractionTypes.AddToCart)]);
            var resolved = await observer.Resolved.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(AlertChangeKind.Raised, raised.Kind);
            Assert.Equal("repeated-failed-search", raised.Alert.RuleId);
            Assert.Equal(AlertChangeKind.Updated, resolved.Kind);
            Assert.Equal(raised.Alert.Id, resolved.Alert.Id);
            Assert.True(resolved.Alert.Sequence > raised.Alert.Sequence, "a later change of the partition carries a later number");
        }
        finally
        {
            await feed.UnsubscribeAsync(reference);
            fixture.Grains.DeleteObjectReference<IAlertFeedObserver>(reference);
        }
    }
}
