using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "After ordering online I can't look up my order": <c>threshold</c> failed order-status lookups, or
/// <c>lookupsOfOneOrder</c> lookups of the same order (attribute <c>orderId</c>, any outcome: the
/// customer keeps checking), within <c>window</c>. A successful lookup resolves failed lookups; the
/// worried customer's alert (lookups of one order) is resolved by that order's delivery, or by a
/// successful lookup more than <c>window</c> after it fired; not by the next lookup.
/// </summary>
public sealed class OrderStatusFailureDetector : BurstDetector
{
    public const string RuleId = RuleIds.OrderStatusFailure;
    public const string LookupsOfOneOrder = "lookupsOfOneOrder";

    /// <summary>The key of the second window: every lookup with an order id, whatever its outcome.</summary>
    private const string ByOrder = RuleId + "/by-order";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Order-status lookups keep failing: the customer cannot find out where their order is.",
        Severity.Warning,
        [
            .. BurstParameters("2", "Failed order-status lookups that make the alert fire.", "01:00:00", "Longest time from the first to the last of them."),
            new(LookupsOfOneOrder, ParameterKind.Count, "3", "Lookups of one order, whatever their outcome, that also make the alert fire.") { Most = BurstWindow.Capacity },
        ]);

    public override RuleDefinition Definition => Rule;

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.OrderStatus, Channel.App, "app/orders", JourneyStage.Receive, Outcome.Failure, Attributes: new Dictionary<string, string> { { "orderId", "ORD-100234" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.OrderStatus, Channel.App, "app/orders", JourneyStage.Receive);

    protected override JourneyStage DefaultStage => JourneyStage.Receive;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.OrderStatus ? interaction.Failed : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("orderId");

    protected override Channel ActionChannel => Channel.Sms;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var orders = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new()
            {
                ["count"] = run.Count,
                ["span"] = SpanOf(run, language),
                ["channels"] = language.List(run.Select(m => m.Channel).Distinct().Select(language.ChannelName)),
                ["orders"] = orders,
                ["order"] = run.LastOrDefault(m => m.Label is not null).Label,
                ["touchpoints"] = TouchpointsOf(run, language),
            },
            orders.Length == 0 ? "unlabelled" : null);
    }

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.Delivery)
        {
            ObserveDelivery(state, interaction, signals);
            return;
        }

        if (interaction.Type != InteractionTypes.OrderStatus)
        {
            return; // the only types either window reacts to
        }

        var failures = WindowOf(state); // every order-status lookup is a moment of it, good or bad
        var lookups = state.Burst(ByOrder);
        var window = rule.Duration(Window);
        // The customer who keeps looking up one order looked again, with success: more worry, not the
        // news they want, so the alert is told again ("4 times") rather than resolved as recovered,
        // which withdrew the prompt. Past the rule's window after it fired, a successful lookup
        // resolves it as ever: many integrators send no deliveries, and it must not wait for one.
        var moreWorry = lookups.OpenSince is { } worried && failures.OpenSince is not null && !interaction.Failed && interaction.Timestamp - worried <= window;
        if (!moreWorry)
        {
            var signalled = signals.Count;
            base.Observe(rule, state, interaction, signals);
            if (failures.OpenSince is null && signals.Count > signalled && signals[^1].Kind == SignalKind.Resolve)
            {
                lookups.Close(signals[^1].At); // resolved (by this lookup, or by one seen before a late failure): the lookups that led here are spent
                return;
            }
        }

        if (interaction.Attribute("orderId") is not { } orderId)
        {
            return;
        }

        lookups.Insert(BurstMark.Of(interaction, true, orderId), window);
        var ofOrder = LookupsOf(lookups.Marks, orderId, interaction.Timestamp - window);
        if ((failures.OpenSince is null || moreWorry) && ofOrder.Count >= rule.Count(LookupsOfOneOrder))
        {
            if (!moreWorry)
            {
                failures.OpenSince = ofOrder[0].At;
                lookups.OpenSince = interaction.Timestamp; // when the worried customer's alert fired: a lookup within the window after it is more worry
            }

            signals.Add(Retitled(
                Raise(rule, interaction.CustomerId, ofOrder),
                language => language.Alert($"{RuleId}.one-order", new()
                {
                    ["order"] = orderId,
                    ["count"] = ofOrder.Count,
                    ["span"] = SpanOf(ofOrder, language),
                    ["touchpoints"] = TouchpointsOf(ofOrder, language),
                })));
        }
    }

    /// <summary>The worried customer's parcel arrived: the news they kept looking up.</summary>
    private void ObserveDelivery(CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Failed || state.PeekBurst(ByOrder) is not { OpenSince: not null } lookups || PeekWindow(state) is not { OpenSince: not null } failures
            || (interaction.Attribute("orderId") is { } delivered && !lookups.Marks.Exists(m => m.Label == delivered)))
        {
            return; // another order's parcel is no news of the one they keep looking up
        }

        lookups.Close(interaction.Timestamp);
        failures.Close(interaction.Timestamp);
        signals.Add(Resolve(interaction));
    }

    /// <summary>A loop, not a lambda: a closure over <see cref="Observe"/>'s arguments was allocated for every interaction it saw.</summary>
    private static List<BurstMark> LookupsOf(List<BurstMark> marks, string orderId, DateTimeOffset since)
    {
        var ofOrder = new List<BurstMark>();
        foreach (var mark in marks)
        {
            if (mark.Label == orderId && mark.At >= since)
            {
                ofOrder.Add(mark);
            }
        }

        return ofOrder;
    }
}
