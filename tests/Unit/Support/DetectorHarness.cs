using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;

namespace CxLive.Tests.Unit.Support;

/// <summary>Runs the real detector catalogue over one customer's interactions, as a grain would, with no Orleans.</summary>
public sealed class DetectorHarness
{
    private readonly CustomerDetectors _detectors = CustomerDetectors.Catalogue();
    private readonly RuleBook _rules;
    private readonly string? _focus;

    /// <param name="rules">Settings laid over the defaults.</param>
    /// <param name="focus">Only this rule's signals are returned (other rules still run, as live).</param>
    public DetectorHarness(Dictionary<string, RuleOptions>? rules = null, string? focus = null)
    {
        _focus = focus;
        var errors = new List<string>();
        _rules = RuleBook.TryCreate(_detectors.Definitions, rules ?? [], errors)
            ?? throw new InvalidOperationException(string.Join("; ", errors));
    }

    public CustomerDetectionState State { get; } = new();

    /// <summary>Feeds the interactions in the order given; returns every signal they produced, in order.</summary>
    public List<AlertSignal> Feed(params Interaction[] interactions)
    {
        var signals = new List<AlertSignal>();
        foreach (var interaction in interactions)
        {
            _detectors.Observe(_rules, State, interaction, signals);
        }

        return Focused(signals);
    }

    private List<AlertSignal> Focused(List<AlertSignal> signals) =>
        _focus is null ? signals : [.. signals.Where(s => s.RuleId == _focus)];

    /// <summary>Lets time pass to <paramref name="now"/>, as the grain does after a batch or at a reminder.</summary>
    public List<AlertSignal> Expire(DateTimeOffset now, string customerId = "c-1")
    {
        var signals = new List<AlertSignal>();
        _detectors.Expire(_rules, State, customerId, now, signals);
        return Focused(signals);
    }

    public DateTimeOffset? NextDeadline => _detectors.NextDeadline(_rules, State);

    public static Dictionary<string, RuleOptions> Rule(string ruleId, bool? enabled = null, params (string Name, string Value)[] parameters) =>
        new()
        {
            [ruleId] = new RuleOptions
            {
                Enabled = enabled,
                Parameters = parameters.ToDictionary(p => p.Name, p => p.Value),
            },
        };

    public static ImmutableArray<string> Ids(params Interaction[] interactions) => [.. interactions.Select(i => i.Id)];
}
