using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Dashboard;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Feed;
using CxLive.Dashboard.Security;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// The real-time API at <c>/hubs/cx</c>. Clients subscribe to what they want to watch; the server
/// pushes through <see cref="ICxClient"/>. Any SignalR client (JavaScript, .NET, Java, Python) works.
/// </summary>
/// <remarks>
/// Signed-in people only (everyone, in the open demo; <c>WebTier</c> maps the hub under their policy); each subscription is checked against the
/// caller's role: the wall and touchpoints are for supervisors and admins, an agent may follow only
/// their own prompts and the customers those prompts concern. A refused subscription fails the
/// client's invoke with the reason and subscribes to nothing.
/// </remarks>
public sealed class CxHub(CustomerWatches watches, ClusterAlerts alerts, FeedRelay relay, IOptions<OutreachOptions> outreach, ServiceStatusPush status, SignedInConnections people) : Hub<ICxClient>
{
    public const string Path = "/hubs/cx";

    /// <summary>
    /// Every page learns at once whether this server is ready: one that reconnects to another server
    /// forgets the last one's state. Sent again if the status changed meanwhile: a broadcast of the new
    /// one may have reached this page before the old one did, and the last word would be stale.
    /// </summary>
    public override async Task OnConnectedAsync()
    {
        ServiceStatus sent;
        do
        {
            sent = status.Current;
            await Clients.Caller.serviceStatus(sent);
        }
        while (!ReferenceEquals(sent, status.Current));
        people.Opened(Context); // last: a connection whose OnConnectedAsync throws is never closed through OnDisconnectedAsync
    }

    /// <summary>A resubscription sends at most this many changes per partition; beyond it the client reloads (<see cref="FeedResume.Complete"/> false).</summary>
    public const int ResumeLimit = 1000;

    /// <summary>
    /// Every alert and incident raised or changed anywhere in the cluster, and <c>wallStats</c> each
    /// second while alerts change. With <paramref name="after"/> (the last <c>feedPosition</c>'s
    /// <c>alerts</c>), first sends every change after it; null on a first subscription.
    /// </summary>
    public async Task<FeedResume> SubscribeWall(FeedAfter? after)
    {
        Require(Context.User!.SeesEverything(), "the wall is for supervisors");
        var since = RefuseIfUnreadable(after)?.Alerts;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Wall);
        return await ResumeAlertsAsync(since, alerts.All, _ => true, sendIncidents: true);
    }

    public Task UnsubscribeWall() => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Wall);

    /// <summary>The outreach prompts routed to this agent (<c>outreachPrompt</c>); with <paramref name="after"/> (the last <c>feedPosition</c>'s <c>prompts</c>), first those changed after it.</summary>
    public async Task<FeedResume> SubscribeAgent(string agentId, FeedAfter? after)
    {
        RequireId("agentId", agentId);
        var positions = RefuseIfUnreadable(after)?.Prompts;
        Require(Context.User!.MaySeeAgent(agentId), "an agent may follow only their own prompts");
        if (FieldErrors.UnknownAgent(agentId, outreach.Value.Agents) is { } why)
        {
            // A misspelt id would otherwise follow nothing, silently, for as long as the client stays connected.
            throw new HubException(char.ToUpperInvariant(why[0]) + why[1..]);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));
        var (complete, reset) = (true, false);
        foreach (var (partition, since) in positions ?? new Dictionary<int, long>())
        {
            if (partition < 0 || partition >= alerts.Partitions)
            {
                continue;
            }

            var page = await alerts.Desk(partition).PromptsAfterAsync(since, agentId, ResumeLimit);
            complete &= !page.More;
            reset |= since > page.Head;
            foreach (var prompt in page.Prompts)
            {
                await Clients.Caller.outreachPrompt(prompt);
            }
        }

        return FeedResume.Of(relay.Position, complete, reset);
    }

    public Task UnsubscribeAgent(string agentId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Agent(agentId));

    /// <summary>
    /// Alerts about one customer, as they are raised and change, and <c>customerUpdated</c> after each
    /// batch of their interactions; with <paramref name="after"/>, first the customer's alerts changed after it.
    /// </summary>
    public async Task<FeedResume> SubscribeCustomer(string customerId, FeedAfter? after)
    {
        RequireId("customerId", customerId);
        var since = RefuseIfUnreadable(after)?.Alerts;
        const string OnlyTheirs = "an agent may follow only the customers of their prompts";
        Require(await Context.User!.MaySeeCustomerAsync(customerId, alerts), OnlyTheirs);
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Customer(customerId));
        await watches.WatchAsync(Context.ConnectionId, customerId);
        if (!Context.User!.SeesEverything() && !await Context.User!.MaySeeCustomerAsync(customerId, alerts))
        {
            // Her prompt moved away between the first look and the watch, whose change AgentCustomerAccess
            // could not find this connection for: asked again now that it is watching.
            await watches.StopAsync(Groups, Context.ConnectionId, customerId);
            Require(false, OnlyTheirs);
        }
        var home = AlertPartitions.Of(customerId, alerts.Partitions);
        return await ResumeAlertsAsync(since, [home], alert => alert.CustomerId == customerId, sendIncidents: false);
    }

    /// <summary>Sends the caller what changed in <paramref name="partitions"/> after its position (the groups it just joined carry the rest; duplicates are the client's to drop by id and sequence).</summary>
    private async Task<FeedResume> ResumeAlertsAsync(IReadOnlyDictionary<int, long>? after, IEnumerable<int> partitions, Func<Alert, bool> concerns, bool sendIncidents)
    {
        var (complete, reset) = (true, false);
        foreach (var partition in partitions)
        {
            if (after is null || !after.TryGetValue(partition, out var since) || partition >= alerts.Partitions)
            {
                continue; // a first subscription: the page reads the current alerts itself
            }

            var page = await alerts.Book(partition).ChangesAfterAsync(since, ResumeLimit);
            complete &= !page.More;
            reset |= since > page.Head; // the partition never numbered that far: the client heard another life of it
            foreach (var alert in page.Alerts.Where(a => a.SilencedBy is null && concerns(a)))
            {
                await Clients.Caller.alertUpdated(alert);
            }

            foreach (var incident in sendIncidents ? page.Incidents : [])
            {
                await Clients.Caller.incidentUpdated(incident);
            }
        }

        return FeedResume.Of(relay.Position, complete, reset);
    }

    public Task UnsubscribeCustomer(string customerId) => watches.StopAsync(Groups, Context.ConnectionId, customerId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        people.Closed(Context);
        return watches.ForgetAsync(Context.ConnectionId);
    }

    /// <summary>Alerts and incidents of one touchpoint.</summary>
    public Task SubscribeTouchpoint(string touchpoint)
    {
        RequireId("touchpoint", touchpoint);
        Require(Context.User!.SeesEverything(), "touchpoints are for supervisors");
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));
    }
    public Task UnsubscribeTouchpoint(string touchpoint) => Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Touchpoint(touchpoint));

    /// <summary>An empty id would follow nothing, silently; the HubException names it.</summary>
    private static void RequireId(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new HubException($"{name} is required: a non-empty id");
        }
    }

    /// <summary>A position the client sent in another shape is refused with what it should be, before anything is subscribed.</summary>
    private static FeedAfter? RefuseIfUnreadable(FeedAfter? after) =>
        after?.Problem is { } problem ? throw new HubException(problem) : after;

    /// <summary>A HubException's message reaches the client (other exceptions' do not).</summary>
    private static void Require(bool allowed, string reason)
    {
        if (!allowed)
        {
            throw new HubException("Forbidden: " + reason);
        }
    }
}
