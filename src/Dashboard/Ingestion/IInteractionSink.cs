using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Where validated interactions go. Embedded mode hands them straight to the grains; Redis mode
/// appends them to the stream first, so that an answer means they are safe (docs/durability.md).
/// </summary>
public interface IInteractionSink
{
    Task<DispatchResult> AcceptAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default);
}
