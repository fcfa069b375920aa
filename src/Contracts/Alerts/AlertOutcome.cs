namespace CxLive.Contracts.Alerts;

/// <summary>How a closed customer alert ended for the customer (docs/alerts.md).</summary>
public enum AlertOutcome
{
    /// <summary>The customer came back and succeeded, or an agent resolved it with them.</summary>
    Recovered,

    /// <summary>No further success: the customer declined, was unreachable, unsubscribed or went quiet.</summary>
    Lost,
}
