using CxLive.Contracts.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Experience;

namespace CxLive.Grains.Detection;

/// <summary>
/// Each customer detector's rolling windows. Stored with the customer's state (Orleans binary
/// serializer, stable Ids: never renumber, never reuse). Burst windows are kept by key (a rule id,
/// or <c>{ruleId}/{name}</c> for a rule's second window), so a new burst rule needs no field here.
/// </summary>
[GenerateSerializer, Alias("cx.CustomerDetectionState")]
public sealed class CustomerDetectionState
{
    /// <summary>
    /// Read only to migrate: stored before windows were kept by rule id (see <see cref="Bursts"/>).
    /// Null unless a stored state had them (nine empty windows per customer in memory cost ~0.6 KB).
    /// </summary>
    [Id(0), Obsolete(Legacy)] public BurstWindow? Searches { get; set; }
    [Id(1), Obsolete(Legacy)] public BurstWindow? OrderLookups { get; set; }
    [Id(2), Obsolete(Legacy)] public BurstWindow? Recommendations { get; set; }
    [Id(3), Obsolete(Legacy)] public BurstWindow? Redemptions { get; set; }
    [Id(4), Obsolete(Legacy)] public BurstWindow? Payments { get; set; }
    [Id(5), Obsolete(Legacy)] public BurstWindow? Pushes { get; set; }
    /// <summary>When the latest push was sent (states stored before <see cref="LastPush"/> have only this).</summary>
    [Id(6)] public DateTimeOffset? LastPushSent { get; set; }

    /// <summary>When the open detractor alert's survey was answered; null when none is open.</summary>
    [Id(7)] public DateTimeOffset? DetractorSince { get; set; }
    [Id(8)] public CaseContacts Cases { get; set; } = new();
    [Id(9)] public PendingComplaints Complaints { get; set; } = new();
    [Id(10), Obsolete(Legacy)] public BurstWindow? Visits { get; set; }

    /// <summary>The peak-end experience score, kept whatever rules are enabled (it is shown on the customer).</summary>
    [Id(11)] public ExperienceState Experience { get; set; } = new();

    /// <summary>When the open experience-drop alert was raised; null when none is open.</summary>
    [Id(12)] public DateTimeOffset? DropSince { get; set; }
    [Id(13), Obsolete(Legacy)] public BurstWindow? RecommendationsShown { get; set; }
    [Id(14), Obsolete(Legacy)] public BurstWindow? OrderLookupsByOrder { get; set; }

    /// <summary>
    /// Every burst window by key, created on first use (most customers never need most of them).
    /// Use <see cref="Burst"/> and <see cref="PeekBurst"/>: they first move windows stored in the old fields here.
    /// </summary>
    [Id(15)] public Dictionary<string, BurstWindow>? Bursts { get; set; }

    /// <summary>
    /// The latest push sent (the one at <see cref="LastPushSent"/>): an unsubscribe soon after names
    /// it as evidence, so the supervisor sees which campaign drove the customer away.
    /// </summary>
    [Id(16)] public BurstMark? LastPush { get; set; }

    private const string Legacy = "Read only to migrate state stored before windows were kept by rule id: use Burst(key).";

    /// <summary>Whether the old fields were looked at since this object was made (a load makes a new one).</summary>
    [NonSerialized] private bool _migrated;

    /// <summary>The window kept under <paramref name="key"/>, made empty if there is none yet.</summary>
    public BurstWindow Burst(string key)
    {
        var bursts = Migrated();
        if (!bursts.TryGetValue(key, out var window))
        {
            bursts[key] = window = new BurstWindow();
        }

        return window;
    }

    /// <summary>The window kept under <paramref name="key"/>, or null: for a look that must not make one.</summary>
    public BurstWindow? PeekBurst(string key) => Migrated().GetValueOrDefault(key);

#pragma warning disable CS0618 // the one place the old fields are read: to move them
    private Dictionary<string, BurstWindow> Migrated()
    {
        var bursts = Bursts ??= [];
        if (_migrated)
        {
            return bursts;
        }

        _migrated = true;
        Searches = Move(bursts, RuleIds.RepeatedFailedSearch, Searches);
        OrderLookups = Move(bursts, RuleIds.OrderStatusFailure, OrderLookups);
        Recommendations = Move(bursts, RuleIds.IrrelevantRecommendations, Recommendations);
        Redemptions = Move(bursts, RuleIds.PointsRedemptionFailure, Redemptions);
        Payments = Move(bursts, RuleIds.PaymentFailure, Payments);
        Pushes = Move(bursts, RuleIds.PushFatigue, Pushes);
        Visits = Move(bursts, RuleIds.MissedFollowUp, Visits);
        RecommendationsShown = Move(bursts, RuleIds.IrrelevantRecommendations + "/shown", RecommendationsShown);
        OrderLookupsByOrder = Move(bursts, RuleIds.OrderStatusFailure + "/by-order", OrderLookupsByOrder);
        return bursts;
    }
#pragma warning restore CS0618

    /// <summary>An old field's window moved under its key (unless one is there already); the field is left null.</summary>
    private static BurstWindow? Move(Dictionary<string, BurstWindow> bursts, string key, BurstWindow? old)
    {
        if (old is not null && (old.Marks.Count > 0 || old.OpenSince is not null))
        {
            bursts.TryAdd(key, old);
        }

        return null;
    }
}
