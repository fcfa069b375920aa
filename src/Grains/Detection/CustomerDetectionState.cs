using CxLive.Detection.Rules;

namespace CxLive.Detection;

/// <summary>
/// Each customer detector's rolling window, one field per detector. Stored with the customer's
/// state (Orleans binary serializer, stable Ids: never renumber).
/// </summary>
[GenerateSerializer, Alias("cx.CustomerDetectionState")]
public sealed class CustomerDetectionState
{
    [Id(0)] public BurstWindow Searches { get; set; } = new();
}
