using System.Collections.Immutable;
using CxLive.Contracts.Insights;

namespace CxLive.Dashboard.Api;

/// <summary>
/// The answer of <c>GET /api/insights/pain-points</c>: groups by alerts raised, most first, and the
/// alerts of the window's days that were only counted (over <c>Insights:AlertsPerDay</c>), 0 normally.
/// </summary>
public sealed record PainPointsReport(DateTimeOffset From, DateTimeOffset To, PainPointGroup GroupBy, ImmutableArray<PainPointGroupReport> Groups, int Omitted = 0);
