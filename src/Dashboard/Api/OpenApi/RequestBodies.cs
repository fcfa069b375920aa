using System.ComponentModel;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Ingestion;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Backtesting;

namespace CxLive.Dashboard.Api.OpenApi;

// The shapes of bodies that handlers read field by field (the ingest parser, a back-test),
// written down so the OpenAPI document can show them, and of answers. Handlers do not bind to these
// types: the tests of each API are what holds them to the truth. Bodies that are bound and
// validated as records live in Api/Requests.

/// <summary>Answer of <c>POST /api/outreach/{id}/outcome</c>: the reported prompt and where its alert is now.</summary>
public sealed record OutreachOutcomeResponse(OutreachPrompt Prompt, Alert? Alert);

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
