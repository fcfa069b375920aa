using System.ComponentModel;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Api.Requests;

namespace CxLive.Dashboard.Api.OpenApi;

// The shapes of bodies that handlers read field by field (the ingest parser, a back-test) and of
// answers live in this folder so the OpenAPI document can show them. Handlers do not bind to these
// types: the tests of each API are what holds them to the truth. Bodies that are bound and
// validated as records live in Api/Requests.

/// <summary>Body of <c>POST /api/rules/backtest</c> with overrides (an array of interactions alone is accepted too).</summary>
public sealed record BacktestRequest(
    [property: Description("The recorded interactions, validated as for ingestion except that any age is accepted.")] Interaction[] Interactions,
    [property: Description("Rule id to overrides laid over the rules in force.")] Dictionary<string, RuleChangeRequest>? Rules);
