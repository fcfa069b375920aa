using CxLive.Contracts.Alerts;

namespace CxLive.Contracts.Agents;

/// <summary>
/// What reporting an outreach outcome did, in one answer: the prompt (null: no such prompt), and
/// whether this call reported it (false: it was already reported or withdrawn, and is returned
/// unchanged). When it did, <see cref="Alert"/> is the alert as the report left it (null if the
/// alert is gone), and the <c>outreach</c> interaction is on the customer's journey.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.OutreachReport")]
public sealed record OutreachReport(
    [property: Id(0)] OutreachPrompt? Prompt,
    [property: Id(1)] bool Reported,
    [property: Id(2)] Alert? Alert = null);
