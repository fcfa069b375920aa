using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace CxLive.Grains.Storage;

/// <summary>
/// Records in memory, for embedded mode and tests: kept for the life of the process, shared by
/// every silo of one cluster in it (an activation that moves to another in-process silo finds its
/// records), and forgotten at stop like the rest of embedded state.
/// </summary>
public sealed class MemoryRecordStore(IOptions<ClusterOptions> cluster) : IRecordStore
{
    private static readonly ConcurrentDictionary<string, Dictionary<string, byte[]>> Scopes = new(StringComparer.Ordinal);

    private string Key(string scope) => $"{cluster.Value.ServiceId}/{cluster.Value.ClusterId}/{scope}";

    public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope)
    {
        var records = Scopes.GetOrAdd(Key(scope), _ => new(StringComparer.Ordinal));
        lock (records)
        {
            return Task.FromResult<IReadOnlyDictionary<string, byte[]>>(new Dictionary<string, byte[]>(records, StringComparer.Ordinal));
        }
    }

    public Task WriteAsync(string scope, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        var stored = Scopes.GetOrAdd(Key(scope), _ => new(StringComparer.Ordinal));
        lock (stored)
        {
            foreach (var (name, value) in records)
            {
                if (value is null)
                {
                    stored.Remove(name);
                }
                else
                {
                    stored[name] = value;
                }
            }
        }

        return Task.CompletedTask;
    }
}
