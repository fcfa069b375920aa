using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Feed;

/// <summary>
/// Fans one alert partition's changes (key: the partition) out to every subscribed web server, which subscribes to every partition's feed. Subscriptions expire unless renewed, so a
/// server that died without unsubscribing stops being called (Orleans' ObserverManager).
/// </summary>
[Alias("CxLive.Feed.IAlertFeedGrain")]
public interface IAlertFeedGrain : IGrainWithIntegerKey
{
    Task SubscribeAsync(IAlertFeedObserver observer);

    Task UnsubscribeAsync(IAlertFeedObserver observer);

    Task PublishAsync(ImmutableArray<AlertChange> changes);

    Task PublishIncidentsAsync(ImmutableArray<Incident> incidents);

    Task PublishPromptAsync(OutreachPrompt prompt);

    Task PublishStatsAsync(WallStats stats);
}
