using System.Collections.Immutable;
using CxLive.Customers;
using CxLive.Journeys;
using CxLive.Telemetry;
using CxLive.Touchpoints;

namespace CxLive.Ingestion;

/// <summary>How many interactions were new, and how many were re-sent ids that changed nothing.</summary>
public readonly record struct DispatchResult(int Accepted, int Duplicates);
