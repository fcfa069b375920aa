namespace CxLive.Dashboard.Api.OpenApi;

/// <summary>Answer of <c>GET /api/me</c>: who the caller is.</summary>
public sealed record MeResponse(string? Name, string[] Roles, string? AgentId, bool Open);
