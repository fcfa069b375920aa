using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

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

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.PushDismissed, Channel.Push, "push/marketing", JourneyStage.Discover, Attributes: new Dictionary<string, string> { { "campaign", "winter sale" } });

    protected override ExampleMoment? GoodExample => null; // nothing the customer does resolves it

    protected override JourneyStage DefaultStage => JourneyStage.Discover;

    protected override bool GoodResolves => false;

    /// <summary>Dismissals count whatever happens between them (the catalogue's "3 within 24 h").</summary>
    protected override bool? Classify(Interaction interaction) =>
        interaction.Type == InteractionTypes.PushDismissed ? true : null;

    protected override string? Label(Interaction interaction) => interaction.Attribute("campaign") ?? interaction.Attribute("title"); // a push named by its title alone is quoted too

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type == InteractionTypes.PushSent)
        {
            if (state.LastPushSent is not { } latest || interaction.Timestamp >= latest)
            {
                state.LastPushSent = interaction.Timestamp;
                state.LastPush = MarkOf(interaction, bad: false);
            }

            return;
        }

        if (interaction.Type == InteractionTypes.Unsubscribe && state.LastPushSent is { } push
            && interaction.Timestamp >= push && interaction.Timestamp - push <= rule.Duration(UnsubscribeWithin))
        {
            // The push is evidence beside the unsubscribe: which campaign drove her away is what
            // marketing acts on. A state stored before pushes were kept knows only the push's time.
            var sent = state.LastPush is { } kept && kept.At == push ? kept : (BurstMark?)null;
            var unsubscribed = MarkOf(interaction, bad: true);
            var raise = Raise(rule, interaction.CustomerId, sent is { } p ? [p, unsubscribed] : [unsubscribed]);
            signals.Add(Retitled(
                raise,
                language => language.Alert(
                    $"{RuleId}.unsubscribed",
                    new() { ["after"] = language.Span(interaction.Timestamp - push), ["campaign"] = language.Quoted([sent?.Label]) },
                    sent?.Label is null ? "unlabelled" : null)));
            return;
        }

        base.Observe(rule, state, interaction, signals);
    }

    protected override Channel ActionChannel => Channel.Email;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var campaigns = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new() { ["count"] = run.Count, ["span"] = SpanOf(run, language), ["campaigns"] = campaigns },
            campaigns.Length == 0 ? "unlabelled" : null);
    }

    /// <summary>The open alert expires a window after the last dismissal.</summary>
    public override DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) =>
        PeekWindow(state) is { OpenSince: not null } pushes && pushes.Marks.LastOrDefault(m => m.Bad) is { InteractionId: not null } last
            ? last.At + rule.Duration(Window)
            : null;

    public override void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
        if (NextDeadline(rule, state) is not { } due || due > now)
        {
            return;
        }

        WindowOf(state).Close(now);
        signals.Add(ResolvedSignal.Of(RuleId, now, HistoryNote.Resolution(RuleId, l => new() { ["window"] = l.Span(rule.Duration(Window)) }), customerId: customerId));
    }
}
