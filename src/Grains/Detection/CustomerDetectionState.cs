using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Experience;

namespace CxLive.Grains.Detection;

/// <summary>
/// Each customer detector's rolling window, one field per detector. Stored with the customer's
/// state (Orleans binary serializer, stable Ids: never renumber).
/// </summary>
[GenerateSerializer, Alias("cx.CustomerDetectionState")]
public sealed class CustomerDetectionState
{
    [Id(0)] public BurstWindow Searches { get; set; } = new();
    [Id(1)] public BurstWindow OrderLookups { get; set; } = new();
    [Id(2)] public BurstWindow Recommendations { get; set; } = new();
    [Id(3)] public BurstWindow Redemptions { get; set; } = new();
    [Id(4)] public BurstWindow Payments { get; set; } = new();
    [Id(5)] public BurstWindow Pushes { get; set; } = new();
    [Id(6)] public DateTimeOffset? LastPushSent { get; set; }

    /// <summary>When the open detractor alert's survey was answered; null when none is open.</summary>
    [Id(7)] public DateTimeOffset? DetractorSince { get; set; }
    [Id(8)] public CaseContacts Cases { get; set; } = new();
    [Id(9)] public PendingComplaints Complaints { get; set; } = new();

    /// <summary>Service visits waiting for a callback or outreach; OpenSince when the alert is open.</summary>
    [Id(10)] public BurstWindow Visits { get; set; } = new();

    /// <summary>The peak-end experience score, kept whatever rules are enabled (it is shown on the customer).</summary>
    [Id(11)] public ExperienceState Experience { get; set; } = new();

    /// <summary>When the open experience-drop alert was raised; null when none is open.</summary>
    [Id(12)] public DateTimeOffset? DropSince { get; set; }
    [Id(13)] public BurstWindow RecommendationsShown { get; set; } = new();
    [Id(14)] public BurstWindow OrderLookupsByOrder { get; set; } = new();
}
