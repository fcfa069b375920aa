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
        var (valid, dead, _) = ReadWithWarnings(entries);
        return (valid, dead);
    }

    private static (List<Interaction> Valid, List<DeadLetter> Dead, List<(RedisValue Entry, ItemWarning Warning)> Warned) ReadWithWarnings(params StreamEntry[] entries)
    {
        var (valid, dead, warned) = (new List<Interaction>(), new List<DeadLetter>(), new List<(RedisValue, ItemWarning)>());
        StreamEntries.Read(entries, ItemRules.At(Now, new IngestionOptions()), 1000, valid, dead, warned);
        return (valid, dead, warned);
    }

    /// <summary>An integrator's XADD with two 'data' fields: the second was dropped, neither ingested nor dead-lettered.</summary>
    [Fact]
    public void Every_data_field_of_an_entry_is_read()
    {
        var read = Read(new StreamEntry("1-1", [new NameValueEntry(StreamEntries.DataField, Item("search")), new NameValueEntry(StreamEntries.DataField, Item("page-view"))]));

        Assert.Equal(["i-search", "i-page-view"], read.Valid.Select(i => i.Id));
        Assert.Empty(read.Dead);
    }

    /// <summary>The cap on items is the entry's, not each field's: two fields of the cap each held twice as many.</summary>
    [Fact]
    public void An_entry_holds_at_most_the_cap_of_items_across_its_data_fields()
    {
        var (valid, dead) = (new List<Interaction>(), new List<DeadLetter>());
        StreamEntries.Read([new StreamEntry("1-1", [new NameValueEntry(StreamEntries.DataField, Item("search")), new NameValueEntry(StreamEntries.DataField, Item("page-view"))])],
            ItemRules.At(Now, new IngestionOptions()), 1, valid, dead);

        Assert.Equal("i-search", Assert.Single(valid).Id);
        Assert.StartsWith("the entry holds more than 1 items across its 'data' fields", Assert.Single(dead).Reason);
    }

    /// <summary>A payload under another name went to the dead letters empty, and was gone once the stream was trimmed.</summary>
    [Fact]
    public void An_entry_without_a_data_field_is_dead_lettered_with_every_field_it_had_and_what_to_name_it()
    {
        var letter = Assert.Single(Read(new StreamEntry("1-1", [new NameValueEntry("json", Item("search")), new NameValueEntry("source", "shop")])).Dead);

        Assert.Equal("the entry has no 'data' field (it has 'json', 'source'): put the interaction's JSON (an object or an array) in a field named 'data'", letter.Reason);
        var fields = letter.Fields("silo-1").ToDictionary(f => (string)f.Name!, f => f.Value);
        Assert.Equal(Item("search"), (byte[])fields["field:json"]!);
        Assert.Equal("shop", (string?)fields["field:source"]);
        Assert.Equal("1-1", (string?)fields["entry"]);
    }

    /// <summary>Two objects in one 'data' field: HTTP's advice (a content type) means nothing to a stream writer.</summary>
    [Fact]
    public void Objects_one_after_another_in_an_entry_are_dead_lettered_with_advice_a_stream_writer_can_follow()
    {
        var one = Encoding.UTF8.GetString(Item("search")).Trim('[', ']');
        var letter = Assert.Single(Read(new StreamEntry("1-1", [new NameValueEntry(StreamEntries.DataField, one + "\n" + one)])).Dead);

        Assert.EndsWith("Several objects one after another: put them inside a JSON array, or one in each 'data' field (or entry)", letter.Reason);
        Assert.DoesNotContain("Content-Type", letter.Reason);
    }

    /// <summary>Over HTTP the answer names an item read perhaps otherwise than meant; from the stream, the reader hands them on to be logged and counted.</summary>
    [Fact]
    public void Items_taken_with_a_warning_are_handed_back_with_their_entry()
    {
        var read = ReadWithWarnings(new StreamEntry("1-7", [new NameValueEntry(StreamEntries.DataField, Item("survey", ",\"score\":4"))]));

        Assert.Single(read.Valid);
        var (entry, warning) = Assert.Single(read.Warned);
        Assert.Equal("1-7", (string?)entry);
        Assert.Equal("i-survey", warning.Id);
        Assert.StartsWith("attributes.scale: not given", warning.Warning);
    }

    [Fact]
    public void An_entry_a_web_front_accepted_is_not_dead_lettered_by_checks_a_newer_silo_adds()
    {
        // In a rolling upgrade an older front answered 202 to "Search" and to a year-long wait; the
        // newer silos then moved them to the dead-letter stream: accepted, then lost.
        var own = Read(
            new StreamEntry("1-1", StreamEntries.Written(Item("Search"))),
            new StreamEntry("1-2", StreamEntries.Written(Item("queue-wait", ",\"score\":31536000"))),
            new StreamEntry("1-4", StreamEntries.Written(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Item("search")).Replace("\"c-1\"", "\"  \""))))); // a blank customer id, refused since
        Assert.Equal(3, own.Valid.Count);
        Assert.Empty(own.Dead);

        // An integrator's own XADD is checked as HTTP ingest is.
        var theirs = Read(new StreamEntry("1-3", [new NameValueEntry(StreamEntries.DataField, Item("Search"))]));
        Assert.Empty(theirs.Valid);
        Assert.Contains("did you mean 'search'?", Assert.Single(theirs.Dead).Reason);
    }
}
