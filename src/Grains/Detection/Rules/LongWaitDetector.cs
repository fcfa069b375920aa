using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>"I waited too long to be served": one queue wait at or over the limit, or one the customer gave up on.</summary>
public sealed class LongWaitDetector : ICustomerDetector
{
    public const string RuleId = RuleIds.LongWait;
    public const string Seconds = "seconds";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer waited too long in a queue, or gave up waiting.",
        Severity.Warning,
        [new(Seconds, ParameterKind.Number, "300", "A queue-wait score (seconds waited) at or above this fires the alert.")]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type != InteractionTypes.QueueWait)
        {
            return;
        }

        var gaveUp = interaction.Outcome == Outcome.Abandoned;
        if (!gaveUp && !(interaction.Score >= rule.Number(Seconds)))
        {
            return;
        }

        var waited = interaction.Score is { } seconds ? Phrases.Span(TimeSpan.FromSeconds(seconds)) : null;
        var waitedZh = interaction.Score is { } s ? Phrases.SpanZh(TimeSpan.FromSeconds(s)) : null;
        signals.Add(new AlertSignal
        {
            Kind = SignalKind.Raise,
            RuleId = RuleId,
            CustomerId = interaction.CustomerId,
            Touchpoint = interaction.Touchpoint,
            Stage = interaction.Stage ?? JourneyStage.Service,
            Severity = rule.Severity,
            Title = gaveUp ? (waited is null ? "Gave up waiting" : $"Gave up after waiting {waited}") : $"Waited {waited} in a queue",
            Detail = $"{(gaveUp ? "Abandoned a queue" : "Waited " + waited)} at {interaction.Touchpoint}.",
            Evidence = [interaction.Id],
            At = interaction.Timestamp,
            SuggestedAction = new SuggestedAction(
                interaction.Channel == Channel.Store ? Channel.Sms : Channel.CallCenter,
                "Sorry you had to wait so long. I'm calling back so you don't have to queue again — how can I help?",
                $"Queue: {interaction.Touchpoint}. Offer a callback at a time that suits them."),
            Translations = AlertLanguages.InChinese(new AlertText(
                gaveUp ? (waitedZh is null ? "放弃了排队" : $"等待 {waitedZh} 后放弃") : $"排队等待 {waitedZh}",
                $"在 {interaction.Touchpoint} {(gaveUp ? "放弃了排队" : "等待了 " + waitedZh)}。",
                "抱歉让您久等了。我给您回电，这样您就不用再排队了——有什么可以帮您？",
                $"队列：{interaction.Touchpoint}。按客户方便的时间安排回电。")),
        });
    }
}
