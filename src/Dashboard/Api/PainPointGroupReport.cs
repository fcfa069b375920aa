using System.Collections.Immutable;
using CxLive.Contracts.Insights;

namespace CxLive.Dashboard.Api;

/// <summary>One group of a pain-points report: its figures over the window, per UTC day, and a few customers' own words.</summary>
public sealed record PainPointGroupReport(string Group, PainPointFigures Total, ImmutableArray<PainPointDay> Days, ImmutableArray<CustomerWords> Examples);
