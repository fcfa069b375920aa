using System.Threading.Channels;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;
using CxLive.Grains.Customers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// A real SignalR .NET client on the hub, as any integrator's client would connect: it records the
/// server's <c>alertRaised</c> / <c>alertUpdated</c> calls (by their wire names) in arrival order.
/// </summary>
public sealed class WallClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<(string Method, Alert Alert)> _received = Channel.CreateUnbounded<(string, Alert)>();

    /// <summary>Every <c>incidentUpdated</c>, in arrival order.</summary>
    public Channel<Incident> Incidents { get; } = Channel.CreateUnbounded<Incident>();

    /// <summary>Every <c>wallStats</c> (the counters over every alert) as sent, in arrival order.</summary>
    public Channel<System.Text.Json.JsonElement> Stats { get; } = Channel.CreateUnbounded<System.Text.Json.JsonElement>();

    /// <summary>Every <c>customerUpdated</c>, in arrival order.</summary>
    public Channel<CustomerSnapshot> Customers { get; } = Channel.CreateUnbounded<CustomerSnapshot>();

    private WallClient(Uri baseAddress)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/cx"))
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
            .Build();
        _connection.On<Alert>("alertRaised", alert => _received.Writer.TryWrite(("alertRaised", alert)));
        _connection.On<Alert>("alertUpdated", alert => _received.Writer.TryWrite(("alertUpdated", alert)));
        _connection.On<Incident>("incidentUpdated", incident => Incidents.Writer.TryWrite(incident));
        _connection.On<CustomerSnapshot>("customerUpdated", snapshot => Customers.Writer.TryWrite(snapshot));
        _connection.On<System.Text.Json.JsonElement>("wallStats", stats => Stats.Writer.TryWrite(stats));
    }

    public static async Task<WallClient> ConnectAsync(Uri baseAddress, bool subscribeToWall = true)
    {
        var client = new WallClient(baseAddress);
        await client._connection.StartAsync();
        if (subscribeToWall)
        {
            await client._connection.InvokeAsync<object>("SubscribeWall", null);
        }

        return client;
    }

    /// <summary>The next message about <paramref name="customerId"/>; others (from parallel tests) are passed over.</summary>
    public async Task<(string Method, Alert Alert)> NextForAsync(string customerId, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancel.Token);
            if (message.Alert.CustomerId == customerId)
            {
                return message;
            }
        }
    }

    /// <summary>Calls a hub method, e.g. <c>SubscribeCustomer</c>.</summary>
    public Task InvokeAsync(string method, params object?[] arguments) => _connection.InvokeCoreAsync(method, typeof(object), arguments);

    /// <summary>Reads messages until <paramref name="until"/> is one of them; returns them all, in arrival order.</summary>
    public async Task<List<(string Method, Alert Alert)>> ReadUntilAsync(Func<(string Method, Alert Alert), bool> until, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var all = new List<(string, Alert)>();
        while (true)
        {
            var message = await _received.Reader.ReadAsync(cancel.Token);
            all.Add(message);
            if (until(message))
            {
                return all;
            }
        }
    }

    /// <summary>Everything received so far about the customer, after a round trip that flushes what the server sent before it.</summary>
    public async Task<List<(string Method, Alert Alert)>> ReceivedForAsync(string customerId)
    {
        await _connection.InvokeAsync("UnsubscribeWall");
        var all = new List<(string, Alert)>();
        while (_received.Reader.TryRead(out var message))
        {
            if (message.Alert.CustomerId == customerId)
            {
                all.Add(message);
            }
        }

        return all;
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
