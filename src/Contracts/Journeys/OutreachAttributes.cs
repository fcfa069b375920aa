using CxLive.Contracts.Agents;
using CxLive.Contracts.Serialization;

namespace CxLive.Contracts.Journeys;

/// <summary>
/// The attributes of the <c>outreach</c> interactions CxLive writes for an agent's report
/// (docs/api.md): which prompt and alert, which agent, and what they reported. Written by the
/// outreach desk, read by the timeline's sentences and the detractor rule.
/// </summary>
public static class OutreachAttributes
{
    public const string PromptId = "promptId";
    public const string AlertId = "alertId";
    public const string AgentId = "agentId";
    public const string Result = "result";

    private static readonly string Contacted = WireNames<OutreachResult>.Of(OutreachResult.Contacted);

    /// <summary>An agent's report that reached the customer and no more ("contacted"): how it ended is yet to come.</summary>
    public static bool OnlyReached(Interaction interaction) => interaction.Attribute(Result) == Contacted;
}
