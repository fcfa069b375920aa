using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>Redis mode with one real silo process and a real redis-server: what integrators stream in is counted exactly, kept through kill -9, or parked with its reason.</summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed class StreamIngestionTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string Stream => _service + ":interactions";

    /// <summary>
    /// How late a deadline that passed while no silo held its reminder fires, at most: the reminder's
    /// period (<c>Customers:DeadlineRecheck</c>, one minute by default), shortened so that a test of a
    /// deadline across a restart waits seconds rather than that minute.
    /// </summary>
    private static readonly TimeSpan DeadlinePeriod = TimeSpan.FromSeconds(5);

    private static Dictionary<string, string> WithShortDeadlinePeriod(Dictionary<string, string> settings)
    {
        settings["Customers:DeadlineRecheck"] = DeadlinePeriod.ToString();
        return settings;
    }

    [Fact]
    public async Task Entries_added_to_the_stream_are_counted_exactly_per_customer_and_per_touchpoint_resends_included()
    {
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, _service, Stream));
        var now = DateTimeOffset.UtcNow;
        var customers = Enumerable.Range(0, 60).Select(_ => NewCustomer()).ToList();
        var touchpoint = "web/" + _service;
        var sent = customers.SelectMany(c => Enumerable.Range(0, 50).Select(n =>
            Make(c, now.AddSeconds(n - 60), InteractionTypes.PageView, touchpoint, id: $"{c}-{n}"))).ToList();

        await StreamTraffic.AddAsync(redis.Db, Stream, sent);
        await StreamTraffic.AddAsync(redis.Db, Stream, sent.Where((_, n) => n % 10 == 0)); // an integrator retrying: the same ids again
        await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);

        foreach (var customer in customers)
        {
            Assert.Equal(50, await StreamTraffic.InteractionCountAsync(silo.Http, customer));
        }

        Assert.Equal(3000, await StreamTraffic.TouchpointTotalAsync(silo.Http, touchpoint));

        // Acknowledged entries are trimmed away (approximately: Redis keeps the last partial node).
        await Eventually.TrueAsync(async () => await redis.Db.StreamLengthAsync(Stream) < 500, TimeSpan.FromSeconds(30), "the stream to be trimmed");
    }

    [Fact]
    public async Task Trimming_keeps_every_entry_another_consumer_group_has_not_read_yet()
    {
        await redis.Db.StreamCreateConsumerGroupAsync(Stream, "integrator-audit", "0-0", createStream: true);
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, _service, Stream));
        var customer = NewCustomer();
        await StreamTraffic.AddAsync(redis.Db, Stream, Enumerable.Range(0, 1000).Select(n => Make(customer, DateTimeOffset.UtcNow.AddSeconds(-n), InteractionTypes.PageView)));
        await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);

        // The trimmer ran twice after CxLive acknowledged everything (each run starts with the one
        // XINFO GROUPS nothing else sends from here on)...
        var trims = await redis.CommandCallsAsync("xinfo|groups");
        await Eventually.TrueAsync(async () => await redis.CommandCallsAsync("xinfo|groups") >= trims + 2, TimeSpan.FromSeconds(10), "two more trims");
        Assert.Equal(1000, await StreamTraffic.InteractionCountAsync(silo.Http, customer));
        Assert.Equal(1000, await redis.Db.StreamLengthAsync(Stream)); // ...and kept what the audit group has not read

        var read = await redis.Db.StreamReadGroupAsync(Stream, "integrator-audit", "auditor", ">", 2000);
        await redis.Db.StreamAcknowledgeAsync(Stream, "integrator-audit", [.. read.Select(e => e.Id)]);
        await Eventually.TrueAsync(async () => await redis.Db.StreamLengthAsync(Stream) < 500, TimeSpan.FromSeconds(10), "the stream to be trimmed once the audit group has read it");
    }

    [Fact]
    public async Task A_bad_entry_goes_to_the_dead_letter_stream_with_its_reason_and_the_good_ones_beside_it_are_kept()
    {
        await using var silo = await SiloProcess.StartAsync(SiloProcess.SettingsFor(redis, _service, Stream));
        var customer = NewCustomer();
        var good = Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView);
        var noChannel = Wire.Json(good with { Id = "bad-1" }).Replace("\"channel\":\"web\",", "");

        await StreamTraffic.AddAsync(redis.Db, Stream, [good]);
        await redis.Db.StreamAddAsync(Stream, "data", noChannel);
        await redis.Db.StreamAddAsync(Stream, "data", "{ not json");
        await redis.Db.StreamAddAsync(Stream, "payload", "{}");
        // Two 'data' fields in one XADD: the second was dropped without a word.
        await redis.Db.StreamAddAsync(Stream, [new("data", Wire.Json(good with { Id = "twice-1" })), new("data", Wire.Json(good with { Id = "twice-2" }))]);
        // Taken, but perhaps not as meant: a stream writer reads no answer, so the silo's log says it.
        var survey = Make(customer, DateTimeOffset.UtcNow, InteractionTypes.Survey, "survey/post-visit", score: 4);
        await StreamTraffic.AddAsync(redis.Db, Stream, [survey]);
        await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);

        Assert.Equal(4, await StreamTraffic.InteractionCountAsync(silo.Http, customer));
        await silo.WaitForOutputAsync($"Took 1 stream items with warnings (read, but perhaps not as meant); the first, item {survey.Id} of entry", TimeSpan.FromSeconds(10), "the warning in the silo's log");
        var dead = await redis.Db.StreamRangeAsync(Stream + ":dead");
        Assert.Equal(3, dead.Length);
        Assert.Equal(noChannel, dead[0]["data"].ToString());
        Assert.Contains("channel", dead[0]["reason"].ToString());
        Assert.Equal("{ not json", dead[1]["data"].ToString());
        Assert.Contains("not valid JSON", dead[1]["reason"].ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("no 'data' field (it has 'payload')", dead[2]["reason"].ToString());
        Assert.Equal("{}", dead[2]["field:payload"].ToString()); // kept, to be fixed and replayed: the stream is trimmed
        Assert.All(dead, d => Assert.False(d["entry"].IsNullOrEmpty));
    }

    [Fact]
    public async Task A_silo_slower_than_ReclaimAfter_does_not_take_over_its_own_entries_nor_dead_letter_them_twice()
    {
        // Every look for stale entries finds this silo's own, read a moment ago and held for its next
        // checkpoint: as a batch or a checkpoint slower than ReclaimAfter under load. A full run once
        // dead-lettered each bad entry twice that way.
        var settings = SiloProcess.SettingsFor(redis, _service, Stream);
        settings["RedisStreams:ReclaimAfter"] = "00:00:00.001";
        settings["RedisStreams:ReclaimEvery"] = "00:00:00.001";
        await using var silo = await SiloProcess.StartAsync(settings);
        var customer = NewCustomer();
        await redis.Db.StreamAddAsync(Stream, "data", "{ not json");
        await StreamTraffic.AddAsync(redis.Db, Stream, [Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView)]); // grain calls: the batch takes more than a millisecond
        await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);

        Assert.Equal(1, await StreamTraffic.InteractionCountAsync(silo.Http, customer));
        Assert.Single(await redis.Db.StreamRangeAsync(Stream + ":dead"));
        Assert.DoesNotContain("Took over", silo.AllOutput()); // nothing was left by anyone
    }

    [Fact]
    public async Task Interactions_answered_with_202_are_kept_even_when_the_silo_is_killed_the_next_instant()
    {
        var settings = SiloProcess.SettingsFor(redis, _service, Stream);
        var customer = NewCustomer();
        var batch = Enumerable.Range(0, 200).Select(n => Make(customer, DateTimeOffset.UtcNow.AddSeconds(-n), InteractionTypes.PageView)).ToArray();

        await using (var silo = await SiloProcess.StartAsync(settings))
        {
            var response = await silo.Http.PostAsync("api/interactions", Wire.Body(batch));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(settings);
        await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);
        Assert.Equal(200, await StreamTraffic.InteractionCountAsync(restarted.Http, customer));
    }

    [Fact]
    public async Task State_alerts_rules_and_deadlines_survive_kill_9_and_the_SLA_alert_fires_after_the_restart()
    {
        var settings = WithShortDeadlinePeriod(SiloProcess.SettingsFor(redis, _service, Stream));
        var customer = NewCustomer();

        await using (var silo = await SiloProcess.StartAsync(settings))
        {
            var now = DateTimeOffset.UtcNow;
            // The 2 h reply SLA of this complaint runs out 20 s from now: after the kill below, and
            // most often after the restart too (should the restart outlast it, the reminder's next
            // period fires it, as the next test shows).
            var complaint = Make(customer, now - TimeSpan.FromHours(2) + TimeSpan.FromSeconds(20), InteractionTypes.Complaint) with { CaseId = "case-1", Channel = Channel.Email };
            var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, now.AddSeconds(n - 3))).ToArray();
            await StreamTraffic.AddAsync(redis.Db, Stream, [complaint, .. searches]);
            await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain);
            (await silo.Http.PutAsync("api/rules/long-wait", Wire.Body("""{ "enabled": false, "parameters": { "seconds": "120" } }"""))).EnsureSuccessStatusCode();
            // Still within the SLA when killed: the breach can only come from the reminder kept in Redis.
            var before = Assert.Single(await StreamTraffic.AlertsAsync(silo.Http, $"&customerId={customer}"));
            Assert.StartsWith("Complaint reply due by", Conversations.WordsOf(before, "unanswered-complaint").Split(": ", 2)[^1]);
            silo.Kill();
        }

        await using var restarted = await SiloProcess.StartAsync(settings);
        Assert.Equal(4, await StreamTraffic.InteractionCountAsync(restarted.Http, customer));
        var rule = await Wire.ReadObject(await restarted.Http.GetAsync("api/rules/long-wait"));
        Assert.False((bool)rule["enabled"]!);
        Assert.Equal("120", (string)rule["parameters"]!["seconds"]!);
        // One customer, one conversation: the failed searches and the complaint's warning are one
        // alert (whichever was raised first holds the other, folded), kept across the kill with its fold.
        var kept = await StreamTraffic.AlertsAsync(restarted.Http, $"&customerId={customer}");
        var conversation = Assert.Single(kept);
        Assert.True(Conversations.Holds(conversation, "repeated-failed-search"), conversation!.ToJsonString());
        Assert.True(Conversations.Holds(conversation, "unanswered-complaint"), conversation.ToJsonString());

        // No interaction arrives from here on: only the reminder, kept in Redis, can move the alert on.
        var breached = await Eventually.ResultAsync(
            () => StreamTraffic.AlertsAsync(restarted.Http, $"&customerId={customer}"),
            alerts => alerts is [var one] && Conversations.WordsOf(one, "unanswered-complaint").Contains("past its"),
            TimeSpan.FromSeconds(60),
            "the unanswered-complaint alert to pass its SLA");
        Assert.Equal("open", breached[0]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deadline_that_passes_while_the_silo_is_down_fires_within_the_reminders_period_of_the_restart()
    {
        // Orleans skips a reminder's tick that passed before a silo loaded it, to the reminder's next
        // period: at a period of 10 min, a complaint's SLA breach due during a restart came up to 10 min
        // late (seen in a loaded full run, where the restart above outlasted its 30 s). The period is
        // one minute by default; this silo's is 5 s.
        var settings = WithShortDeadlinePeriod(SiloProcess.SettingsFor(redis, _service, Stream));
        var customer = NewCustomer();
        DateTimeOffset due;
        await using (var silo = await SiloProcess.StartAsync(settings))
        {
            due = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10); // from the start on: a slow start must not let it pass before the kill
            var complaint = Make(customer, due - TimeSpan.FromHours(2), InteractionTypes.Complaint) with { CaseId = "case-1", Channel = Channel.Email };
            await StreamTraffic.AddAsync(redis.Db, Stream, [complaint]);
            await StreamTraffic.DrainedAsync(redis.Db, Stream, Drain); // acknowledged: its state and reminder are in Redis
            silo.Kill();
            Assert.True(DateTimeOffset.UtcNow < due, "killed after the deadline: the breach may have been raised before the kill, and nothing here would tell");
        }

        // Down across the deadline: time has to pass in Redis and in the silo alike, no clock to move.
        var downUntil = due + TimeSpan.FromSeconds(1) - DateTimeOffset.UtcNow;
        if (downUntil > TimeSpan.Zero)
        {
            await Task.Delay(downUntil);
        }

        await using var restarted = await SiloProcess.StartAsync(settings);
        await Eventually.TrueAsync(
            async () => await StreamTraffic.AlertsAsync(restarted.Http, $"&customerId={customer}") is [var one] && Conversations.WordsOf(one, "unanswered-complaint").Contains("past its"),
            DeadlinePeriod + TimeSpan.FromSeconds(30), // the reminder's period and room for a loaded machine
            "the SLA breach that fell due while the silo was down");
    }
}
