using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using Orleans.Concurrency;

namespace CxLive.Contracts.Feed;

/// <summary>
/// Implemented once per web server: receives every alert change and pushes it to that server's
/// SignalR clients. One observer per server is the single push path from grains to browsers
/// (a SignalR backplane on top would deliver every message once per server).
/// </summary>
public interface IAlertFeedObserver : IGrainObserver
{
    /// <summary>One-way: a slow or dead web server never holds up the feed.</summary>
    [OneWay]
    Task OnAlertChangesAsync(ImmutableArray<AlertChange> changes);

    [OneWay]
    Task OnIncidentsAsync(ImmutableArray<Incident> incidents);

    [OneWay]
    Task OnPromptAsync(OutreachPrompt prompt);

    [OneWay]
    Task OnStatsAsync(WallStats stats);
}
