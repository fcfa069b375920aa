using CxLive.Dashboard.Hosting;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Hosting;
using CxLive.Grains.Storage;
using CxLive.Silo.Redis;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Runtime;

namespace CxLive.Silo.Hosting;

/// <summary>Storage in memory: every provider CxLive's grains name.</summary>
public static class MemoryStorage
{
    /// <summary>Embedded mode's: in this process, no storage grains (see <see cref="ProcessGrainStorage"/>).</summary>
    public static ISiloBuilder AddCxProcessStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IRecordStore, MemoryRecordStore>();
        silo.Services.AddSingleton(sp => new ProcessGrainStorage(new StateSerializer(sp.GetRequiredService<Orleans.Serialization.Serializer>())));
        foreach (var name in new[] { StorageNames.State, StorageNames.Customers })
        {
            Orleans.Runtime.Hosting.StorageProviderExtensions.AddGrainStorage(silo.Services, name, (sp, _) => sp.GetRequiredService<ProcessGrainStorage>());
        }

        return silo;
    }

    /// <summary>The tests' in-process clusters': Orleans' memory storage, shared by their several silos.</summary>
    public static ISiloBuilder AddCxMemoryStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IRecordStore, MemoryRecordStore>();
        return silo.AddMemoryGrainStorage(StorageNames.State).AddMemoryGrainStorage(StorageNames.Customers);
    }
}
