using System.Collections.Immutable;
using Orleans.Concurrency;

namespace CxLive.Contracts.Customers;

/// <summary>
/// How many customers stand in each tenth of the experience score (0–9, 10–19, …, 90–100), as of
/// each customer's latest interaction (key 0). Customers report only when they move to another tenth.
/// </summary>
[Alias("CxLive.Customers.IExperienceDirectoryGrain")]
public interface IExperienceDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>One-way: a customer moved from one tenth to another (<paramref name="from"/> is null the first time).</summary>
    [OneWay]
    Task MoveAsync(int? from, int to);

    /// <summary>Customers per tenth, lowest first (ten numbers).</summary>
    Task<ImmutableArray<long>> DistributionAsync();
}
