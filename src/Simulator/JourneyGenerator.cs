using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;

namespace CxLive.Simulator;

/// <summary>
/// Generates journeys in simulated time. Sessions start as a Poisson process; each is a scripted
/// ordinary journey or, at the configured rate, a labelled bad experience. A customer is in one
/// session at a time (and rests a minute after it), as real customers are, so the ground truth of
/// one session is not muddied by another; a session that finds no free customer is skipped.
/// Deterministic for a seed and a start time. Not thread-safe: one caller advances it.
/// </summary>
public sealed class JourneyGenerator
{
    private readonly SimulatorOptions _options;
    private readonly Random _random;
    private readonly PriorityQueue<GeneratedInteraction, (DateTimeOffset At, long Sequence)> _due = new();
    private readonly Dictionary<string, Func<Random, string, List<SessionStep>>> _bad;
    private readonly string[] _badRules;
    private readonly DateTimeOffset[] _busyUntil;
    private DateTimeOffset _nextSession;
    private long _sequence;
    private long _sessions;

    /// <param name="bursts">
    /// The burst rules of the catalogue, as their examples (<c>CustomerDetectors.BurstExamples</c>): a
    /// burst rule with no scripted story is injected from its example, so a new burst rule needs no
    /// scenario here. The simulator knows no detector; whoever runs it hands them in.
    /// </param>
    public JourneyGenerator(SimulatorOptions options, DateTimeOffset start, IEnumerable<BurstExample> bursts)
    {
        if (options.Customers < 1 || options.SessionsPerSecond <= 0 || options.BadExperienceRate is < 0 or > 1)
        {
            throw new ArgumentException("Customers must be at least 1, SessionsPerSecond above 0, BadExperienceRate from 0 to 1.", nameof(options));
        }

        _options = options;
        _random = new Random(options.Seed);
        _bad = new Dictionary<string, Func<Random, string, List<SessionStep>>>(Scenarios.Bad, StringComparer.Ordinal);
        foreach (var burst in bursts.OrderBy(b => b.RuleId, StringComparer.Ordinal))
        {
            if (!options.ScriptedBursts || !_bad.ContainsKey(burst.RuleId))
            {
                _bad[burst.RuleId] = Scenarios.FromExample(burst);
            }
        }

        _badRules = [.. _bad.Keys];
        _busyUntil = new DateTimeOffset[options.Customers];
        _nextSession = start;
        if (options.StartWithBadExperience)
        {
            StartSession(start, RuleIds.RepeatedFailedSearch);
        }
    }

    /// <summary>Sessions started so far.</summary>
    public long SessionsStarted => _sessions;

    /// <summary>
    /// Sessions not started because every customer tried was in a session or resting: the rate
    /// delivered falls short of <see cref="SimulatorOptions.SessionsPerSecond"/> when the customers
    /// are too few for it (300 customers start about 2.4 sessions a second, whatever was asked).
    /// </summary>
    public long SessionsSkipped { get; private set; }

    /// <summary>Sessions due so far, started or skipped.</summary>
    public long SessionsAsked => SessionsStarted + SessionsSkipped;

    /// <summary>A tenth or more of the sessions asked for so far (once there are 100) found every customer tried busy.</summary>
    public bool TooFewCustomers => SessionsAsked >= 100 && SessionsSkipped * 10 >= SessionsAsked;

    /// <summary>
    /// About how many customers <paramref name="sessionsPerSecond"/> needs: a session and its rest take
    /// 125 s on average (300 customers, all busy, started 2.4 a second), and with half of them free a
    /// session rarely finds 16 busy in a row.
    /// </summary>
    public static int CustomersFor(double sessionsPerSecond) => (int)Math.Ceiling(sessionsPerSecond * 2.5) * 100;

    /// <summary>The rules the simulator can inject bad experiences for.</summary>
    public IReadOnlyCollection<string> InjectableRules => _badRules;

    /// <summary>Every interaction that happens up to <paramref name="until"/>, in event-time order.</summary>
    public List<GeneratedInteraction> Advance(DateTimeOffset until)
    {
        while (_nextSession <= until)
        {
            var bad = _random.NextDouble() < _options.BadExperienceRate;
            StartSession(_nextSession, bad ? _badRules[_random.Next(_badRules.Length)] : null);
            _nextSession += TimeSpan.FromSeconds(-Math.Log(1 - _random.NextDouble()) / _options.SessionsPerSecond);
        }

        var ready = new List<GeneratedInteraction>();
        while (_due.TryPeek(out _, out var key) && key.At <= until)
        {
            ready.Add(_due.Dequeue());
        }

        return ready;
    }

    private static readonly TimeSpan Rest = TimeSpan.FromMinutes(1);

    private void StartSession(DateTimeOffset start, string? badRule)
    {
        if (FreeCustomer(start) is not { } index)
        {
            SessionsSkipped++;
            return;
        }

        var session = _sessions++;
        var customer = $"{_options.IdPrefix}-c{index:D5}";
        var caseId = $"{_options.IdPrefix}-case{session:x}";
        var steps = badRule is null
            ? Scenarios.Ordinary[_random.Next(Scenarios.Ordinary.Count)](_random, caseId)
            : _bad[badRule](_random, caseId);
        _busyUntil[index] = start + steps[^1].After + Rest;
        var injected = badRule is null ? null : new InjectedExperience(badRule, caseId);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var at = start + step.After;
            var interaction = new Interaction
            {
                Id = $"{_options.IdPrefix}-s{session:x}-{i}",
                CustomerId = customer,
                Timestamp = at,
                Channel = step.Channel,
                Touchpoint = step.Touchpoint,
                Type = step.Type,
                Outcome = step.Outcome,
                Stage = step.Stage,
                CaseId = step.CaseId,
                Score = step.Score,
                Attributes = step.Attributes,
            };
            _due.Enqueue(new GeneratedInteraction(interaction, injected), (at, _sequence++));
        }
    }

    /// <summary>A customer not in a session at <paramref name="at"/>, tried at random a few times.</summary>
    private int? FreeCustomer(DateTimeOffset at)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var index = _random.Next(_options.Customers);
            if (_busyUntil[index] <= at)
            {
                return index;
            }
        }

        return null;
    }
}
