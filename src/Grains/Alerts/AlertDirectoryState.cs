using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CxLive.Grains.Alerts;

/// <summary>The directory's stored state: silences by id, and the open incident of each touchpoint.</summary>
[GenerateSerializer, Alias("cx.AlertDirectoryState")]
public sealed class AlertDirectoryState
{
    [Id(0)] public Dictionary<string, Silence> Silences { get; set; } = new(StringComparer.Ordinal);
    [Id(1)] public Dictionary<string, string> OpenIncidents { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Counts the changes, so partitions can tell a newer copy from an older one.</summary>
    [Id(2)] public long Version { get; set; }
}
