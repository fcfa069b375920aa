using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CxLive.Feed;

/// <summary>
/// Fans alert changes out to every web server's observer (the GPSTracker pattern). Observers that
/// are not renewed within the expiry are dropped, so a dead server costs nothing for long.
/// </summary>
public sealed class AlertFeedGrain(ILogger<AlertFeedGrain> logger) : Grain, IAlertFeedGrain
{
    private readonly ObserverManager<IAlertFeedObserver> _observers = new(AlertFeed.SubscriptionExpiry, logger);

    public Task SubscribeAsync(IAlertFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IAlertFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(ImmutableArray<AlertChange> changes)
    {
        _observers.Notify(observer => observer.OnAlertChangesAsync(changes));
        return Task.CompletedTask;
    }
}
