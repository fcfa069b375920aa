using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// "After ordering online I can't look up my order": <c>threshold</c> failed order-status lookups, or
/// <c>lookupsOfOneOrder</c> lookups of the same order (attribute <c>orderId</c>, any outcome: the
/// customer keeps checking), within <c>window</c>; a successful lookup resolves.
/// </summary>
public sealed class OrderStatusFailureDetector : BurstDetector
{
    public const string RuleId = RuleIds.OrderStatusFailure;
    public const string LookupsOfOneOrder = "lookupsOfOneOrder";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Order-status lookups keep failing: the customer cannot find out where their order is.",
        Severity.Warning,
        [
            .. BurstParameters("2", "Failed order-status lookups that make the alert fire.", "01:00:00", "Longest time from the first to the last of them."),
            new(LookupsOfOneOrder, ParameterKind.Count, "3", "Lookups of one order, whatever their outcome, that also make the alert fire."),
        ]);

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Receive;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.OrderLookups;

    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.OrderStatus ? interaction.Failed : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("orderId");

    protected override Described Describe(List<BurstMark> run)
    {
        var span = SpanOf(run);
        var orders = LabelsOf(run);
        var channels = string.Join(", ", run.Select(m => m.Channel.ToString().ToLowerInvariant()).Distinct());
        var spanZh = SpanOfZh(run);
        var lastOrder = run.LastOrDefault(m => m.Label is not null).Label;
        return new(
            $"{Phrases.Count(run.Count, "failed order lookup", "failed order lookups")} in {span}",
            orders.Length == 0
                ? $"{run.Count} order-status lookups failed in {span} ({channels})."
                : $"{run.Count} order-status lookups failed in {span} ({channels}) for {orders}.",
            new SuggestedAction(
                Channel.Sms,
                orders.Length == 0
                    ? "We noticed you couldn't check your order status. Here is the latest on your order: ..."
                    : $"We noticed you couldn't check the status of order {lastOrder}. Here is the latest: ...",
                $"Lookups failed on {TouchpointsOf(run)}."),
            new AlertText(
                $"{spanZh}内 {run.Count} 次订单查询失败",
                orders.Length == 0
                    ? $"{spanZh}内 {run.Count} 次订单状态查询失败（{channels}）。"
                    : $"{spanZh}内 {run.Count} 次订单状态查询失败（{channels}），订单 {LabelsOfZh(run)}。",
                orders.Length == 0 ? "我们注意到您没能查到订单状态。这是您订单的最新情况：……" : $"我们注意到您没能查到订单 {lastOrder} 的状态。最新情况如下：……",
                $"在 {TouchpointsOf(run)} 上查询失败。"));
    }

    protected override string ResolveReason(Interaction interaction) => "An order-status lookup succeeded.";

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        var wasOpen = state.OrderLookups.OpenSince is not null;
        base.Observe(rule, state, interaction, signals);
        var lookups = state.OrderLookupsByOrder;
        if (wasOpen && state.OrderLookups.OpenSince is null)
        {
            lookups.Marks.Clear(); // resolved: the lookups that led here are spent
            return;
        }

        if (interaction.Type != InteractionTypes.OrderStatus || interaction.Attribute("orderId") is not { } orderId)
        {
            return;
        }

        var window = rule.Duration(Window);
        lookups.Insert(new BurstMark(interaction.Timestamp, interaction.Id, true, orderId, interaction.Touchpoint, interaction.Stage, interaction.Channel), window);
        var ofOrder = LookupsOf(lookups.Marks, orderId, interaction.Timestamp - window);
        if (state.OrderLookups.OpenSince is null && ofOrder.Count >= rule.Count(LookupsOfOneOrder))
        {
            state.OrderLookups.OpenSince = ofOrder[0].At;
            signals.Add(Retitled(
                Raise(rule, interaction.CustomerId, ofOrder),
                $"Order {orderId} looked up {ofOrder.Count} times in {SpanOf(ofOrder)}",
                $"The customer keeps checking order {orderId} ({TouchpointsOf(ofOrder)}): they are worried about it.",
                $"{SpanOfZh(ofOrder)}内查询订单 {orderId} {ofOrder.Count} 次",
                $"客户反复查询订单 {orderId}（{TouchpointsOf(ofOrder)}）：他们在担心这笔订单。"));
        }
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
