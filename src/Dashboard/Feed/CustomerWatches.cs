using CxLive.Contracts.Customers;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Grains;
using CxLive.Dashboard;
using CxLive.Dashboard.Hubs;
using CxLive.Grains.Customers;
using CxLive.Grains.Feed;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxLive.Dashboard.Feed;

/// <summary>
/// Which customers the clients of this server watch, so each watched customer grain knows to push
/// <c>customerUpdated</c> here. The first watching connection registers this server's watcher with
/// the grain; the last to leave unregisters it; in between the registration is renewed well within
/// its expiry, which also re-registers with a grain that was deactivated or moved.
/// </summary>
public sealed class CustomerWatches(
    IGrainFactory grains,
    HubCustomerWatcher watcher,
    ILogger<CustomerWatches> logger) : BackgroundService
{
    private static readonly TimeSpan RenewEvery = AlertFeed.SubscriptionExpiry / 4;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _connectionsByCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _customersByConnection = new(StringComparer.Ordinal);
    private ICustomerWatcher? _reference;

    private ICustomerWatcher Reference => _reference ??= grains.CreateObjectReference<ICustomerWatcher>(watcher);

    public async Task WatchAsync(string connectionId, string customerId)
    {
        bool first;
        lock (_lock)
        {
            first = Add(_connectionsByCustomer, customerId, connectionId);
            Add(_customersByConnection, connectionId, customerId);
        }

        if (first)
        {
            await grains.Ref<ICustomerGrain>(customerId).WatchAsync(Reference);
        }
    }

    public async Task UnwatchAsync(string connectionId, string customerId)
    {
        bool last;
        lock (_lock)
        {
            last = Remove(_connectionsByCustomer, customerId, connectionId);
            Remove(_customersByConnection, connectionId, customerId);
        }

        if (last)
        {
            await UnwatchQuietlyAsync(customerId);
        }
    }

    /// <summary>The connection stops hearing of the customer: her alerts (the hub group) and her snapshots.</summary>
    public async Task StopAsync(IGroupManager groups, string connectionId, string customerId)
    {
        await groups.RemoveFromGroupAsync(connectionId, HubGroups.Customer(customerId));
        await UnwatchAsync(connectionId, customerId);
    }

    /// <summary>The connections of this server that watch <paramref name="customerId"/> now.</summary>
    public List<string> WatchersOf(string customerId)
    {
        lock (_lock)
        {
            return _connectionsByCustomer.TryGetValue(customerId, out var connections) ? [.. connections] : [];
        }
    }

    /// <summary>A closed connection stops watching everything it watched.</summary>
    public async Task ForgetAsync(string connectionId)
    {
        List<string> unwatched = [];
        lock (_lock)
        {
            if (!_customersByConnection.Remove(connectionId, out var customers))
            {
                return;
            }

            foreach (var customer in customers)
            {
                if (Remove(_connectionsByCustomer, customer, connectionId))
                {
                    unwatched.Add(customer);
                }
            }
        }

        foreach (var customer in unwatched)
        {
            await UnwatchQuietlyAsync(customer);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(RenewEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                string[] watched;
                lock (_lock)
                {
                    watched = [.. _connectionsByCustomer.Keys];
                }

                foreach (var customer in watched)
                {
                    try
                    {
                        await grains.Ref<ICustomerGrain>(customer).WatchAsync(Reference);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        logger.LogWarning(e, "Renewing the watch on customer {CustomerId} failed; retrying in {Interval}", customer, RenewEvery);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Best effort: a watch that is not removed expires by itself.</summary>
    private async Task UnwatchQuietlyAsync(string customerId)
    {
        try
        {
            await grains.Ref<ICustomerGrain>(customerId).UnwatchAsync(Reference);
        }
        catch (Exception e)
        {
            logger.LogInformation(e, "Could not stop watching customer {CustomerId}; the watch will expire", customerId);
        }
    }

    /// <summary>True when the set was created for this value (the first one).</summary>
    private static bool Add(Dictionary<string, HashSet<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var values))
        {
            index[key] = [value];
            return true;
        }

        values.Add(value);
        return false;
    }

    /// <summary>True when this removed the last value, and with it the key.</summary>
    private static bool Remove(Dictionary<string, HashSet<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var values) || !values.Remove(value) || values.Count > 0)
        {
            return false;
        }

        index.Remove(key);
        return true;
    }
}
