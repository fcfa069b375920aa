using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Agents;

/// <summary>Section <c>Outreach</c>: the agents who take outreach prompts and how prompts are routed (docs/alerts.md).</summary>
public sealed class OutreachOptions
{
    public const string Section = "Outreach";

    public List<AgentOptions> Agents { get; set; } = [];

    /// <summary><c>least-loaded</c> (default: fewest pending prompts, then the first listed) or <c>round-robin</c>, among agents with the skill.</summary>
    public string Routing { get; set; } = LeastLoaded;

    /// <summary>Interactions of the customer's timeline included in a prompt (default 10).</summary>
    public int TimelineInPrompt { get; set; } = 10;

    /// <summary>Reported prompts kept for queries (default 5,000); pending ones are always kept.</summary>
    public int ReportedKept { get; set; } = 5_000;

    /// <summary>Pending prompts an agent holds at most, over every partition (default 5); more wait in the queue.</summary>
    public int Capacity { get; set; } = 5;

    /// <summary>
    /// How long a prompt stays worth acting on, per rule (<c>hh:mm:ss</c>); after it, the prompt is
    /// withdrawn ("the moment has passed") and the alert stays for the supervisor. A rule not listed
    /// keeps its prompt until its alert closes (an unanswered complaint: until the case is answered).
    /// </summary>
    public Dictionary<string, TimeSpan> TimeToLive { get; set; } = new(StringComparer.Ordinal)
    {
        [RuleIds.RepeatedFailedSearch] = TimeSpan.FromMinutes(30),
        [RuleIds.IrrelevantRecommendations] = TimeSpan.FromMinutes(30),
        [RuleIds.PaymentFailure] = TimeSpan.FromHours(1),
        [RuleIds.OrderStatusFailure] = TimeSpan.FromHours(2),
        [RuleIds.PointsRedemptionFailure] = TimeSpan.FromHours(4),
        [RuleIds.DeliveryFailure] = TimeSpan.FromDays(1), // to rebook before the courier's next try
        [RuleIds.LongWait] = TimeSpan.FromHours(4),
        [RuleIds.PushFatigue] = TimeSpan.FromDays(1),
        [RuleIds.ExperienceDrop] = TimeSpan.FromDays(1),
        [RuleIds.Detractor] = TimeSpan.FromDays(2),
    };

    public const string LeastLoaded = "least-loaded";
    public const string RoundRobin = "round-robin";
}
