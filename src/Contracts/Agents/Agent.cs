using System.Collections.Immutable;

namespace CxLive.Contracts.Agents;

/// <summary>An agent who takes outreach prompts, from configuration (<c>Outreach:Agents</c>), with their current load.</summary>
[GenerateSerializer, Immutable, Alias("cx.Agent")]
public sealed record Agent(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] ImmutableArray<string> Skills,
    [property: Id(3)] int Pending);
