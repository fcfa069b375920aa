using System.Text.Json;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Ingestion;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>Wakes this silo's stream consumer when this silo just appended entries, instead of waiting for its next poll.</summary>
public sealed class StreamWakeup
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Pulse()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // another pulse got there first: the consumer wakes once either way
            }
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
