using System.Collections.Concurrent;
using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using CxLive.Silo.Redis;
using Orleans.Storage;

namespace CxLive.Silo.Hosting;

/// <summary>
/// Embedded mode's grain storage: state kept in this process, serialized as Redis mode stores it.
/// Orleans' memory storage keeps state in storage grains instead; when the only silo stops, they are
/// deactivated beside the grains still writing their last state into them, and every such write
/// failed loudly ("No active nodes are compatible with grain memorystorage"). Nothing here needs a
/// grain, so a stop writes everything and stays quiet. One silo only (embedded mode is one).
/// </summary>
public sealed class ProcessGrainStorage(StateSerializer serializer) : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (BinaryData Data, string ETag)> _states = new(StringComparer.Ordinal);
    private long _version;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue(Key(stateName, grainId), out var stored))
        {
            grainState.State = serializer.Deserialize<T>(stored.Data);
            grainState.ETag = stored.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var data = serializer.Serialize(grainState.State);
        lock (_states)
        {
            var current = _states.TryGetValue(key, out var stored) ? stored.ETag : null;
            if (current != grainState.ETag)
            {
                throw new InconsistentStateException($"State {key} was written by another activation", current ?? "none", grainState.ETag ?? "none");
            }

            _states[key] = (data, etag);
        }

        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        lock (_states)
        {
            _states.TryRemove(Key(stateName, grainId), out _);
        }

        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => stateName + "/" + grainId;
}
