using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// "The guide keeps recommending things I don't want": <c>threshold</c> rejected recommendations, or
/// <c>shown</c> shown with none clicked, within <c>window</c>; a click resolves.
/// </summary>
public sealed class RecommendationRejectionDetector : BurstDetector
{
    public const string RuleId = RuleIds.IrrelevantRecommendations;
    public const string Shown = "shown";

    /// <summary>The key of the second window: recommendations shown, and clicks between them.</summary>
    private const string ShownKey = RuleId + "/shown";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "The customer keeps rejecting recommendations: what we suggest is not what they want.",
        Severity.Info,
        [
            .. BurstParameters("2", "Rejected recommendations that make the alert fire.", "00:30:00", "Longest time from the first to the last of them."),
            new(Shown, ParameterKind.Count, "6", "Recommendations shown with none clicked that also make the alert fire.") { Most = BurstWindow.Capacity },
        ]);

    public override RuleDefinition Definition => Rule;

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.RecommendationRejected, Channel.App, "app/recommendations", JourneyStage.Research, Attributes: new Dictionary<string, string> { { "item", "wireless earbuds" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.RecommendationClicked, Channel.App, "app/recommendations", JourneyStage.Research);

    protected override JourneyStage DefaultStage => JourneyStage.Research;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.RecommendationRejected => true,
        InteractionTypes.RecommendationClicked => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("item") ?? interaction.Attribute("productId");

    protected override Channel ActionChannel => Channel.App;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var items = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new()
            {
                ["count"] = run.Count,
                ["span"] = SpanOf(run, language),
                ["items"] = items,
                ["touchpoint"] = run[^1].Touchpoint,
                ["touchpoints"] = TouchpointsOf(run, language),
            },
            items.Length == 0 ? "unlabelled" : null);
    }

    public override void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (interaction.Type is not (InteractionTypes.RecommendationShown or InteractionTypes.RecommendationClicked or InteractionTypes.RecommendationRejected))
        {
            return; // the only types either window reacts to
        }

        var wasOpen = PeekWindow(state)?.OpenSince is not null;
        base.Observe(rule, state, interaction, signals);
        var shown = state.Burst(ShownKey);
        if (wasOpen && PeekWindow(state)?.OpenSince is null)
        {
            shown.Marks.Clear(); // resolved by a click: what was shown before it is spent
            return;
        }

        if (interaction.Type == InteractionTypes.RecommendationRejected)
        {
            return;
        }

        var window = rule.Duration(Window);
        shown.Insert(BurstMark.Of(interaction, interaction.Type == InteractionTypes.RecommendationShown, null), window);
        if (PeekWindow(state)?.OpenSince is null && shown.FindLatestRun(rule.Count(Shown), window) is { } run)
        {
            WindowOf(state).OpenSince = run[0].At; // one alert for both conditions; a click resolves it
            signals.Add(Retitled(
                Raise(rule, interaction.CustomerId, run),
                language => language.Alert($"{RuleId}.none-clicked", new()
                {
                    ["count"] = run.Count,
                    ["span"] = SpanOf(run, language),
                    ["touchpoint"] = run[^1].Touchpoint,
                })));
        }
    }
}
