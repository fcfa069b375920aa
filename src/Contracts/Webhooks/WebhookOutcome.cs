namespace CxLive.Contracts.Webhooks;

/// <summary>How one attempt went: <c>delivered</c> (2xx), <c>failed</c> (tried again later), <c>rejected</c> (4xx: not tried again), <c>given-up</c> (failed past the retry window).</summary>
public enum WebhookOutcome
{
    Delivered,
    Failed,
    Rejected,
    GivenUp,
}
