using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;

namespace CxLive.Contracts.Agents;

/// <summary>
/// Why the desk took a prompt back, as data a page words in its own language (the prompt's
/// <c>withdrawnBecause</c> says the same in English for logs and scripts). <see cref="Note"/> is what
/// the person who closed the alert wrote, as written ("handled by phone"): the agent learns that the
/// customer was dealt with, and how, rather than only that someone closed it.
/// </summary>
[GenerateSerializer, Immutable, Alias("cx.PromptWithdrawal")]
public sealed record PromptWithdrawal(
    [property: Id(0)] WithdrawalReason Reason,
    [property: Id(1)] string? By = null,
    [property: Id(2)] AlertOutcome? Outcome = null,
    [property: Id(3)] string? Touchpoint = null,
    [property: Id(4)] string? Note = null)
{
    /// <summary>The prompt's <c>withdrawnBecause</c>: "the moment has passed", "alert resolved by supervisor:ada, customer lost: "handled by phone"".</summary>
    public string InEnglish() => Reason switch
    {
        WithdrawalReason.MomentPassed => "the moment has passed",
        WithdrawalReason.JoinedIncident => $"its alert joined the outage at {Touchpoint}: hold outreach until the cause is known",
        _ => "alert resolved" + (By is null ? "" : $" by {By}") + (Outcome is { } o ? $", customer {WireNames<AlertOutcome>.Of(o)}" : "") + (Note is null ? "" : $": \"{Note}\""),
    };
}
