using System.Collections.Immutable;

namespace CxLive.Contracts.Agents;

/// <summary>
/// An agent who takes outreach prompts, from configuration (<c>Outreach:Agents</c>), with their
/// current load and how many pending prompts the desks hand them at most (<c>Capacity</c>; 0 from a
/// silo of a version before it was said).
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.Agent")]
public sealed record Agent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> Skills,
    [property: Id(3)] int Pending,
    [property: Id(4)] int Capacity = 0);
