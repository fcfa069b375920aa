using CxLive.Contracts.Alerts;
using CxLive.Grains.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace CxLive.Tests.Unit.Alerts;

/// <summary>An incident's members are records of their own: written one by one, read back whole, and moved out of an incident that listed them.</summary>
public sealed class IncidentRecordsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer(s => s.AddAssembly(typeof(Incident).Assembly)).BuildServiceProvider();
    private BookRecords Records => new(_services.GetRequiredService<Serializer>());

    public void Dispose() => _services.Dispose();

    private static AlertSignal Signal(string rule, string? customer) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = customer,
        Touchpoint = "web/search",
        Severity = customer is null ? Severity.Critical : Severity.Warning,
        Title = rule,
        Detail = "detail",
        Evidence = ["e-" + customer],
        At = Now,
    };

    [Fact]
    public void Each_alert_joining_an_outage_writes_its_own_member_record_and_the_incident_stays_the_same_size()
    {
        var book = new AlertBookState();
        var incidentId = book.Apply(Signal(RuleIds.TouchpointDegradation, null), Now, new AlertOptions())!.Alert.IncidentId!;
        var sizes = new List<int>();
        for (var n = 0; n < 300; n++)
        {
            var changes = new BookChanges();
            book.Apply(Signal(RuleIds.RepeatedFailedSearch, $"c-{n % 200}") with { CaseId = $"case-{n}" }, Now.AddSeconds(n), new AlertOptions(), changes);
            book.Seal(changes);
            var written = Records.TakeChanges(book);
            Assert.Single(written, r => r.Key.StartsWith(BookRecords.MemberPrefix, StringComparison.Ordinal));
            sizes.Add(written.Single(r => r.Key == BookRecords.IncidentRecord(incidentId)).Value!.Length);
        }

        Assert.InRange(sizes[^1], sizes[10], sizes[10] + 8); // the 300th member costs what the 10th did (a few bytes more for larger counts)
        var incident = book.Incidents[incidentId];
        Assert.Equal((300, 200), (incident.AbsorbedAlerts, incident.AffectedCustomers));
    }

    [Fact]
    public void An_incident_that_listed_its_members_reads_back_with_the_same_alerts_customers_and_counts()
    {
        var serializer = _services.GetRequiredService<Serializer>();
        var listed = new Incident
        {
            Id = "inc-0-outage",
            Touchpoint = "web/search",
            AlertId = "0-outage",
            Title = "search is failing",
            OpenedAt = Now,
            UpdatedAt = Now,
            AlertIds = ["0-a", "3-b", "3-c", "5-d"], // one alert held here, three by other partitions (one customer with two)
            Customers = ["here", "there", "elsewhere"],
        };
        var here = new Alert
        {
            Id = "0-a",
            RuleId = RuleIds.RepeatedFailedSearch,
            Severity = Severity.Warning,
            State = AlertState.Open,
            CustomerId = "here",
            Touchpoint = "web/search",
            Title = "t",
            Detail = "d",
            RaisedAt = Now,
            UpdatedAt = Now,
            Fingerprint = "f",
            Evidence = [],
            History = [],
            IncidentId = listed.Id,
        };

        var book = Records.Read(0, new Dictionary<string, byte[]>
        {
            [BookRecords.IncidentRecord(listed.Id)] = serializer.SerializeToArray(listed),
            [BookRecords.AlertRecord(here.Id)] = serializer.SerializeToArray(here),
        });

        var view = book.IncidentView(listed.Id)!;
        Assert.Equal(listed.AlertIds.Order(), view.AlertIds.Order());
        Assert.Equal(listed.Customers.Order(), view.Customers.Order());
        Assert.Equal((4, 3), (view.AbsorbedAlerts, view.AffectedCustomers));
        Assert.Equal("here", book.Members.CustomerOf(listed.Id, "0-a"));

        // Written once in the new layout, the members are records and the incident keeps only its counts.
        var written = Records.TakeChanges(book).ToDictionary(r => r.Key, r => r.Value!);
        Assert.Equal(4, written.Keys.Count(k => k.StartsWith(BookRecords.MemberPrefix, StringComparison.Ordinal)));
        Assert.Empty(serializer.Deserialize<Incident>(written[BookRecords.IncidentRecord(listed.Id)])!.AlertIds);
        var again = Records.Read(0, written);
        Assert.Equal((4, 3), (again.Incidents[listed.Id].AbsorbedAlerts, again.Incidents[listed.Id].AffectedCustomers));
    }
}
