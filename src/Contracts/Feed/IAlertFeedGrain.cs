using System.Collections.Immutable;

namespace CxLive.Feed;

/// <summary>
/// Fans alert changes out to every subscribed web server. Subscriptions expire unless renewed, so a
/// server that died without unsubscribing stops being called (Orleans' ObserverManager).
/// </summary>
public interface IAlertFeedGrain : IGrainWithIntegerKey
{
    Task SubscribeAsync(IAlertFeedObserver observer);

    Task UnsubscribeAsync(IAlertFeedObserver observer);

    Task PublishAsync(ImmutableArray<AlertChange> changes);
}
