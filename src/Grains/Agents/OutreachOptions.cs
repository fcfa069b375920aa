namespace CxLive.Agents;

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

    public const string LeastLoaded = "least-loaded";
    public const string RoundRobin = "round-robin";
}

/// <summary>
/// One agent. <see cref="Skills"/> are the channels they reach customers on (wire names such as
/// <c>call-center</c>, <c>email</c>, <c>chat</c>), or <c>*</c> for any; none listed means any.
/// </summary>
public sealed class AgentOptions
{
    public string Id { get; set; } = "";
    public string? Name { get; set; }

    /// <summary>Empty by default: configuration binding appends to a list, so a default entry would join every configured list.</summary>
    public List<string> Skills { get; set; } = [];

    public IReadOnlyList<string> EffectiveSkills => Skills.Count == 0 ? ["*"] : Skills;
}
