using CxLive.Contracts.Customers;
using Orleans.Concurrency;

namespace CxLive.Contracts.Feed;

/// <summary>
/// Implemented once per web server: told each time a customer that one of its clients watches
/// changes. Customers nobody watches push nothing, so the hot path of the thousands of unwatched
/// customers stays a null check.
/// </summary>
public interface ICustomerWatcher : IGrainObserver
{
    /// <summary>One-way: a slow or dead web server never holds up the customer.</summary>
    [OneWay]
    Task OnCustomerUpdatedAsync(CustomerSnapshot snapshot);
}
