using CxLive.Contracts.Journeys;

namespace CxLive.Dashboard.Ingestion;

/// <summary>Embedded mode: straight to the grains, which answer which ids were new.</summary>
public sealed class DirectSink(InteractionDispatcher dispatcher) : IInteractionSink
{
    public Task<DispatchResult> AcceptAsync(IReadOnlyList<Interaction> interactions, CancellationToken cancellationToken = default) =>
        dispatcher.DispatchAsync(interactions);
}
