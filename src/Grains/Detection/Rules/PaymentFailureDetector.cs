using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// Payments that fail while the customer is trying to buy: <c>threshold</c> failures within
/// <c>window</c>, or one failure not followed by an order within <c>orderWithin</c>. An order placed
/// resolves. A good payment between failures does not start over: the order is what counts.
/// </summary>
public sealed class PaymentFailureDetector : BurstDetector
{
    public const string RuleId = RuleIds.PaymentFailure;
    public const string OrderWithin = "orderWithin";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Payments keep failing while the customer is trying to buy.",
        Severity.Warning,
        [
            .. BurstParameters("2", "Failed payments that make the alert fire.", "00:15:00", "Longest time from the first to the last failed payment."),
            new(OrderWithin, ParameterKind.Duration, "00:30:00", "A failed payment not followed by an order within this fires the alert."),
        ]);

    public override RuleDefinition Definition => Rule;

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.Payment, Channel.Web, "web/checkout", JourneyStage.Purchase, Outcome.Failure, Attributes: new Dictionary<string, string> { { "method", "card" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.OrderPlaced, Channel.Web, "web/checkout", JourneyStage.Purchase);

    protected override JourneyStage DefaultStage => JourneyStage.Purchase;

    protected override bool GoodBreaksRun => false;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Payment when interaction.Failed => true,
        InteractionTypes.OrderPlaced when !interaction.Failed => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("method") ?? interaction.Attribute("reason");

    protected override Channel ActionChannel => Channel.Chat;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var methods = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new()
            {
                ["count"] = run.Count,
                ["span"] = SpanOf(run, language),
                ["methods"] = methods,
                ["touchpoint"] = run[^1].Touchpoint,
            },
            methods.Length == 0 ? "unlabelled" : null);
    }

    /// <summary>
    /// The first failed payment is kept while it waits for an order, not only while the next could
    /// join it in a burst: kept 15 min (the window), a customer failing every 16 min lost each first
    /// failure, and the 30 min ran from her latest, again and again, while she kept trying. Kept
    /// until the deadline is handled, not for 30 min after the latest: a failure sent late, or
    /// before a late reminder, would otherwise push it out first.
    /// </summary>
    protected override DateTimeOffset? KeepFrom(BurstWindow burst, BurstMark incoming)
    {
        if (burst.OpenSince is not null)
        {
            return null; // the open alert's run is kept anyway
        }

        DateTimeOffset? first = burst.Marks.FindIndex(m => m.Bad) is var at and >= 0 ? burst.Marks[at].At : null;
        return incoming.Bad && (first is null || incoming.At < first) ? incoming.At : first;
    }

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        base.Observe(rule, state, interaction, signals);
        if (interaction.Type == InteractionTypes.OrderPlaced && !interaction.Failed)
        {
            WindowOf(state).Marks.RemoveAll(m => m.Bad && m.At <= interaction.Timestamp); // paid for: no longer waiting
        }
    }

    /// <summary>The first failed payment still waiting for an order, while no alert is open.</summary>
    public override DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) =>
        PeekWindow(state) is { OpenSince: null } payments && payments.Marks.FirstOrDefault(m => m.Bad) is { InteractionId: not null } first
            ? first.At + rule.Duration(OrderWithin)
            : null;

    public override void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } due || due > now)
        {
            return;
        }

        var payments = WindowOf(state);
        var failed = payments.Marks.Where(m => m.Bad).ToList();
        payments.OpenSince = failed[0].At;
        var orderWithin = rule.Duration(OrderWithin);
        signals.Add(Retitled(
            Raise(rule, customerId, failed),
            // The rule's span, not one from now: "failed 30 min ago" was still said an hour later.
            language => language.Alert($"{RuleId}.no-order", new()
            {
                ["count"] = failed.Count,
                ["touchpoint"] = failed[^1].Touchpoint,
                ["within"] = language.Span(orderWithin),
            })) with { At = now });
    }
}
