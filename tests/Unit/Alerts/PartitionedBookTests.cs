using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;

namespace CxLive.Tests.Unit.Alerts;

/// <summary>
/// The alert book split into partitions, driven the way the grains drive it (signals routed by
/// customer or touchpoint, one-way messages between partitions delivered in turn): the
/// per-customer policies hold whatever the number of partitions, and incidents gather customers
/// from every partition.
/// </summary>
public sealed class PartitionedBookTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly AlertOptions _options = new();

    /// <summary>A cluster's partitions in memory, with the messages the grains send each other carried out at once.</summary>
    private sealed class Partitions
    {
        private readonly AlertOptions _options;

        public Partitions(int count, AlertOptions options)
        {
            _options = options;
            Books = [.. Enumerable.Range(0, count).Select(p => new AlertBookState { Partition = p })];
        }

        public AlertBookState[] Books { get; }

        public AlertBookState Of(AlertSignal signal) => Books[AlertPartitions.Of(signal.CustomerId ?? signal.Touchpoint!, Books.Length)];

        public BookChanges Apply(AlertSignal signal, DateTimeOffset now)
        {
            var book = Of(signal);
            var changes = book.Apply(signal, now, _options, new BookChanges());
            Deliver(book, changes, now);
            return changes;
        }

        public BookChanges ResolveIncident(string incidentId, DateTimeOffset now, string? note = null)
        {
            var book = Books[AlertPartitions.OfId(incidentId)!.Value];
            var changes = new BookChanges();
            book.ResolveIncident(incidentId, now, "supervisor:li", changes, note);
            Deliver(book, changes, now);
            return changes;
        }

        public IEnumerable<Alert> All => Books.SelectMany(b => b.ById.Values);

        /// <summary>What AlertBookGrain.TellOtherPartitionsAsync sends: absorb, attach, resolve what was absorbed.</summary>
        private void Deliver(AlertBookState from, BookChanges changes, DateTimeOffset now)
        {
            foreach (var opened in changes.OpenedIncidents)
            {
                foreach (var other in Books.Where(b => b != from))
                {
                    var members = other.AbsorbInto(from.Incidents[opened.Id], now, _options, new BookChanges());
                    from.Attach(opened.Id, members, now, new BookChanges());
                }
            }

            foreach (var (closed, by, note) in changes.ClosedIncidents)
            {
                foreach (var other in Books.Where(b => b != from))
                {
                    other.ResolveAbsorbed(closed.Id, now, by, new BookChanges(), note);
                }
            }

            foreach (var (incidentId, member) in changes.ToAttach)
            {
                Books[AlertPartitions.OfId(incidentId)!.Value].Attach(incidentId, [member], now, new BookChanges());
            }
        }
    }

    private static AlertSignal Raise(string rule, string? customer, string touchpoint = "web/search", int n = 0) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = customer,
        Touchpoint = touchpoint,
        Severity = Severity.Warning,
        Title = rule,
        Detail = "detail",
        Evidence = [$"{rule}-{customer}-{n}"],
        At = Now.AddSeconds(n),
    };

    private static AlertSignal Resolve(string rule, string customer) => new()
    {
        Kind = SignalKind.Resolve,
        RuleId = rule,
        CustomerId = customer,
        Severity = Severity.Warning,
        Title = rule,
        Detail = "cleared",
        Evidence = [],
        At = Now,
    };

    /// <summary>Forty customers, each with a day of conditions: repeats, a fifth rule over the budget, a cleared one.</summary>
    private static IEnumerable<AlertSignal> ADay()
    {
        string[] rules = ["detractor", "long-wait", "payment-failure", "push-fatigue", "order-status-failure"];
        for (var c = 0; c < 40; c++)
        {
            var customer = $"customer-{c}";
            for (var r = 0; r < rules.Length; r++)
            {
                yield return Raise(rules[r], customer, n: c * 10 + r);
                yield return Raise(rules[r], customer, n: c * 10 + r); // the same condition again: dedup
            }

            yield return Resolve("detractor", customer);
        }
    }

    /// <summary>A customer's alerts as they read, whatever partition keeps them (the id's partition prefix set aside).</summary>
    private static string Outcome(IEnumerable<Alert> alerts) => string.Join("\n", alerts
        .OrderBy(a => a.CustomerId).ThenBy(a => a.RuleId)
        .Select(a => $"{a.CustomerId} {a.RuleId} {a.State} x{a.Occurrences} folded:{string.Join(",", a.Folded)} {a.Id[(a.Id.IndexOf('-') + 1)..]}"));

    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(16)]
    public void A_customers_budget_dedup_and_folds_hold_however_many_partitions_there_are(int count)
    {
        var single = new Partitions(1, _options);
        var split = new Partitions(count, _options);
        foreach (var signal in ADay())
        {
            single.Apply(signal, signal.At);
            split.Apply(signal, signal.At);
        }

        Assert.Equal(Outcome(single.All), Outcome(split.All));
        Assert.All(split.All.GroupBy(a => a.CustomerId), customer => Assert.Single(customer)); // one conversation: the rest folded into the first
        Assert.True(split.Books.Count(b => b.ById.Count > 0) > count / 2, "customers spread over the partitions");
        Assert.All(split.Books, b => Assert.All(b.ById.Values, a => Assert.Equal(b.Partition, AlertPartitions.OfId(a.Id))));
    }

    [Fact]
    public void An_incident_gathers_the_customers_of_every_partition_and_resolving_it_closes_their_alerts()
    {
        var cluster = new Partitions(8, _options);
        var before = Enumerable.Range(0, 12).Select(c => cluster.Apply(Raise("repeated-failed-search", $"early-{c}", n: c), Now).Alerts.Single().Alert).ToList();

        var opened = cluster.Apply(Raise("touchpoint-degradation", customer: null, n: 20), Now.AddMinutes(1));
        var incidentId = Assert.Single(opened.OpenedIncidents).Id;
        var home = cluster.Books[AlertPartitions.OfId(incidentId)!.Value];

        // Customers of every partition that already had an alert there joined it, and so does one raised later anywhere.
        var later = cluster.Apply(Raise("repeated-failed-search", "late", n: 30), Now.AddMinutes(2)).Alerts.Single().Alert;
        Assert.Equal(incidentId, later.IncidentId);
        Assert.Equal(13, home.Incidents[incidentId].AffectedCustomers);
        Assert.All(before, a => Assert.Equal(incidentId, cluster.All.Single(x => x.Id == a.Id).IncidentId));
        Assert.True(before.Select(a => AlertPartitions.OfId(a.Id)).Distinct().Count() > 3, "the early customers live in several partitions");

        cluster.ResolveIncident(incidentId, Now.AddMinutes(30), note: "search index rebuilt");

        Assert.All(cluster.All.Where(a => a.CustomerId is not null), a => Assert.Equal(AlertState.Resolved, a.State));
        // Whoever resolved it, and why, reads the same on every alert it closed, in whichever partition.
        Assert.All(cluster.All, a => Assert.Equal("supervisor:li", a.History[^1].By));
        Assert.All(cluster.All, a => Assert.EndsWith("search index rebuilt", a.History[^1].Note));
        Assert.All(cluster.Books, b => Assert.Empty(b.OpenIncidentByTouchpoint));
    }

    [Fact]
    public void A_directory_copy_that_arrives_after_a_newer_one_changes_nothing()
    {
        var book = new AlertBookState { Partition = 1 };
        var silence = new Silence { Id = "s-1", RuleId = "long-wait", Author = "li", Comment = "migration", CreatedAt = Now, ExpiresAt = Now.AddHours(1) };
        var incidents = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("web/search", "inc-0-x");

        book.Sync(new AlertDirectorySnapshot([silence], incidents, Version: 6));
        book.Sync(new AlertDirectorySnapshot([], System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, Version: 5)); // a refresh overtaken

        Assert.Equal(["s-1"], book.Silences.Keys);
        Assert.Equal("inc-0-x", book.OpenIncidentByTouchpoint["web/search"]);
        book.Sync(new AlertDirectorySnapshot([], System.Collections.Immutable.ImmutableDictionary<string, string>.Empty, Version: 7));
        Assert.Empty(book.Silences);
    }

    [Fact]
    public void An_absorb_that_arrives_after_its_incident_closed_holds_no_alert()
    {
        var cluster = new Partitions(8, _options);
        var outage = Raise("touchpoint-degradation", customer: null, n: 20);
        var opened = cluster.Apply(outage, Now.AddMinutes(1));
        var incident = cluster.Books[AlertPartitions.OfId(Assert.Single(opened.OpenedIncidents).Id)!.Value].Incidents.Values.Single();
        cluster.ResolveIncident(incident.Id, Now.AddMinutes(10));

        // A customer of another partition fails on the page after the outage was resolved: her own card.
        var customer = Enumerable.Range(0, 100).Select(c => $"after-{c}").First(c => AlertPartitions.Of(c, 8) != AlertPartitions.OfId(incident.Id));
        var raised = cluster.Apply(Raise("repeated-failed-search", customer, n: 700), Now.AddMinutes(11)).Alerts.Single().Alert;
        Assert.Null(raised.IncidentId);

        // The "absorb into" sent when the incident opened arrives only now, overtaken by its close.
        var book = cluster.Books[AlertPartitions.OfId(raised.Id)!.Value];
        var joined = book.AbsorbInto(incident, Now.AddMinutes(11), _options, new BookChanges());

        Assert.Empty(joined);
        Assert.Null(book.ById[raised.Id].IncidentId); // still on the wall as her own card, with her prompt
        Assert.Empty(book.OpenIncidentByTouchpoint); // and the next customer's alert is not held by the closed incident either
    }
}
