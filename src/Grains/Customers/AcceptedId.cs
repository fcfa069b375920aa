using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Detection;
using CxLive.Grains.Storage;

namespace CxLive.Grains.Customers;

/// <summary>An id's hash and when (Unix seconds, wall clock) the customer accepted it.</summary>
[GenerateSerializer, Alias("cx.AcceptedId")]
public readonly record struct AcceptedId([property: Id(0)] ulong Id, [property: Id(1)] long At);
