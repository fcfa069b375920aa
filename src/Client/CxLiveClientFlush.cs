using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CxLive.Client;

/// <summary>
/// Sends what the application's <see cref="CxLiveClient"/> still holds when the host stops, after
/// every hosted service has stopped (so a feeder stopping after this one is not cut off) and while
/// the container can still make HttpClients. Within <see cref="CxLiveClientOptions.FlushOnDisposeTimeout"/>
/// and the host's own shutdown timeout, whichever ends first. Does nothing for a client the
/// application never asked for.
/// </summary>
internal sealed class CxLiveClientFlush(IServiceProvider services, IOptions<CxLiveClientOptions> options) : IHostedLifecycleService
{
    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<Created>() is not { Client: { } client })
        {
            return;
        }

        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(options.Value.FlushOnDisposeTimeout);
        try
        {
            await client.FlushAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            // What is left is sent (or reported through BatchFailed) when the container disposes the client.
        }
        catch (System.Threading.Channels.ChannelClosedException)
        {
            // The application disposed the client itself (and so sent what it held): nothing to flush.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The client once the application has asked for it: the flush must not make one just to flush it.</summary>
    internal sealed class Created
    {
        public CxLiveClient? Client { get; set; }
    }
}
