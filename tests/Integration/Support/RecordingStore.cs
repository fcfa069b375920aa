using CxLive.Dashboard.Hosting;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CxLive.Tests.Integration.Support;

/// <summary>
/// Remembers every write that record-stored grains (alert partitions, the outreach queue) make on
/// the way to the real store, so a test can say what one change cost.
/// </summary>
public sealed class RecordingStore(IRecordStore inner) : IRecordStore
{
    public List<IReadOnlyList<KeyValuePair<string, byte[]?>>> Writes { get; } = [];

    public Task<ClaimedRecords> ClaimAsync(string scope) => inner.ClaimAsync(scope);

    public Task<IReadOnlyDictionary<string, byte[]>> LoadAsync(string scope) => inner.LoadAsync(scope);

    public Task<bool> HoldsAsync(RecordClaim claim) => inner.HoldsAsync(claim);

    public Task WriteAsync(RecordClaim claim, IReadOnlyList<KeyValuePair<string, byte[]?>> records)
    {
        lock (Writes)
        {
            Writes.Add(records);
        }

        return inner.WriteAsync(claim, records);
    }

    /// <summary>A one-silo cluster whose record-stored grains keep their records in <paramref name="store"/>.</summary>
    public static async Task<InProcessTestCluster> StartClusterAsync(IRecordStore store)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSiloHost((_, host) => host.Services.AddCxCore());
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddCxMemoryStorage().UseInMemoryReminderService();
            silo.Services.AddSingleton<IRecordStore>(store);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
