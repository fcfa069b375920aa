using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;

namespace CxLive.Tests.Unit.Support;

/// <summary>Outreach prompts for the desk's tests: a detractor call, pending unless a test says otherwise.</summary>
public static class Prompts
{
    public static OutreachPrompt Pending(string id, string? agent, DateTimeOffset createdAt = default) => new()
    {
        Id = id,
        AlertId = "a-" + id,
        CustomerId = "c-" + id,
        AgentId = agent,
        RuleId = "detractor",
        Severity = Severity.Warning,
        Why = "Detractor",
        Detail = "NPS 2",
        Channel = Channel.CallCenter,
        Wording = "Hello",
        Context = "Survey",
        CreatedAt = createdAt == default ? DateTimeOffset.UnixEpoch : createdAt,
    };
}
