using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Detection.Rules;

/// <summary>
/// The shape most catalogue rules share: <c>threshold</c> bad moments within <c>window</c> (first
/// to last, inclusive, in event time) raise an alert; while it is open, more bad moments update it;
/// a good moment at or after the run's start resolves it (one already seen after the run, when a late
/// bad moment completes it, resolves it at once). A rule says what is bad, what is good, whether a
/// good moment between bad ones starts the count over, and how to word the alert.
/// </summary>
public abstract class BurstDetector : ICustomerDetector
{
    public const string Threshold = "threshold";
    public const string Window = "window";

    public abstract RuleDefinition Definition { get; }

    /// <summary>A good moment between bad ones starts the count over (default true).</summary>
    protected virtual bool GoodBreaksRun => true;

    /// <summary>Whether a good moment resolves the open alert (false: it stays until a person acts).</summary>
    protected virtual bool GoodResolves => true;

    /// <summary>The rule's window, kept under its rule id: a new burst rule needs no field of its own in the stored state.</summary>
    protected BurstWindow WindowOf(CustomerDetectionState state) => state.Burst(Definition.RuleId);

    /// <summary>The rule's window if it has one yet; for looks on every interaction or batch, which must not make one per customer.</summary>
    protected BurstWindow? PeekWindow(CustomerDetectionState state) => state.PeekBurst(Definition.RuleId);

    /// <summary>What one bad moment of this rule looks like: the simulator and the tests make journeys of it.</summary>
    protected abstract ExampleMoment BadExample { get; }

    /// <summary>What one good moment looks like, one that resolves the alert; null when nothing the customer does resolves it.</summary>
    protected abstract ExampleMoment? GoodExample { get; }

    /// <summary>The rule told as data (its example moments, default threshold and window), for the simulator and the tests.</summary>
    public BurstExample Example
    {
        get
        {
            var defaults = RuleCompiler.CompileDefaults(Definition);
            return new(Definition.RuleId, defaults.Count(Threshold), defaults.Duration(Window), BadExample, GoodResolves ? GoodExample : null);
        }
    }

    /// <summary>true: a bad moment; false: a good one; null: not about this rule.</summary>
    protected abstract bool? Classify(Interaction interaction);

    /// <summary>What an alert should quote of the moment (a query, an order id), if anything.</summary>
    protected virtual string? Label(Interaction interaction) => null;

    /// <summary>
    /// The title, detail and suggested words for a run of bad moments (oldest first) in one language:
    /// the texts are <c>Texts/*.json</c>'s, the detector supplies the facts. Asked once per language.
    /// </summary>
    protected abstract AlertText Describe(List<BurstMark> run, AlertLanguage language);

    /// <summary>The channel the suggested words are meant for.</summary>
    protected abstract Channel ActionChannel { get; }

    /// <summary>
    /// Why the good moment resolved the alert, from <c>Texts/*.json</c>: <c>{rule}.resolved.{type}</c>
    /// for the good moment's interaction type where the table has one, else <c>{rule}.resolved</c>.
    /// </summary>
    private HistoryNote ResolveReason(string? goodMomentType) =>
        HistoryNote.Resolution(Definition.RuleId, _ => new(), goodMomentType);

    /// <summary>The mark this rule keeps of <paramref name="interaction"/>, labelled its way.</summary>
    protected BurstMark MarkOf(Interaction interaction, bool bad) => BurstMark.Of(interaction, bad, Label(interaction));

    /// <summary>A moment kept whatever the window says, for a rule whose deadline counts from it; null: none.</summary>
    protected virtual DateTimeOffset? KeepFrom(BurstWindow burst, BurstMark incoming) => null;

    public virtual DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) => null;

    public virtual void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals)
    {
    }

    public virtual void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals)
    {
        if (Classify(interaction) is not { } bad)
        {
            return;
        }

        var window = rule.Duration(Window);
        var burst = WindowOf(state);
        var mark = MarkOf(interaction, bad);
        burst.Insert(mark, window, KeepFrom(burst, mark));

        if (burst.OpenSince is { } openSince)
        {
            if (interaction.Timestamp < openSince)
            {
                return; // a late arrival from before the open run changes nothing about it
            }

            if (bad)
            {
                signals.Add(Raise(rule, interaction.CustomerId, burst.BadSince(openSince)));
            }
            else if (GoodResolves)
            {
                signals.Add(Resolve(interaction));
                burst.Close(interaction.Timestamp);
            }

            return;
        }

        if (bad && burst.FindLatestRun(rule.Count(Threshold), window, GoodBreaksRun) is { } run)
        {
            burst.OpenSince = run[0].At;
            signals.Add(Raise(rule, interaction.CustomerId, run));
            if (GoodResolves && GoodAfter(burst, run[^1]) is { } good)
            {
                // The late bad moment that completed the run came in after a good one that followed
                // it: in event time she was fine again already. The alert ends as it would have had
                // they come in order (and as a back-test of the same moments says), not open for days.
                signals.Add(Resolve(good, interaction.CustomerId));
                burst.Close(good.At);
            }
        }
    }

    /// <summary>The first good moment at or after <paramref name="last"/>, the run's last bad one; null if none yet.</summary>
    private static BurstMark? GoodAfter(BurstWindow burst, BurstMark last)
    {
        var index = burst.Marks.FindIndex(m => !m.Bad && m.At >= last.At);
        return index < 0 ? null : burst.Marks[index];
    }

    /// <summary>The threshold and window parameters every burst rule has, with its own defaults.</summary>
    protected static ImmutableArray<RuleParameter> BurstParameters(string threshold, string thresholdMeans, string window, string windowMeans) =>
    [
        new(Threshold, ParameterKind.Count, threshold, thresholdMeans) { Most = BurstWindow.Capacity }, // more marks are never kept: it could never fire
        new(Window, ParameterKind.Duration, window, windowMeans),
    ];

    protected AlertSignal Raise(ActiveRule rule, string customerId, List<BurstMark> run)
    {
        var last = run[^1];
        var words = AlertTexts.Write(language => Describe(run, language));
        return words.Raise(Definition.RuleId, rule.Severity, last.At) with
        {
            CustomerId = customerId,
            Touchpoint = last.Touchpoint,
            Stage = last.Stage ?? DefaultStage,
            Evidence = [.. run.Select(m => m.InteractionId)],
            SuggestedAction = words.Action(ActionChannel),
        };
    }

    /// <summary>
    /// The same alert under another title and detail, in every language, and the case's own wording
    /// and context where its table has them (else the rule's stay): the customer who kept looking
    /// up one order with success was told "we noticed you couldn't check", and recommendations shown
    /// and never clicked were "rejected".
    /// </summary>
    protected static AlertSignal Retitled(AlertSignal signal, Func<AlertLanguage, AlertText> write)
    {
        var words = AlertTexts.Write(write);
        return signal with
        {
            Title = words.English.Title,
            Detail = words.English.Detail,
            SuggestedAction = signal.SuggestedAction is { } action
                ? action with { Wording = words.English.Wording ?? action.Wording, Context = words.English.Context ?? action.Context }
                : null,
            Translations = words.Translations.ToImmutableDictionary(
                t => t.Key,
                t =>
                {
                    var was = signal.Translations[t.Key];
                    return was with { Title = t.Value.Title, Detail = t.Value.Detail, Wording = t.Value.Wording ?? was.Wording, Context = t.Value.Context ?? was.Context };
                }),
        };
    }

    /// <summary>From the first to the last moment of a run, in words ("4 min").</summary>
    protected static string SpanOf(List<BurstMark> run, AlertLanguage language) => language.Span(run[^1].At - run[0].At);

    /// <summary>The run's labels, distinct and quoted ("'a', 'b'"); empty when none had one.</summary>
    protected static string LabelsOf(List<BurstMark> run, AlertLanguage language) => language.Quoted(run.Select(m => m.Label));

    protected static string TouchpointsOf(List<BurstMark> run, AlertLanguage language) => language.List(run.Select(m => m.Touchpoint).Distinct());

    /// <summary>The journey stage an alert carries when the interactions did not say.</summary>
    protected abstract JourneyStage DefaultStage { get; }

    /// <summary>The good moment <paramref name="interaction"/> resolved the alert.</summary>
    protected AlertSignal Resolve(Interaction interaction) => Resolve(interaction.Timestamp, interaction.Type, interaction.CustomerId, interaction.Id);

    private AlertSignal Resolve(BurstMark good, string customerId) => Resolve(good.At, good.Type, customerId, good.InteractionId);

    private AlertSignal Resolve(DateTimeOffset at, string? goodMomentType, string customerId, string evidence) =>
        ResolvedSignal.Of(Definition.RuleId, at, ResolveReason(goodMomentType), customerId: customerId, evidence: evidence);
}
