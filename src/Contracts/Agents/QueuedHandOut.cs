namespace CxLive.Contracts.Agents;

/// <summary>What a desk did with a queued prompt it was asked to hand to an agent.</summary>
public enum QueuedHandOut
{
    Assigned,

    /// <summary>Reported, withdrawn, gone stale or already placed: the queue forgets it.</summary>
    Gone,

    /// <summary>The agent's slot was taken meanwhile.</summary>
    Full,
}
