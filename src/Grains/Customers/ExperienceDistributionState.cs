using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Customers;

[GenerateSerializer, Alias("cx.ExperienceDistributionState")]
public sealed class ExperienceDistributionState
{
    [Id(0)] public long[] Counts { get; set; } = new long[ExperienceDirectoryGrain.Tenths];
}
