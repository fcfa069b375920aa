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
    private static readonly ConcurrentDictionary<string, Scope> Scopes = new(StringComparer.Ordinal);

    private Scope Of(string scope) => Scopes.GetOrAdd($"{cluster.Value.ServiceId}/{cluster.Value.ClusterId}/{scope}", _ => new());

    public Task<ClaimedRecords> ClaimAsync(string scope)
    {
        var stored = Of(scope);
        lock (stored)
        {
            return Task.FromResult(new ClaimedRecords(new RecordClaim(scope, ++stored.Claim), Copy(stored)));
        }
    }

    public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope)
    {
        var stored = Of(scope);
        lock (stored)
        {
            return Task.FromResult(Copy(stored));
        }
    }

    public Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        var stored = Of(claim.Scope);
        lock (stored)
        {
            if (stored.Claim != claim.Number)
            {
                throw new ScopeClaimedElsewhereException(claim);
            }

            foreach (var (name, value) in records)
            {
                if (value is null)
                {
                    stored.Records.Remove(name);
                }
                else
                {
                    stored.Records[name] = value;
                }
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> HoldsAsync(RecordClaim claim)
    {
        var stored = Of(claim.Scope);
        lock (stored)
        {
            return Task.FromResult(stored.Claim == claim.Number);
        }
    }

    private static IReadOnlyDictionary<string, byte[]> Copy(Scope stored) => new Dictionary<string, byte[]>(stored.Records, StringComparer.Ordinal);

    private sealed class Scope
    {
        public Dictionary<string, byte[]> Records { get; } = new(StringComparer.Ordinal);

        public long Claim { get; set; }
    }
}
