using CxLive.Dashboard.Api;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>The words of the OpenAPI document that no endpoint carries: conventions, errors, and the SignalR hub.</summary>
public static class ApiDescriptions
{
    public const string Document = """
        CxLive watches customer experience as it happens. Integrators stream interactions in
        (`POST /api/interactions`, or `XADD cxlive:interactions * data <json>` in Redis mode); people
        and tools read alerts, customers and touchpoints, act on alerts, and change rules.

        **Conventions.** JSON is camelCase; enum values are kebab-case strings (`call-center`), read in
        any case; times are ISO 8601 with an offset. Every error is an RFC 7807 problem details object
        (`application/problem+json`) with `status`, `title`, a `detail` that says what to change, and a
        `correlationId` to quote when asking about the request; invalid fields are listed in `errors`,
        keyed by field, all at once.

        **Who may call.** Integrators send `X-Api-Key` when keys are configured (`429` with
        `Retry-After` past their rate limit). People sign in (cookie). An open install (the demo) needs
        neither.

        **Real time.** The SignalR hub at `/hubs/cx` pushes alerts, incidents, prompts and customer
        updates: see the tag "Real time (SignalR)" below. A .NET client library for ingestion is
        `CxLive.Client`.
        """;

    /// <summary>The hub's methods and messages (the hub is not REST, so no operation describes it).</summary>
    public const string Hub = """
        Hub `/hubs/cx`, SignalR JSON protocol, the same JSON conventions as the REST API. Any SignalR client works
        (JavaScript `@microsoft/signalr`, .NET `Microsoft.AspNetCore.SignalR.Client`, Java, Python). Method names
        are exactly as written (camelCase messages are matched case-sensitively by the .NET and Java clients).

        | client calls | effect |
        | --- | --- |
        | `SubscribeWall(after)` / `UnsubscribeWall()` | every alert and incident raised or changed, and `wallStats` (supervisors, admins) |
        | `SubscribeAgent(agentId, after)` / `UnsubscribeAgent(agentId)` | the outreach prompts routed to that agent (an agent: only their own id) |
        | `SubscribeCustomer(customerId, after)` / `UnsubscribeCustomer(customerId)` | alerts about that customer, and `customerUpdated` after each batch of their interactions |
        | `SubscribeTouchpoint(touchpoint)` / `UnsubscribeTouchpoint(touchpoint)` | alerts and incidents of that touchpoint (supervisors, admins) |

        | server sends | payload (schema) | when |
        | --- | --- | --- |
        | `alertRaised` | `Alert` | a new alert opened (silenced ones are never sent) |
        | `alertUpdated` | `Alert` | an alert changed: a repeat, assigned, acknowledged, snoozed, escalated, resolved |
        | `incidentUpdated` | `Incident` | an incident opened, absorbed another alert, or resolved |
        | `outreachPrompt` | `OutreachPrompt` | a prompt was routed to the subscribed agent, or withdrawn (`withdrawnAt` set), reported (`result`), or its follow-up ended (`alertClosed`) |
        | `customerUpdated` | `CustomerSnapshot` | a subscribed customer recorded new interactions (one per batch) |
        | `wallStats` | `WallStats` | the wall's numbers, at most once a second while alerts change, and every 10 s regardless (each web server reads them afresh) |
        | `feedPosition` | `{ alerts: {partition: n}, prompts: {partition: n} }` | each second: how far this server has sent every partition's changes |
        | `serviceStatus` | `{ ready, failing }` | on connecting and whenever it changes: whether this server is ready, and the readiness checks that fail (`redis`, `cluster`, ...) |

        Every alert, incident and prompt carries `partition` and `sequence`: a copy with a higher sequence is newer.
        `after` is null on a first subscription; after a reconnect, pass the last `feedPosition`'s `alerts` (wall,
        customer) or `prompts` (agent): the hub first sends every change after it, then live changes. Subscriptions
        answer `{ position, complete, reset }`; keep `position` until the next `feedPosition`, and reload through the REST
        API when `complete` is false (more changed than the hub sends at once; or `reset`: the server restarted without
        its state, so drop everything held). Stateful reconnect is enabled.
        A refused subscription fails the invocation with a `HubException`; SignalR puts its own words first, so the
        client's error message reads `An unexpected error occurred invoking 'SubscribeWall' on the server. HubException: Forbidden: …`.
        """;
}
