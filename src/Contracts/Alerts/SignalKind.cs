using System.Collections.Immutable;
using CxLive.Contracts.Journeys;

namespace CxLive.Contracts.Alerts;

public enum SignalKind
{
    /// <summary>The condition holds: open an alert, or update the open one with the same fingerprint.</summary>
    Raise,

    /// <summary>The condition cleared (per the catalogue's "resolves when"): resolve the open alert.</summary>
    Resolve,
}
