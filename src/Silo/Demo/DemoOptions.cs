namespace CxLive.Silo.Demo;

/// <summary>Section <c>Demo</c>: built-in journey traffic so a fresh CxLive has something to show. Off unless asked for.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Generate traffic (default false; the <c>--demo</c> switch turns it on).</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Customers the demo journeys are spread over (default 2,000). A customer is in one session at a
    /// time and rests a minute after it, so they bound the rate: 300 (the default until 2026-12-07)
    /// started 2.4 sessions a second however many were asked; 2,000 start up to about 8 (250 per
    /// session a second: a session and its rest take 125 s on average).
    /// </summary>
    public int Customers { get; set; } = 2_000;

    /// <summary>
    /// Journey sessions started per second (default 2.5, about 5.4 interactions a second: what the old
    /// default of 5 over 300 customers really delivered, so the wall's figures below stand).
    /// </summary>
    public double SessionsPerSecond { get; set; } = 2.5;

    /// <summary>
    /// Share of sessions with an injected bad experience (default 0.1). At 0.3 a fresh wall held 183
    /// open alerts, five outages and 130 prompts waiting after 8 minutes, more than a supervisor
    /// trying CxLive could follow; at 0.1, 78, two outages and 60 (docs/configuration.md).
    /// </summary>
    public double BadExperienceRate { get; set; } = 0.1;

    /// <summary>How often due interactions are sent, as one batch (default 250 ms).</summary>
    public TimeSpan Tick { get; set; } = TimeSpan.FromMilliseconds(250);
}
