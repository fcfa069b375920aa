using CxLive.Contracts.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Tests.Unit.Detection;

/// <summary>
/// One delivery of a customer's signals: a specific rule speaks before the experience drop (the
/// integrator trial: a late complaint past its SLA hid inside "Experience score fell to 37"), but a
/// drop raised is never moved past a resolve (a review: raised and cleared in one delivery, it stayed open).
/// </summary>
public sealed class SignalOrderTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static AlertSignal Raise(string rule) => new() { Kind = SignalKind.Raise, RuleId = rule, CustomerId = "c-1", At = At };

    private static AlertSignal Resolve(string rule) => new() { Kind = SignalKind.Resolve, RuleId = rule, CustomerId = "c-1", At = At };

    private static string[] Order(params AlertSignal[] signals) =>
        [.. SignalOrder.SpecificFirst([.. signals]).Select(s => $"{s.Kind.ToString().ToLowerInvariant()} {s.RuleId}")];

    [Fact]
    public void A_drop_raised_before_a_specific_raise_goes_after_it()
    {
        Assert.Equal(["raise unanswered-complaint", "raise payment-failure", "raise experience-drop"],
            Order(Raise(RuleIds.ExperienceDrop), Raise(RuleIds.UnansweredComplaint), Raise(RuleIds.PaymentFailure)));
    }

    [Fact]
    public void A_drop_raised_never_moves_past_a_resolve()
    {
        Assert.Equal(["raise unanswered-complaint", "raise experience-drop", "resolve experience-drop"],
            Order(Raise(RuleIds.ExperienceDrop), Raise(RuleIds.UnansweredComplaint), Resolve(RuleIds.ExperienceDrop)));
        Assert.Equal(["raise experience-drop", "resolve repeated-failed-search", "raise detractor"],
            Order(Raise(RuleIds.ExperienceDrop), Resolve(RuleIds.RepeatedFailedSearch), Raise(RuleIds.Detractor)));
    }

    [Fact]
    public void A_delivery_without_a_drop_or_of_one_signal_is_left_as_it_is()
    {
        Assert.Equal(["raise detractor", "raise long-wait"], Order(Raise(RuleIds.Detractor), Raise(RuleIds.LongWait)));
        Assert.Equal(["raise experience-drop"], Order(Raise(RuleIds.ExperienceDrop)));
    }
}
