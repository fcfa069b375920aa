using System.Collections.Immutable;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Customers;
using CxLive.Grains.Telemetry;
using CxLive.Grains.Touchpoints;

namespace CxLive.Dashboard.Ingestion;

/// <summary>How many interactions were new, and how many were re-sent ids that changed nothing.</summary>
public readonly record struct DispatchResult(int Accepted, int Duplicates);
