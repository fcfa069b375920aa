using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Redis;
using CxLive.Grains.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Persistence;
using Orleans.Storage;
using StackExchange.Redis;

namespace CxLive.Silo.Redis;

/// <summary>The silo's side of Redis mode (<see cref="RedisMode"/>): grain state, membership and reminders in Redis over one shared connection.</summary>
public static class RedisSilo
{
    /// <summary>The Orleans side: storage "cx" (Orleans binary format, see StateSerializer), membership and reminders, all on one connection.</summary>
    /// <param name="customerRetention">How long a customer's state outlives their last change (Privacy:CustomerRetention); null keeps it.</param>
    public static void UseRedis(this ISiloBuilder silo, string connectionString, TimeSpan? customerRetention = null)
    {
        var connection = new RedisConnection(connectionString);
        silo.Services.AddSingleton(connection);
        // Every silo, not only those with a web tier: a compute-only silo given a password Redis does
        // not ask for said nothing. Once per process (the web tier adds it too).
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, UnprotectedRedisWarning>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SharedSettingsOnStart>();
        silo.Services.AddSingleton<IRecordStore>(sp => new RedisRecordStore(connection, sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId));
        // The providers' validators ask for ConfigurationOptions even though CreateMultiplexer makes no connection of its own.
        silo.UseRedisClustering(o => (o.ConfigurationOptions, o.CreateMultiplexer) = (connection.Options, _ => connection.ShareAsync()));
        silo.UseRedisReminderService(o => (o.ConfigurationOptions, o.CreateMultiplexer) = (connection.Options, _ => connection.ShareAsync()));
        foreach (var (name, expiry) in new[] { (StorageNames.State, (TimeSpan?)null), (StorageNames.Customers, customerRetention) })
        {
            // Each write sets the key's expiry again: an active customer is never forgotten, an inactive one is after the retention.
            silo.AddRedisGrainStorage(name, (OptionsBuilder<RedisStorageOptions> options) => options.Configure<Orleans.Serialization.Serializer>((o, serializer) =>
            {
                o.ConfigurationOptions = connection.Options;
                o.CreateMultiplexer = _ => connection.ShareAsync();
                o.GrainStorageSerializer = new StateSerializer(serializer);
                o.EntryExpiry = expiry;
            }));
        }
    }
}
