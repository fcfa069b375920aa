using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// "I keep getting irrelevant push messages": dismissed pushes pile up, or the customer
/// unsubscribes soon after a push. Nothing the customer does resolves it: marketing must act.
/// </summary>
public sealed class PushFatigueDetector : BurstDetector
{
    public const string RuleId = RuleIds.PushFatigue;
    public const string UnsubscribeWithin = "unsubscribeWithin";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer dismisses our pushes or unsubscribes right after one: they feel spammed.",
        Severity.Warning,
        [
            .. BurstParameters("3", "Dismissed pushes that make the alert fire.", "1.00:00:00", "Longest time from the first to the last dismissal."),
            new(UnsubscribeWithin, ParameterKind.Duration, "01:00:00", "An unsubscribe this soon after a push fires the alert at once."),
        ]);

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Discover;

    protected override bool GoodResolves => false;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.Pushes;

    /// <summary>Dismissals count whatever happens between them (the catalogue's "3 within 24 h").</summary>
    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.PushDismissed ? true : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("campaign");

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.PushSent)
        {
            state.LastPushSent = state.LastPushSent > interaction.Timestamp ? state.LastPushSent : interaction.Timestamp;
            return;
        }

        if (interaction.Type == InteractionTypes.Unsubscribe && state.LastPushSent is { } push
            && interaction.Timestamp >= push && interaction.Timestamp - push <= rule.Duration(UnsubscribeWithin))
        {
            var mark = new BurstMark(interaction.Timestamp, interaction.Id, true, Label(interaction), interaction.Touchpoint, interaction.Stage, interaction.Channel);
            var raise = Raise(rule, interaction.CustomerId, [mark]);
            signals.Add(Retitled(
                raise,
                "Unsubscribed right after a push",
                $"The customer unsubscribed {Phrases.Span(interaction.Timestamp - push)} after a push.",
                "收到推送后立即退订",
                $"客户在收到推送 {Phrases.SpanZh(interaction.Timestamp - push)}后退订。"));
            return;
        }

        base.Observe(rule, state, interaction, signals);
    }

    protected override Described Describe(List<BurstMark> run)
    {
        var span = SpanOf(run);
        var campaigns = LabelsOf(run);
        var spanZh = SpanOfZh(run);
        return new(
            $"{Phrases.Count(run.Count, "push dismissed", "pushes dismissed")} in {span}",
            campaigns.Length == 0 ? $"{run.Count} pushes dismissed in {span}." : $"{run.Count} pushes dismissed in {span}: {campaigns}",
            new SuggestedAction(Channel.Email, "Would you like to choose which messages you get from us?", "Hold marketing pushes for this customer and offer a preference centre."),
            new AlertText(
                $"{spanZh}内忽略了 {run.Count} 条推送",
                campaigns.Length == 0 ? $"{spanZh}内忽略了 {run.Count} 条推送。" : $"{spanZh}内忽略了 {run.Count} 条推送：{LabelsOfZh(run)}",
                "您想选择接收我们的哪些消息吗？",
                "暂停向该客户发送营销推送，并引导其设置消息偏好。"));
    }

    protected override string ResolveReason(Interaction interaction) => "";

    /// <summary>The open alert expires a window after the last dismissal.</summary>
    public override DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) =>
        state.Pushes.OpenSince is not null && state.Pushes.Marks.LastOrDefault(m => m.Bad) is { InteractionId: not null } last
            ? last.At + rule.Duration(Window)
            : null;

    public override void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } due || due > now)
        {
            return;
        }

        state.Pushes.Close(now);
        signals.Add(AlertSignal.Resolved(RuleId, now, $"No push dismissed for {Phrases.Span(rule.Duration(Window))}: expired.", customerId: customerId));
    }
}
