using System.Collections.Immutable;
using CxLive.Alerts;
using CxLive.Journeys;

namespace CxLive.Detection.Rules;

/// <summary>
/// "I can never find what I search for": <c>threshold</c> failed searches within <c>window</c> with no
/// success between them. A failed search is a <c>search</c> with 0 results (score) or an outcome other
/// than success. A successful search, product view or add-to-cart resolves the alert; the same three
/// also break a run, because a customer who found something has started over.
/// </summary>
public sealed class RepeatedFailedSearchDetector : ICustomerDetector
{
    public const string RuleId = "repeated-failed-search";

    public static readonly RuleDefinition Rule = new(
        RuleId,
        "Failed searches in a row within a short time: the customer cannot find what they want.",
        Severity.Warning,
        [
            new("threshold", ParameterKind.Count, "3", "Failed searches in a row that make the alert fire."),
            new("window", ParameterKind.Duration, "00:10:00", "Longest time from the first to the last failed search of the run."),
        ]);

    public RuleDefinition Definition => Rule;

    public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (Classify(interaction) is not { } failed)
        {
            return;
        }

        var window = rule.Duration("window");
        var searches = state.Searches;
        searches.Insert(
            new SearchMark(interaction.Timestamp, interaction.Id, failed, interaction.Attribute("query"), interaction.Touchpoint, interaction.Stage),
            window);

        if (searches.OpenSince is { } openSince)
        {
            if (interaction.Timestamp < openSince)
            {
                return; // a late arrival from before the open run changes nothing about it
            }

            if (failed)
            {
                signals.Add(Raise(rule, interaction.CustomerId, searches.FailuresSince(openSince)));
            }
            else
            {
                signals.Add(Resolve(interaction));
                searches.Close(interaction.Timestamp);
            }

            return;
        }

        if (failed && searches.FindLatestRun(rule.Count("threshold"), window) is { } run)
        {
            searches.OpenSince = run[0].At;
            signals.Add(Raise(rule, interaction.CustomerId, run));
        }
    }

    /// <summary>true: a failed search; false: the customer found something; null: not about searching.</summary>
    private static bool? Classify(Interaction interaction) => interaction.Type switch
    {
        InteractionTypes.Search => interaction.Failed || interaction.Score == 0,
        InteractionTypes.ProductView or InteractionTypes.AddToCart when !interaction.Failed => false,
        _ => null,
    };

    private static AlertSignal Raise(ActiveRule rule, string customerId, List<SearchMark> run)
    {
        var last = run[^1];
        var span = Phrases.Span(last.At - run[0].At);
        var queries = Phrases.Quoted(run.Select(m => m.Query));
        var lastQuery = run.LastOrDefault(m => m.Query is not null).Query;
        return new AlertSignal
        {
            Kind = SignalKind.Raise,
            RuleId = RuleId,
            CustomerId = customerId,
            Touchpoint = last.Touchpoint,
            Stage = last.Stage ?? JourneyStage.Research,
            Severity = rule.Severity,
            Title = $"{Phrases.Count(run.Count, "failed search", "failed searches")} in {span}",
            Detail = queries.Length == 0
                ? $"{run.Count} searches on {last.Touchpoint} found nothing in {span}."
                : $"{run.Count} searches found nothing in {span}: {queries}",
            Evidence = [.. run.Select(m => m.InteractionId)],
            At = last.At,
            SuggestedAction = new SuggestedAction(
                Channel.Chat,
                lastQuery is null
                    ? "It looks like our search isn't finding what you need. Can I help you find it?"
                    : $"It looks like you're having trouble finding '{lastQuery}'. Can I help you find it?",
                queries.Length == 0 ? $"Searches on {last.Touchpoint} with no results." : $"Searched for {queries} on {last.Touchpoint}; nothing found."),
        };
    }

    private static AlertSignal Resolve(Interaction interaction) => new()
    {
        Kind = SignalKind.Resolve,
        RuleId = RuleId,
        CustomerId = interaction.CustomerId,
        At = interaction.Timestamp,
        Evidence = ImmutableArray.Create(interaction.Id),
        Reason = interaction.Type switch
        {
            InteractionTypes.Search => "A search found results.",
            InteractionTypes.ProductView => "The customer viewed a product.",
            _ => "The customer added to cart.",
        },
    };
}
