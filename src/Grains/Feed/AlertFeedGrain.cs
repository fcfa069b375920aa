using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace CxLive.Grains.Feed;

/// <summary>
/// Fans alert changes out to every web server's observer (the GPSTracker pattern). Observers that
/// are not renewed within the expiry are dropped, so a dead server costs nothing for long.
/// </summary>
[GrainType("alertfeed")]
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

    public Task PublishAsync(ImmutableArray<AlertChange> changes) => Notify(observer => observer.OnAlertChangesAsync(changes));

    public Task PublishIncidentsAsync(ImmutableArray<Incident> incidents) => Notify(observer => observer.OnIncidentsAsync(incidents));

    public Task PublishPromptAsync(OutreachPrompt prompt) => Notify(observer => observer.OnPromptAsync(prompt));

    public Task PublishStatsAsync(WallStats stats) => Notify(observer => observer.OnStatsAsync(stats));

    private Task Notify(Func<IAlertFeedObserver, Task> send)
    {
        _observers.Notify(observer => send(observer));
        return Task.CompletedTask;
    }
}
