using System.Collections.Immutable;
using CxLive.Storage;

namespace CxLive.Customers;

/// <summary>
/// One shard of the customer index: the ids in memory, sorted for prefix search, and one stored
/// record per id (<see cref="IRecordStore"/>, a Redis hash in Redis mode), so a new customer costs
/// one small write, once, and an activation reads its shard back in one call.
/// </summary>
[GrainType("customerindex")]
public sealed class CustomerIndexGrain(IRecordStore store) : Grain, ICustomerIndexGrain
{
    private static readonly byte[] Present = [1];
    private readonly SortedSet<string> _ids = new(StringComparer.Ordinal);

    private string Scope => "customer-index-" + this.GetPrimaryKeyLong().ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in (await store.LoadAsync(Scope)).Keys)
        {
            _ids.Add(id);
        }
    }

    public async Task AddAsync(string customerId)
    {
        if (_ids.Contains(customerId))
        {
            return;
        }

        // Stored before it is known here, so an id the caller was told is indexed survives a restart.
        await store.WriteAsync(Scope, [new(customerId, Present)]);
        _ids.Add(customerId);
    }

    public Task<ImmutableArray<string>> FindAsync(string prefix, int limit) =>
        Task.FromResult(StartingWith(_ids, prefix, limit));

    /// <summary>The ids of a sorted set that start with <paramref name="prefix"/>: they sit together, from the prefix itself onwards.</summary>
    public static ImmutableArray<string> StartingWith(SortedSet<string> ids, string prefix, int limit)
    {
        if (ids.Count == 0 || string.CompareOrdinal(prefix, ids.Max) > 0)
        {
            return [];
        }

        return [.. ids.GetViewBetween(prefix, ids.Max!).TakeWhile(id => id.StartsWith(prefix, StringComparison.Ordinal)).Take(limit)];
    }
}
