using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Touchpoints;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection.Rules;
using CxLive.Grains.Touchpoints;

namespace CxLive.Grains.Detection;

/// <summary>
/// Runs the detector catalogue over recorded interactions in event time, with no Orleans: what
/// back-tests and detection-quality tests use, with exactly the code the grains run. Deadlines
/// fire at their own moment (a queue of each customer's next deadline), not at the next event.
/// </summary>
public sealed class DetectionReplay(CustomerDetectors detectors, RuleBook rules)
{
    private readonly Dictionary<string, CustomerDetectionState> _customers = new(StringComparer.Ordinal);
    private readonly PriorityQueue<string, DateTimeOffset> _deadlines = new();
    private readonly Dictionary<string, DateTimeOffset> _scheduled = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TouchpointState> _touchpoints = new(StringComparer.Ordinal);

    /// <summary>The next whole minute at which touchpoints are judged on time, as the grain's timer does.</summary>
    private DateTimeOffset? _nextCheck;

    public List<AlertSignal> Signals { get; } = [];

    /// <summary>Replays the interactions (sorted here by event time) and lets time run on to <paramref name="until"/>.</summary>
    public List<AlertSignal> Run(IEnumerable<Interaction> interactions, DateTimeOffset until)
    {
        foreach (var interaction in interactions.OrderBy(i => i.Timestamp))
        {
            CheckTouchpointsUpTo(interaction.Timestamp);
            ExpireUpTo(interaction.Timestamp);
            var state = StateOf(interaction.CustomerId);
            detectors.Observe(rules, state, interaction, Signals);
            detectors.Expire(rules, state, interaction.CustomerId, interaction.Timestamp, Signals);
            Schedule(interaction.CustomerId, state);
            ObserveTouchpoint(interaction);
        }

        CheckTouchpointsUpTo(until);
        ExpireUpTo(until);
        return Signals;
    }

    /// <summary>
    /// Time passing for touchpoints, once a minute up to <paramref name="now"/>: silence and a degraded
    /// touchpoint gone quiet are judged here. Touchpoints with nothing in the last hour and no alert
    /// open are skipped, and so are stretches where none is left to judge.
    /// </summary>
    private void CheckTouchpointsUpTo(DateTimeOffset now)
    {
        while (_nextCheck is { } check && check <= now)
        {
            var any = false;
            foreach (var (name, touchpoint) in _touchpoints)
            {
                if (TouchpointRules.NeedsTime(touchpoint, check))
                {
                    any = true;
                    TouchpointRules.Evaluate(rules, name, touchpoint, check, Signals);
                }
            }

            _nextCheck = any ? check + TouchpointRules.CheckEvery : null;
        }
    }

    private void ExpireUpTo(DateTimeOffset now)
    {
        while (_deadlines.TryPeek(out var customer, out var due) && due <= now)
        {
            _deadlines.Dequeue();
            if (_scheduled.GetValueOrDefault(customer) != due)
            {
                continue; // superseded by a later schedule
            }

            _scheduled.Remove(customer);
            var state = _customers[customer];
            detectors.Expire(rules, state, customer, due, Signals);
            Schedule(customer, state);
        }
    }

    private void Schedule(string customer, CustomerDetectionState state)
    {
        if (detectors.NextDeadline(rules, state) is { } next && _scheduled.GetValueOrDefault(customer) != next)
        {
            _scheduled[customer] = next;
            _deadlines.Enqueue(customer, next);
        }
    }

    /// <summary>As the touchpoint grain does: count, then judge the touchpoint rules at the newest event time.</summary>
    private void ObserveTouchpoint(Interaction interaction)
    {
        if (!_touchpoints.TryGetValue(interaction.Touchpoint, out var touchpoint))
        {
            _touchpoints[interaction.Touchpoint] = touchpoint = new TouchpointState();
        }

        touchpoint.Record(interaction);
        TouchpointRules.Evaluate(rules, interaction.Touchpoint, touchpoint, touchpoint.LastSeen!.Value, Signals);
        _nextCheck ??= interaction.Timestamp + TouchpointRules.CheckEvery;
    }

    private CustomerDetectionState StateOf(string customer)
    {
        if (!_customers.TryGetValue(customer, out var state))
        {
            _customers[customer] = state = new CustomerDetectionState();
        }

        return state;
    }
}
