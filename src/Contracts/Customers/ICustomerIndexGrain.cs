using System.Collections.Immutable;
using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Customers;

/// <summary>
/// One shard of the index of every customer id the cluster has recorded an interaction for, so a
/// supervisor can find a customer by part of their id, alerts or not. A customer
/// tells its shard (<see cref="ShardOf"/>) on its first interaction of each UTC day; a shard forgets
/// ids not seen for <c>Privacy:CustomerRetention</c>, as Redis forgets their state.
/// </summary>
[Alias("CxLive.Customers.ICustomerIndexGrain")]
public interface ICustomerIndexGrain : IGrainWithIntegerKey
{
    public const int Shards = 16;

    /// <summary>The shard of a customer id: the same stable hash the alert partitions use.</summary>
    public static int ShardOf(string customerId) => AlertPartitions.Of(customerId, Shards);

    /// <summary>The customer was seen on <paramref name="day"/>.</summary>
    Task SeenAsync(string customerId, DateOnly day);

    /// <summary>Up to <paramref name="limit"/> ids of this shard that contain <paramref name="query"/> (<see cref="CustomerIdSearch"/>): those that start with it first, each group in <see cref="CustomerIdSearch.Order"/>.</summary>
    Task<ImmutableArray<string>> FindAsync(string query, int limit);
}
