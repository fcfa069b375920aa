using System.Buffers.Binary;
using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Customers;

/// <summary>
/// One shard of the customer index: the ids in memory, sorted for search (<see cref="CustomerIdSearch"/>), each with the last
/// UTC day its customer was seen, and one stored record per id (<see cref="IRecordStore"/>, a Redis
/// hash in Redis mode), so a customer costs one small write a day at most. With a customer retention
/// set, ids not seen for that long are forgotten, at most once a day, like the customers' state.
/// </summary>
[GrainType("customerindex")]
public sealed class CustomerIndexGrain(IRecordStore store, IOptions<CustomerOptions> options, TimeProvider time) : Grain, ICustomerIndexGrain
{
    private readonly SortedDictionary<string, DateOnly> _lastSeen = new(StringComparer.Ordinal);
    private DateOnly _prunedOn;
    private HeldScope _held = null!;

    private string Scope => "customer-index-" + this.GetPrimaryKeyLong().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_held, var records) = await HeldScope.ClaimAsync(store, Scope, this);
        foreach (var (id, day) in records)
        {
            _lastSeen[id] = day.Length == 4 ? DateOnly.FromDayNumber(BinaryPrimitives.ReadInt32LittleEndian(day)) : Today;
        }
    }

    public async Task SeenAsync(string customerId, DateOnly day)
    {
        if (_lastSeen.TryGetValue(customerId, out var known) && known >= day)
        {
            return;
        }

        var changes = new List<KeyValuePair<string, byte[]?>> { new(customerId, DayBytes(day)) };
        var forgotten = Forgettable();
        changes.AddRange(forgotten.Select(id => new KeyValuePair<string, byte[]?>(id, null)));

        // Stored before it is known here, so an id the caller was told is indexed survives a restart.
        await _held.WriteAsync(changes);
        _lastSeen[customerId] = day;
        foreach (var id in forgotten)
        {
            _lastSeen.Remove(id);
        }
    }

    public Task<ImmutableArray<string>> FindAsync(string query, int limit)
    {
        var oldest = Oldest();
        return Task.FromResult<ImmutableArray<string>>(
            [.. Matching(_lastSeen.Keys, query).Where(id => oldest is null || _lastSeen[id] >= oldest).Take(limit)]);
    }

    /// <summary>
    /// The ids of a sequence sorted by <see cref="CustomerIdSearch.Order"/> that start with
    /// <paramref name="query"/> (they sit together, so that walk stops after them), then, only if
    /// more are asked for, those that contain it further on: a walk over every id, which a shard
    /// holds in memory.
    /// </summary>
    public static IEnumerable<string> Matching(IEnumerable<string> sortedIds, string query) =>
        sortedIds.SkipWhile(id => string.Compare(id, query, StringComparison.OrdinalIgnoreCase) < 0)
            .TakeWhile(id => id.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .Concat(sortedIds.Where(id => CustomerIdSearch.Rank(id, query) == 1));

    /// <summary>The last day a customer may have been seen on to be kept; null without a retention.</summary>
    private DateOnly? Oldest() => options.Value.Retention is { } retention ? DateOnly.FromDateTime((time.GetUtcNow() - retention).UtcDateTime) : null;

    /// <summary>Ids past the retention, looked for once a day (the write that follows removes them).</summary>
    private List<string> Forgettable()
    {
        if (Oldest() is not { } oldest || _prunedOn == Today)
        {
            return [];
        }

        _prunedOn = Today;
        return [.. _lastSeen.Where(e => e.Value < oldest).Select(e => e.Key)];
    }

    private static byte[] DayBytes(DateOnly day)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, day.DayNumber);
        return bytes;
    }
}
