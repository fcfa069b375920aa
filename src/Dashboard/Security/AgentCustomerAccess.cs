using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Dashboard.Feed;
using CxLive.Dashboard.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace CxLive.Dashboard.Security;

/// <summary>
/// An agent sees a customer only while one of their prompts concerns her, and that is checked when
/// they subscribe. When a prompt moves to another agent, the agent who had it stops hearing of the
/// customer at once if no other prompt of theirs concerns her: a security trial's agent kept
/// receiving a customer's timeline and complaints over the open connection after a supervisor
/// reassigned her alert, while the REST API already answered 403.
/// </summary>
public sealed class AgentCustomerAccess(
    SignedInConnections people,
    CustomerWatches watches,
    ClusterAlerts alerts,
    IHubContext<CxHub, ICxClient> hub,
    ILogger<AgentCustomerAccess> logger)
{
    /// <summary>
    /// The longest the check may hold the partition's relay lane (it asks every desk): with a silo
    /// down, a call waits for Orleans' timeout, and every wall would wait with it.
    /// </summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    /// <summary>Before <paramref name="prompt"/> goes out: the agent it left loses the customer's live view where nothing else lets them see her.</summary>
    public async Task PromptChangedAsync(OutreachPrompt prompt)
    {
        if (prompt.ReassignedFrom is not { } previous || previous == prompt.AgentId)
        {
            return;
        }

        foreach (var connectionId in watches.WatchersOf(prompt.CustomerId))
        {
            if (people.UserOf(connectionId) is not { } user || user.SeesEverything() || user.AgentId() != previous)
            {
                continue;
            }

            try
            {
                if (!await user.MaySeeCustomerAsync(prompt.CustomerId, alerts).WaitAsync(Patience))
                {
                    await watches.StopAsync(hub.Groups, connectionId, prompt.CustomerId);
                }
            }
            catch (Exception e)
            {
                // The desks did not answer in time: the agent keeps the view they were given until they reconnect.
                logger.LogWarning(e, "Could not check whether agent {Agent} may still see a customer whose prompt moved to another agent", previous);
            }
        }
    }
}
