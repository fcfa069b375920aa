using System.Threading.Channels;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Agents;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.Support;

/// <summary>A real SignalR client as an agent console connects: subscribed to one agent's prompts.</summary>
public sealed class AgentClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<OutreachPrompt> _prompts = Channel.CreateUnbounded<OutreachPrompt>();

    private AgentClient(Uri baseAddress)
    {
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "hubs/cx"))
            .AddJsonProtocol(o => CxJson.Apply(o.PayloadSerializerOptions))
            .Build();
        _connection.On<OutreachPrompt>("outreachPrompt", prompt => _prompts.Writer.TryWrite(prompt));
    }

    public static async Task<AgentClient> ConnectAsync(Uri baseAddress, string agentId)
    {
        var client = new AgentClient(baseAddress);
        try
        {
            await client._connection.StartAsync();
            await client._connection.InvokeAsync<object>("SubscribeAgent", agentId, null);
            return client;
        }
        catch
        {
            await client.DisposeAsync(); // a refused subscription leaves no connection behind
            throw;
        }
    }

    public async Task<OutreachPrompt> NextPromptAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        return await _prompts.Reader.ReadAsync(cancel.Token);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
