using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;

namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>Answer of <c>POST /api/outreach/{id}/outcome</c>: the reported prompt and where its alert is now.</summary>
public sealed record OutreachOutcomeResponse(OutreachPrompt Prompt, Alert? Alert);
