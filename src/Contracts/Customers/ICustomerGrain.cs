using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Customers;

/// <summary>
/// One live picture per customer (key: customer id): a bounded cross-channel timeline, counts, and
/// the detectors' rolling windows. Hot state lives in memory; storage is a checkpoint.
/// </summary>
[Alias("CxLive.Customers.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a batch of this customer's interactions, in the order given. Re-sent ids are skipped.
    /// Returns after detectors ran and any alert they raised is in the alert book.
    /// </summary>
    Task<RecordResult> RecordAsync(ImmutableArray<Interaction> interactions);

    /// <summary>
    /// Writes the state now if it changed: a stream consumer calls it before it acknowledges.
    /// Answers which activation wrote, as <see cref="RecordResult.Activation"/> does.
    /// </summary>
    Task<Guid> CheckpointAsync();

    Task<CustomerSnapshot> GetSnapshotAsync();

    /// <summary>
    /// The score after each interaction on the timeline, oldest first: the timeline replayed through
    /// the experience model the grain runs (from neutral at the timeline's start, not from whatever
    /// came before it).
    /// </summary>
    Task<ImmutableArray<ScorePoint>> ScoreHistoryAsync();

    /// <summary>
    /// How an alert of this customer ended if it is closed now: recovered when the customer
    /// succeeded at something after it was raised (its own evidence aside), lost when not. Asked by
    /// the alert partition while it resolves; interleaves (it only reads the timeline), because the
    /// customer may be waiting on that very partition to take its signals.
    /// </summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<AlertOutcome> OutcomeSinceAsync(DateTimeOffset raisedAt, ImmutableArray<string> evidence);

    /// <summary>
    /// Pushes a snapshot to <paramref name="watcher"/> after every batch that added interactions, until
    /// unwatched or not renewed within <see cref="Feed.AlertFeed.SubscriptionExpiry"/> (a watcher
    /// also renews after the grain moved, which forgets its watchers).
    /// </summary>
    Task WatchAsync(ICustomerWatcher watcher);

    Task UnwatchAsync(ICustomerWatcher watcher);
}
