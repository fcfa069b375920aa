using CxLive.Alerts;
using CxLive.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// Keeps this server's <see cref="HubAlertFeedObserver"/> subscribed to every alert partition's feed: subscribes
/// before the server starts taking requests (so the first alert is never missed), then renews well
/// within the feed's expiry, which also re-subscribes after the feed grain moved or restarted.
/// </summary>
public sealed class AlertFeedSubscription(
    IGrainFactory grains,
    ClusterAlerts alerts,
    HubAlertFeedObserver observer,
    ILogger<AlertFeedSubscription> logger) : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan RenewEvery = AlertFeed.SubscriptionExpiry / 4;
    private readonly CancellationTokenSource _stopping = new();
    private IAlertFeedObserver? _reference;
    private Task? _renewing;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IAlertFeedObserver>(observer);
        await SubscribeEverywhereAsync();
        _renewing = RenewAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_renewing is not null)
        {
            await _renewing;
        }

        if (_reference is not null)
        {
            try
            {
                await Task.WhenAll(alerts.All.Select(p => alerts.Feed(p).UnsubscribeAsync(_reference!))).WaitAsync(cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogInformation(e, "Could not unsubscribe from the alert feed while stopping; the subscription will expire");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task SubscribeEverywhereAsync() => Task.WhenAll(alerts.All.Select(p => alerts.Feed(p).SubscribeAsync(_reference!)));

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await SubscribeEverywhereAsync();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Renewing the alert feed subscription failed; retrying in {Interval}", RenewEvery);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
