using System.Collections.Immutable;
using System.Globalization;
using CxLive.Contracts.Customers;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Insights;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Customers;
using CxLive.Grains.Hosting;
using CxLive.Grains.Journeys;
using CxLive.Grains.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;

namespace CxLive.Grains.Insights;

/// <summary>
/// One UTC day of alerts for insights (key <c>yyyy-MM-dd</c>). Each alert is one stored record
/// (<see cref="IRecordStore"/>: a Redis hash per day in Redis mode), so a forwarded change writes
/// only the alerts it touched. The customers' own words are read from their timelines when an
/// alert first arrives, while the timeline still has them, and kept with the alert, so examples stay
/// readable for the whole retention. The lookups are bounded (<see cref="LookupsPerTick"/> a second,
/// and at most <see cref="WordsWaiting"/> alerts wait: in a flood the newest are read, as reports show
/// the newest words) and run apart from the partition's call (on a timer, or before a report), and a
/// partition's call interleaves with them:
/// a customer grain being read may be waiting on that very partition. Only
/// today's grain is busy; older days activate for a report and are collected when idle.
/// </summary>
[GrainType("insightday")]
public sealed class InsightDayGrain(
    IRecordStore store,
    Serializer serializer,
    IOptions<InsightsOptions> options,
    TimeProvider time,
    ILogger<InsightDayGrain> logger) : Grain, IInsightDayGrain
{
    private const string FactPrefix = "a:";
    private const string OmittedRecord = "m:omitted";

    /// <summary>Word lookups a second at most, newest first; a report reads all that wait.</summary>
    private const int LookupsPerTick = 200;

    /// <summary>
    /// Alerts waiting for their words at most: beyond it the oldest waiting keep no words. Generous, so a
    /// quiet group's one alert is not pushed out by a busy group's seconds (a report shows both).
    /// </summary>
    private const int WordsWaiting = 5000;

    private readonly InsightsOptions _options = options.Value;
    private readonly Dictionary<string, AlertFact> _facts = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _wordsWanted = new(); // oldest first
    private IGrainTimer? _lookup;
    private int _omitted;
    private HeldScope _held = null!;

    private string Scope => "insights-" + this.GetPrimaryKeyString();

    private DateOnly Day => DateOnly.ParseExact(this.GetPrimaryKeyString(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private bool Expired => Day < DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime - _options.Retention);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_held, var records) = await HeldScope.ClaimAsync(store, Scope, this);
        if (Expired)
        {
            await ForgetAsync(records.Keys);
            return;
        }

        foreach (var (name, value) in records)
        {
            if (name.StartsWith(FactPrefix, StringComparison.Ordinal))
            {
                var fact = serializer.Deserialize<AlertFact>(value)!;
                _facts[fact.AlertId] = fact;
            }
            else if (name == OmittedRecord)
            {
                _omitted = serializer.Deserialize<int>(value);
            }
        }
    }

    public async Task RecordAsync(ImmutableArray<AlertFact> facts)
    {
        if (Expired)
        {
            return;
        }

        if (_facts.Count == 0 && _omitted == 0)
        {
            await ForgetFallenOutDaysAsync(); // the day's first alert
        }

        var changed = new List<KeyValuePair<string, byte[]?>>(facts.Length + 1);
        var omittedBefore = _omitted;
        foreach (var incoming in facts)
        {
            var fact = incoming;
            if (_facts.TryGetValue(fact.AlertId, out var known))
            {
                fact = fact with { Words = known.Words };
                if (fact == known)
                {
                    continue;
                }
            }
            else if (_facts.Count >= _options.AlertsPerDay)
            {
                _omitted++;
                continue;
            }
            else if (fact.CustomerId is not null && fact.Evidence.Length > 0)
            {
                _wordsWanted.AddLast(fact.AlertId);
                if (_wordsWanted.Count > WordsWaiting)
                {
                    _wordsWanted.RemoveFirst(); // the newest are the ones a report shows
                }
            }

            _facts[fact.AlertId] = fact;
            changed.Add(new(FactPrefix + fact.AlertId, serializer.SerializeToArray(fact)));
        }

        if (_wordsWanted.Count > 0)
        {
            ScheduleLookup();
        }

        if (_omitted != omittedBefore)
        {
            if (omittedBefore == 0)
            {
                logger.LogWarning("Insights for {Day} keep at most {Limit} alerts (Insights:AlertsPerDay); later alerts of the day are only counted", this.GetPrimaryKeyString(), _options.AlertsPerDay);
            }

            changed.Add(new(OmittedRecord, serializer.SerializeToArray(_omitted)));
        }

        if (changed.Count > 0)
        {
            await _held.WriteAsync(changed);
        }
    }

    public async Task<DayTally> TallyAsync(PainPointGroup by, DateTimeOffset from, DateTimeOffset to)
    {
        if (Expired)
        {
            await ForgetAsync(); // still active since before it fell out of the retention
            return new DayTally([], 0);
        }

        await LookUpWordsAsync(int.MaxValue);
        return new DayTally(PainPointTally.Tally(_facts.Values, by, from, to, _options.ExamplesPerGroup), _omitted);
    }

    public async Task ForgetAsync() => await ForgetAsync([.. _facts.Keys.Select(id => FactPrefix + id), OmittedRecord]);

    private async Task ForgetAsync(IEnumerable<string> names)
    {
        var removals = names.Select(n => new KeyValuePair<string, byte[]?>(n, null)).ToList();
        if (removals.Count > 0)
        {
            await _held.WriteAsync(removals);
        }

        _facts.Clear();
        _omitted = 0; // an empty activation costs little; Orleans collects it when idle
    }

    /// <summary>
    /// A new day forgets the days that fell out of the retention since (a week of them, so a cluster
    /// that was down a few days still forgets): nothing else would ever activate them again. Not
    /// while the host stops: a call to a day placed as the silo leaves waits for a silo to place it
    /// on (Orleans retries placement), and the stop would wait for that call; a later day's first
    /// alert forgets them.
    /// </summary>
    private async Task ForgetFallenOutDaysAsync()
    {
        var oldest = Day.AddDays(-(int)Math.Ceiling(_options.Retention.TotalDays));
        for (var back = 1; back <= 7 && !this.HostIsStopping(); back++)
        {
            await GrainFactory.Ref<IInsightDayGrain>(IInsightDayGrain.KeyOf(oldest.AddDays(-back))).ForgetAsync();
        }
    }

    private void ScheduleLookup() =>
        _lookup ??= this.RegisterGrainTimer(() => LookUpWordsAsync(LookupsPerTick), TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

    /// <summary>Reads the words of up to <paramref name="most"/> alerts waiting for them, newest first, and stores the alerts with their words.</summary>
    private async Task LookUpWordsAsync(int most)
    {
        _lookup?.Dispose();
        _lookup = null;
        if (this.HostIsStopping())
        {
            return; // the words waiting are not stored: the stop loses them either way
        }

        var ids = new List<string>(Math.Min(most, _wordsWanted.Count));
        while (ids.Count < most && _wordsWanted.Last is { } newest)
        {
            ids.Add(newest.Value);
            _wordsWanted.RemoveLast();
        }

        if (_wordsWanted.Count > 0)
        {
            ScheduleLookup();
        }

        var wanted = ids.Select(id => _facts.GetValueOrDefault(id)).OfType<AlertFact>().Where(f => f.Words is null).ToList();
        // Alerts may have changed while the words were read (RecordAsync interleaves): the words join the alert as it is now.
        var found = (await WithWordsAsync(wanted))
            .Where(f => f.Words is not null && _facts.TryGetValue(f.AlertId, out var now) && now.Words is null)
            .Select(f => _facts[f.AlertId] with { Words = f.Words })
            .ToList();
        foreach (var fact in found)
        {
            _facts[fact.AlertId] = fact;
        }

        if (found.Count > 0)
        {
            await _held.WriteAsync([.. found.Select(f => new KeyValuePair<string, byte[]?>(FactPrefix + f.AlertId, serializer.SerializeToArray(f)))]);
        }
    }

    /// <summary>The facts with the customer's own words on their evidence, read from each customer's timeline once.</summary>
    private async Task<List<AlertFact>> WithWordsAsync(List<AlertFact> facts)
    {
        var timelines = await Task.WhenAll(facts.Select(f => f.CustomerId!).Distinct(StringComparer.Ordinal)
            .Select(async c => (Customer: c, Snapshot: await GrainFactory.Ref<ICustomerGrain>(c).GetSnapshotAsync())));
        var byCustomer = timelines.ToDictionary(t => t.Customer, t => t.Snapshot.Timeline, StringComparer.Ordinal);
        return [.. facts.Select(f =>
        {
            var evidence = f.Evidence.ToHashSet(StringComparer.Ordinal);
            // The timeline is newest first: her latest words, as the card's title tells the latest
            // (a trial saw alice's first search quoted, "red running shoes 42", not where she ended).
            var said = byCustomer[f.CustomerId!].Where(i => evidence.Contains(i.Id))
                .Select(i => InteractionStories.OwnWords(i) is { } words ? new CustomerWords(f.CustomerId!, words, i.Type, i.Timestamp) : null)
                .OfType<CustomerWords>()
                .FirstOrDefault();
            return said is null ? f : f with { Words = said };
        })];
    }
}
