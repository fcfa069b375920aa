using System.ComponentModel;
using CxLive.Agents;
using CxLive.Alerts;
using CxLive.Backtesting;
using CxLive.Ingestion;
using CxLive.Journeys;

namespace CxLive.Api.OpenApi;

// The shapes of bodies that handlers read field by field (JsonBody, the ingest parser), written
// down so the OpenAPI document can show them. Handlers do not bind to these types: the tests of
// each API are what holds them to the truth.

/// <summary>Body of <c>POST /api/alerts/{id}/ack | assign | snooze | resolve</c>; every field optional unless the action needs it.</summary>
public sealed record AlertActionRequest(
    [property: Description("Who acted (kept in the history). With sign-in, the signed-in person is recorded whatever this says; default 'supervisor'.")] string? By,
    [property: Description("Why, kept in the history (at most 1000 characters).")] string? Note,
    [property: Description("assign only, required: the agent the alert goes to.")] string? AgentId,
    [property: Description("snooze only, required: until when (ISO 8601 with an offset, in the future).")] DateTimeOffset? Until,
    [property: Description("resolve only: recovered or lost; left out, CxLive decides from the customer's timeline.")] AlertOutcome? Outcome);

/// <summary>Body of <c>POST /api/incidents/{id}/resolve</c>.</summary>
public sealed record IncidentResolveRequest([property: Description("Who resolved it (the signed-in person with sign-in).")] string? By);

/// <summary>Body of <c>POST /api/silences</c>: at least one of ruleId, touchpoint and customerId.</summary>
public sealed record SilenceRequest(
    string? RuleId,
    string? Touchpoint,
    string? CustomerId,
    [property: Description("Required: why (at most 1000 characters).")] string Comment,
    [property: Description("Required: when the silence ends (ISO 8601 with an offset, in the future).")] DateTimeOffset ExpiresAt,
    [property: Description("Who (the signed-in person with sign-in; default 'supervisor').")] string? Author);

/// <summary>Body of <c>POST /api/outreach/{id}/outcome</c>.</summary>
public sealed record OutreachOutcomeRequest(OutreachResult Outcome, [property: Description("At most 1000 characters.")] string? Note);

/// <summary>Answer of <c>POST /api/outreach/{id}/outcome</c>: the reported prompt and where its alert is now.</summary>
public sealed record OutreachOutcomeResponse(OutreachPrompt Prompt, Alert? Alert);

/// <summary>
/// Body of <c>PUT /api/rules/{ruleId}</c>, and one rule's overrides in a back-test. Fields left out
/// keep their value; parameters not named keep theirs; parameter values may be strings or numbers.
/// </summary>
public sealed record RuleChangeRequest(
    bool? Enabled,
    [property: Description("info, warning or critical (any case).")] Severity? Severity,
    [property: Description("Parameter name to value: a count, a duration written hh:mm:ss, or a number, as the rule's parameterDefinitions say.")] Dictionary<string, string>? Parameters);

/// <summary>Body of <c>POST /api/rules/backtest</c> with overrides (an array of interactions alone is accepted too).</summary>
public sealed record BacktestRequest(
    [property: Description("The recorded interactions, validated as for ingestion except that any age is accepted.")] Interaction[] Interactions,
    [property: Description("Rule id to overrides laid over the rules in force.")] Dictionary<string, RuleChangeRequest>? Rules);

/// <summary>Answer of <c>POST /api/rules/backtest</c>: the alerts the interactions would have raised, oldest first, in event time.</summary>
public sealed record BacktestResponse(
    int Interactions,
    IReadOnlyList<RejectedItem> Rejected,
    DateTimeOffset? From,
    DateTimeOffset Until,
    IReadOnlyDictionary<string, RuleOutcome> ByRule,
    IReadOnlyList<Alert> Alerts);

/// <summary>Answer of <c>GET /api/me</c>: who the caller is.</summary>
public sealed record MeResponse(string? Name, string[] Roles, string? AgentId, bool Open);

/// <summary>Answer of <c>GET /api/experience/distribution</c>.</summary>
public sealed record DistributionResponse(
    [property: Description("Customers per tenth of the experience score: 0-9, 10-19, ..., 90-100.")] IReadOnlyList<long> Tenths,
    long Customers);
