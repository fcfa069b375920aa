using System.Text;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Redis;
using StackExchange.Redis;

namespace CxLive.Tests.Unit.Ingestion;

/// <summary>Reading the ingest stream: integrators' entries are checked as HTTP ingest is; CxLive's own were checked when a front accepted them.</summary>
public sealed class StreamEntriesTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    private static byte[] Item(string type, string extra = "") =>
        Encoding.UTF8.GetBytes($$"""[{"id":"i-{{type}}","customerId":"c-1","timestamp":"{{Now.AddMinutes(-1):O}}","channel":"web","touchpoint":"web/search","type":"{{type}}"{{extra}}}]""");

    private static (List<Interaction> Valid, List<DeadLetter> Dead) Read(params StreamEntry[] entries)
    {
        var (valid, dead) = (new List<Interaction>(), new List<DeadLetter>());
        StreamEntries.Read(entries, ItemRules.At(Now, new IngestionOptions()), 1000, valid, dead);
        return (valid, dead);
    }

    [Fact]
    public void An_entry_a_web_front_accepted_is_not_dead_lettered_by_checks_a_newer_silo_adds()
    {
        // In a rolling upgrade an older front answered 202 to "Search" and to a year-long wait; the
        // newer silos then moved them to the dead-letter stream: accepted, then lost.
        var own = Read(
            new StreamEntry("1-1", StreamEntries.Written(Item("Search"))),
            new StreamEntry("1-2", StreamEntries.Written(Item("queue-wait", ",\"score\":31536000"))));
        Assert.Equal(2, own.Valid.Count);
        Assert.Empty(own.Dead);

        // An integrator's own XADD is checked as HTTP ingest is.
        var theirs = Read(new StreamEntry("1-3", [new NameValueEntry(StreamEntries.DataField, Item("Search"))]));
        Assert.Empty(theirs.Valid);
        Assert.Contains("did you mean 'search'?", Assert.Single(theirs.Dead).Reason);
    }
}
