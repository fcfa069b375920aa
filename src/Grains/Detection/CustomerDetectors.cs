using System.Collections.Frozen;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Experience;

namespace CxLive.Grains.Detection;

/// <summary>
/// Runs every enabled customer detector over one interaction. The one place that knows the
/// catalogue: grains, back-tests and unit tests all go through it.
/// </summary>
public sealed class CustomerDetectors
{
    /// <summary>
    /// In the order they observe: as given, but the experience drop last. The drop is the general
    /// rule (the score sums the other rules' moments), so when one moment fires a specific rule too,
    /// the specific alert must be the customer's conversation and the drop fold into it: "Waited
    /// 12 min in a queue" on the card, not "Experience score fell to 39" with the wait folded in.
    /// </summary>
    private readonly ICustomerDetector[] _detectors;

    /// <summary>The rules as given (the catalogue's rule-id order), for listings.</summary>
    private readonly RuleDefinition[] _listed;

    /// <summary>The enabled rule of each detector (null when off) for the last book seen: names are looked up once per book, not per interaction.</summary>
    private RulesByDetector? _lastRules;

    private sealed record RulesByDetector(RuleBook Book, ActiveRule?[] Rules);

    public CustomerDetectors(IEnumerable<ICustomerDetector> detectors, ExperienceModel? experience = null)
    {
        ICustomerDetector[] given = [.. detectors];
        _listed = [.. given.Select(d => d.Definition)];
        _detectors = [.. given.OrderBy(d => d.Definition.RuleId == RuleIds.ExperienceDrop ? 1 : 0)]; // a stable sort
        Experience = experience ?? new ExperienceModel();
    }

    /// <summary>The experience score model, updated before the detectors see each interaction.</summary>
    public ExperienceModel Experience { get; }

    /// <summary>The product's catalogue (docs/detectors.md): what grains, back-tests and tests run.</summary>
    public static CustomerDetectors Catalogue(ExperienceModel? experience = null) => new(Discovered, experience);

    /// <summary>
    /// Every customer detector of this assembly: each non-abstract <see cref="ICustomerDetector"/> with
    /// a public parameterless constructor, in rule-id order. Found once, by reflection, so a new rule
    /// joins the catalogue by being written, not by being listed. Detectors keep no state of their own
    /// (it is all in <see cref="CustomerDetectionState"/>), so one instance of each serves every caller.
    /// </summary>
    private static readonly ICustomerDetector[] Discovered = Discover();

    private static ICustomerDetector[] Discover()
    {
        ICustomerDetector[] found =
        [
            .. typeof(CustomerDetectors).Assembly.GetTypes()
                .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICustomerDetector).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
                .Select(t => (ICustomerDetector)Activator.CreateInstance(t)!)
                .OrderBy(d => d.Definition.RuleId, StringComparer.Ordinal),
        ];
        var ids = found.Select(d => d.Definition.RuleId).Append(TouchpointDegradationDetector.RuleId).Append(TouchpointSilenceDetector.RuleId);
        if (ids.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException($"Two detectors claim the rule id '{twice.Key}'.");
        }

        return found;
    }

    /// <summary>
    /// Every rule of the catalogue: the customer detectors', and touchpoint-degradation and
    /// touchpoint-silence, which the touchpoint grain hosts. The rule book, the rules API and back-tests all start from this list.
    /// </summary>
    public IEnumerable<RuleDefinition> Definitions =>
        _listed.Append(TouchpointDegradationDetector.Rule).Append(TouchpointSilenceDetector.Rule);

    /// <summary>
    /// Whether reaching the customer resolves an alert of this rule, holding these folded conditions,
    /// by itself (<see cref="RuleDefinition.ContactResolves"/>, every one of them). Folded conditions
    /// are all those it ever took in: one that cleared since still counts, so this may say "stays
    /// open" of an alert the call then closes, never the other way round.
    /// </summary>
    public static bool ContactResolves(string ruleId, IEnumerable<string> folded) =>
        ContactResolving.Contains(ruleId) && folded.All(ContactResolving.Contains);

    private static readonly FrozenSet<string> ContactResolving = Discovered.Where(d => d.Definition.ContactResolves).Select(d => d.Definition.RuleId).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Every burst rule's example (bad and good moment, default threshold and window): what the simulator injects them from and the burst tests run.</summary>
    public IEnumerable<BurstExample> BurstExamples => _detectors.OfType<BurstDetector>().Select(d => d.Example);

    /// <param name="faults">
    /// Where a detector that throws is reported while the others still run (the live grains: a bug in
    /// one rule must not stop the rest, nor fail a batch whose interactions are already recorded, so
    /// that a retry would only meet duplicates). Without it the exception propagates (tests, back-tests).
    /// </param>
    public void Observe(RuleBook rules, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals, IDetectorFaults? faults = null)
    {
        Experience.Record(state.Experience, interaction);
        Run(rules, faults, (state, interaction, signals), static (detector, rule, a) => detector.Observe(rule, a.state, a.interaction, a.signals));
    }

    /// <summary>Lets time pass up to <paramref name="now"/> for every enabled detector.</summary>
    public void Expire(RuleBook rules, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals, IDetectorFaults? faults = null) =>
        Run(rules, faults, (state, customerId, now, signals), static (detector, rule, a) => detector.Expire(rule, a.state, a.customerId, a.now, a.signals));

    /// <summary>Calls every enabled detector (static lambdas: nothing allocated per interaction).</summary>
    private void Run<T>(RuleBook rules, IDetectorFaults? faults, T args, Action<ICustomerDetector, ActiveRule, T> call)
    {
        var enabled = RulesOf(rules);
        for (var i = 0; i < _detectors.Length; i++)
        {
            if (enabled[i] is not { } rule)
            {
                continue;
            }

            try
            {
                call(_detectors[i], rule, args);
            }
            catch (Exception e) when (faults is not null)
            {
                faults.Faulted(rule.Definition.RuleId, e);
            }
        }
    }

    /// <summary>The earliest deadline of any enabled detector, or null: when the host must call <see cref="Expire"/>.</summary>
    public DateTimeOffset? NextDeadline(RuleBook rules, CustomerDetectionState state, IDetectorFaults? faults = null)
    {
        DateTimeOffset? next = null;
        var enabled = RulesOf(rules);
        for (var i = 0; i < _detectors.Length; i++)
        {
            if (enabled[i] is not { } rule)
            {
                continue;
            }

            DateTimeOffset? deadline;
            try
            {
                deadline = _detectors[i].NextDeadline(rule, state);
            }
            catch (Exception e) when (faults is not null)
            {
                faults.Faulted(rule.Definition.RuleId, e); // asked again at the host's retry
                continue;
            }

            if (deadline is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    private ActiveRule?[] RulesOf(RuleBook book)
    {
        var last = _lastRules;
        if (last is not null && ReferenceEquals(last.Book, book))
        {
            return last.Rules;
        }

        var rules = Array.ConvertAll(_detectors, d => book.Enabled(d.Definition.RuleId));
        _lastRules = new RulesByDetector(book, rules); // a reference swap: safe for grains on other threads
        return rules;
    }
}
