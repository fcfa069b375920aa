using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

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

    protected override ExampleMoment BadExample =>
        new(InteractionTypes.Search, Channel.Web, "web/search", JourneyStage.Research, Score: 0, Attributes: new Dictionary<string, string> { { "query", "red running shoes 42" } });

    protected override ExampleMoment? GoodExample =>
        new(InteractionTypes.Search, Channel.Web, "web/search", JourneyStage.Research, Score: 12);

    protected override JourneyStage DefaultStage => JourneyStage.Research;

    protected override bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Search => BadMoments.IsFailedSearch(interaction),
        InteractionTypes.ProductView or InteractionTypes.AddToCart when !interaction.Failed => false,
        _ => null,
    };

    protected override string? Label(Interaction interaction) => interaction.Attribute("query");

    protected override Channel ActionChannel => Channel.Chat;

    protected override AlertText Describe(List<BurstMark> run, AlertLanguage language)
    {
        var queries = LabelsOf(run, language);
        return language.Alert(
            RuleId,
            new()
            {
                ["count"] = run.Count,
                ["span"] = SpanOf(run, language),
                ["queries"] = queries,
                ["query"] = run.LastOrDefault(m => m.Label is not null).Label,
                ["touchpoint"] = run[^1].Touchpoint,
            },
            queries.Length == 0 ? "unlabelled" : null);
    }
}
