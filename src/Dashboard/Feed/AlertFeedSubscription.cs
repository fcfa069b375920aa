using CxLive.Feed;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// Keeps this server's <see cref="HubAlertFeedObserver"/> subscribed to the alert feed: subscribes
/// before the server starts taking requests (so the first alert is never missed), then renews well
/// within the feed's expiry, which also re-subscribes after the feed grain moved or restarted.
/// </summary>
public sealed class AlertFeedSubscription(
    IGrainFactory grains,
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
        await Feed.SubscribeAsync(_reference);
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
                await Feed.UnsubscribeAsync(_reference).WaitAsync(cancellationToken);
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

    private IAlertFeedGrain Feed => grains.GetGrain<IAlertFeedGrain>(0);

    private async Task RenewAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                try
                {
                    await Feed.SubscribeAsync(_reference!);
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
