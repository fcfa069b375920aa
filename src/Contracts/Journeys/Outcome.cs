namespace CxLive.Contracts.Journeys;

/// <summary>How an interaction ended; <see cref="Success"/> when the integrator does not say.</summary>
public enum Outcome
{
    Success,
    Failure,
    Abandoned,
}
