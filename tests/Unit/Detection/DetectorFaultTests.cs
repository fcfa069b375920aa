using System.Collections.Immutable;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Detection.Rules;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Detection;

/// <summary>A rule that throws is reported, and the customer's other rules still see the interaction.</summary>
public sealed class DetectorFaultTests
{
    private sealed class Broken : ICustomerDetector
    {
        public RuleDefinition Definition { get; } = new("broken", "Throws on every interaction.", Severity.Warning, []);

        public void Observe(ActiveRule rule, CustomerDetectionState state, Interaction interaction, List<AlertSignal> signals) =>
            throw new OverflowException("TimeSpan overflowed");

        public void Expire(ActiveRule rule, CustomerDetectionState state, string customerId, DateTimeOffset now, List<AlertSignal> signals) =>
            throw new OverflowException("TimeSpan overflowed");

        public DateTimeOffset? NextDeadline(ActiveRule rule, CustomerDetectionState state) => throw new OverflowException("TimeSpan overflowed");
    }

    private sealed class Faults : IDetectorFaults
    {
        public List<(string Rule, Exception Error)> Seen { get; } = [];

        public void Faulted(string ruleId, Exception exception) => Seen.Add((ruleId, exception));
    }

    // "broken" sorts before the search rule, so it runs first: the search rule must still run after it.
    private readonly CustomerDetectors _detectors = new([new Broken(), new RepeatedFailedSearchDetector()]);
    private readonly Journey _journey = new();

    [Fact]
    public void A_rule_that_throws_is_reported_and_the_others_still_raise_their_alerts()
    {
        var rules = RuleBook.Defaults(_detectors.Definitions);
        var state = new CustomerDetectionState();
        var signals = new List<AlertSignal>();
        var faults = new Faults();

        foreach (var search in new[] { _journey.FailedSearch(), _journey.After(TimeSpan.FromMinutes(1)).FailedSearch(), _journey.After(TimeSpan.FromMinutes(1)).FailedSearch() })
        {
            _detectors.Observe(rules, state, search, signals, faults);
        }

        _detectors.Expire(rules, state, "c-1", _journey.Now, signals, faults);
        Assert.Null(_detectors.NextDeadline(rules, state, faults)); // the other rules' deadlines (none here), not an exception

        Assert.Equal(RepeatedFailedSearchDetector.RuleId, Assert.Single(signals).RuleId);
        Assert.Equal(5, faults.Seen.Count);
        Assert.All(faults.Seen, f => Assert.Equal(("broken", "TimeSpan overflowed"), (f.Rule, f.Error.Message)));
    }

    [Fact]
    public void Without_a_place_to_report_it_the_fault_propagates_so_tests_and_back_tests_see_the_bug()
    {
        Assert.Throws<OverflowException>(() =>
            _detectors.Observe(RuleBook.Defaults(_detectors.Definitions), new CustomerDetectionState(), _journey.FailedSearch(), []));
    }
}
