using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// "I can never find what I search for": <c>threshold</c> failed searches within <c>window</c> with no
/// success between them. A failed search is a <c>search</c> with 0 results (score) or an outcome other
/// than success. A successful search, product view or add-to-cart resolves the alert; the same three
/// also break a run, because a customer who found something has started over.
/// </summary>
public sealed class RepeatedFailedSearchDetector : BurstDetector
{
    public const string RuleId = RuleIds.RepeatedFailedSearch;

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Failed searches in a row within a short time: the customer cannot find what they want.",
        Severity.Warning,
        BurstParameters("3", "Failed searches in a row that make the alert fire.", "00:10:00", "Longest time from the first to the last failed search of the run."));

    public override RuleDefinition Definition => Rule;

    protected override JourneyStage DefaultStage => JourneyStage.Research;

    protected override BurstWindow WindowOf(CustomerDetectionState state) => state.Searches;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Search => BadMoments.IsFailedSearch(interaction),
        InteractionTypes.ProductView or InteractionTypes.AddToCart when !interaction.Failed => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("query");

    protected override Described Describe(List<BurstMark> run)
    {
        var last = run[^1];
        var span = SpanOf(run);
        var queries = LabelsOf(run);
        var lastQuery = run.LastOrDefault(m => m.Label is not null).Label;
        var (spanZh, queriesZh) = (SpanOfZh(run), LabelsOfZh(run));
        return new(
            $"{Phrases.Count(run.Count, "failed search", "failed searches")} in {span}",
            queries.Length == 0
                ? $"{run.Count} searches on {last.Touchpoint} found nothing in {span}."
                : $"{run.Count} searches found nothing in {span}: {queries}",
            new SuggestedAction(
                Channel.Chat,
                lastQuery is null
                    ? "It looks like our search isn't finding what you need. Can I help you find it?"
                    : $"It looks like you're having trouble finding '{lastQuery}'. Can I help you find it?",
                queries.Length == 0 ? $"Searches on {last.Touchpoint} with no results." : $"Searched for {queries} on {last.Touchpoint}; nothing found."),
            new AlertText(
                $"{spanZh}内 {run.Count} 次搜索无结果",
                queries.Length == 0 ? $"{spanZh}内在 {last.Touchpoint} 搜索 {run.Count} 次，均无结果。" : $"{spanZh}内 {run.Count} 次搜索无结果：{queriesZh}",
                lastQuery is null ? "看起来搜索没有找到您需要的东西。我可以帮您找吗？" : $"看起来您没有找到“{lastQuery}”。我可以帮您找吗？",
                queries.Length == 0 ? $"在 {last.Touchpoint} 的搜索没有结果。" : $"在 {last.Touchpoint} 搜索了{queriesZh}，没有找到。"));
    }

    protected override string ResolveReason(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Search => "A search found results.",
        InteractionTypes.ProductView => "The customer viewed a product.",
        _ => "The customer added to cart.",
    };
}
