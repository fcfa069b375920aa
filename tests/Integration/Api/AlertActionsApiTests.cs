using System.Net;
using System.Text.Json.Nodes;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>Acting on alerts over HTTP: the state machine's answers, validation, paging, silences.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertActionsApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow.AddMinutes(-5);

    public void Dispose() => _http.Dispose();

    private async Task<string> RaiseAsync(string customer)
    {
        var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, _now.AddSeconds(n))).ToArray();
        Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(searches))).StatusCode);
        var alerts = await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"));
        return (string)alerts.Single()!["id"]!;
    }

    private Task<HttpResponseMessage> Post(string path, string json = "") => _http.PostAsync(path, Body(json));

    [Fact]
    public async Task Acknowledge_then_resolve_moves_the_alert_and_keeps_who_did_what_in_its_history()
    {
        var id = await RaiseAsync(NewCustomer());

        var acked = await ReadObject(await Post($"api/alerts/{id}/ack", """{ "by": "supervisor:li", "note": "looking" }"""));
        Assert.Equal("acknowledged", (string)acked["state"]!);

        var again = await Post($"api/alerts/{id}/ack");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var conflict = await ReadObject(again);
        Assert.Equal("acknowledged", (string)conflict["state"]!);
        Assert.Contains("already acknowledged", (string)conflict["detail"]!);

        var resolved = await ReadObject(await Post($"api/alerts/{id}/resolve", """{ "note": "called her" }"""));
        Assert.Equal("resolved", (string)resolved["state"]!);
        Assert.Equal("lost", (string)resolved["outcome"]!); // nothing succeeded for her since the alert
        var history = resolved["history"]!.AsArray().Select(h => ((string)h!["by"]!, (string)h["note"]!)).ToList();
        Assert.Contains(("supervisor:li", "acknowledged: looking"), history);
        // The outcome was CxLive's reading, not the supervisor's: the history says so ("resolved" beside "lost" read as their judgement).
        Assert.Contains(("supervisor", "resolved; counted lost, since nothing she did after the alert worked (nobody said how it ended): called her"), history);

        Assert.Equal(HttpStatusCode.Conflict, (await Post($"api/alerts/{id}/snooze", $$"""{ "until": "{{DateTimeOffset.UtcNow.AddHours(1):O}}" }""")).StatusCode);
    }

    [Fact]
    public async Task A_customer_who_succeeded_after_the_alert_counts_as_recovered_when_it_is_resolved_by_hand()
    {
        var customer = NewCustomer();
        var id = await RaiseAsync(customer);
        await _http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow, "order-placed", "web/checkout")));

        var resolved = await ReadObject(await Post($"api/alerts/{id}/resolve"));
        Assert.Equal("recovered", (string)resolved["outcome"]!);
        var step = resolved["history"]!.AsArray()[^1]!;
        Assert.Equal("resolved; counted recovered, since she did something that worked after the alert (nobody said how it ended)", (string)step["note"]!);
        Assert.Equal("已解决；未注明结果，因告警之后客户有成功的操作，计为已挽回", (string)step["translations"]!["zh-CN"]!);

        // Said by the person: their word, and no more.
        var other = await RaiseAsync(NewCustomer());
        var said = await ReadObject(await Post($"api/alerts/{other}/resolve", """{ "outcome": "recovered" }"""));
        Assert.Equal("resolved", (string)said["history"]!.AsArray()[^1]!["note"]!);
    }

    [Theory]
    [InlineData("assign", "{}", "agentId", "is required")]
    [InlineData("snooze", "{}", "until", "is required")]
    [InlineData("snooze", """{ "until": "tomorrow" }""", "until", "must be an ISO 8601 date-time with an offset")]
    [InlineData("snooze", """{ "until": "2020-01-01T00:00:00Z" }""", "until", "must be in the future")]
    [InlineData("resolve", """{ "outcome": "happy" }""", "outcome", "must be one of recovered, lost")]
    [InlineData("resolve", """{ "outcome": 1 }""", "outcome", "must be one of recovered, lost")]
    [InlineData("snooze", """{ "until": "2030-01-01T00:00:00" }""", "until", "must be an ISO 8601 date-time with an offset")]
    [InlineData("snooze", """{ "until": 5 }""", "until", "must be an ISO 8601 date-time with an offset")]
    [InlineData("ack", """{ "note": true }""", "note", "must be a non-empty string")]
    [InlineData("ack", """{ "note": "a\u0007b" }""", "note", "must not contain control characters")]
    public async Task Bad_fields_are_a_400_that_names_them(string action, string body, string field, string reason)
    {
        var id = await RaiseAsync(NewCustomer());

        var response = await Post($"api/alerts/{id}/{action}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObject(response);
        Assert.StartsWith(reason, (string)problem["errors"]![field]![0]!);
    }

    [Fact]
    public async Task Assign_and_snooze_change_owner_and_state_and_an_unknown_alert_is_404()
    {
        var id = await RaiseAsync(NewCustomer());

        var assigned = await ReadObject(await Post($"api/alerts/{id}/assign", """{ "agentId": "wang.wei" }"""));
        Assert.Equal("wang.wei", (string)assigned["assignedTo"]!);
        // The history names the agent as the card's owner field does: by the roster's name.
        Assert.Equal("assigned to Wang Wei", (string)assigned["history"]!.AsArray()[^1]!["note"]!);
        Assert.Equal("已分派给 Wang Wei", (string)assigned["history"]!.AsArray()[^1]!["translations"]!["zh-CN"]!);
        var until = DateTimeOffset.UtcNow.AddHours(2);
        var snoozed = await ReadObject(await Post($"api/alerts/{id}/snooze", $$"""{ "until": "{{until:O}}" }"""));
        Assert.Equal("snoozed", (string)snoozed["state"]!);
        Assert.Equal(until, DateTimeOffset.Parse((string)snoozed["snoozedUntil"]!));

        Assert.Equal(HttpStatusCode.NotFound, (await Post("api/alerts/no-such-alert/ack")).StatusCode);
    }

    [Fact]
    public async Task Alerts_page_newest_first_through_the_Link_header()
    {
        var touchpoint = "web/paging-" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 5; i++)
        {
            var customer = NewCustomer();
            var searches = Enumerable.Range(0, 3).Select(n => FailedSearch(customer, _now.AddSeconds(n)) with { Touchpoint = touchpoint }).ToArray();
            await _http.PostAsync("api/interactions", Body(searches));
        }

        var seen = new List<string>();
        var next = $"api/alerts?touchpoint={Uri.EscapeDataString(touchpoint)}&limit=2";
        while (next is not null)
        {
            var page = await _http.GetAsync(next);
            seen.AddRange((await ReadArray(page)).Select(a => (string)a!["id"]!));
            next = page.Headers.TryGetValues("Link", out var links) ? links.Single().Split('>')[0].TrimStart('<').TrimStart('/') : null;
        }

        var all = (await ReadArray(await _http.GetAsync($"api/alerts?touchpoint={Uri.EscapeDataString(touchpoint)}"))).Select(a => (string)a!["id"]!);
        Assert.Equal(all, seen);
        Assert.Equal(5, seen.Count);

        // Parameter names in another case are the same parameters, and the next link carries one cursor.
        var first = await _http.GetAsync($"api/alerts?Touchpoint={Uri.EscapeDataString(touchpoint)}&LIMIT=2");
        Assert.Equal(seen.Take(2), (await ReadArray(first)).Select(a => (string)a!["id"]!));
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        var second = await _http.GetAsync($"api/alerts?Touchpoint={Uri.EscapeDataString(touchpoint)}&LIMIT=2&Cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(seen.Skip(2).Take(2), (await ReadArray(second)).Select(a => (string)a!["id"]!));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(second.Headers.GetValues("Link").Single(), "cursor=", System.Text.RegularExpressions.RegexOptions.IgnoreCase));
    }

    [Fact]
    public async Task A_silenced_alert_is_kept_and_queryable_but_never_reaches_the_wall()
    {
        await using var wall = await WallClient.ConnectAsync(fixture.App.BaseAddress);
        var muted = NewCustomer();
        var created = await Post("api/silences", $$"""{ "customerId": "{{muted}}", "author": "li", "comment": "test account", "expiresAt": "{{DateTimeOffset.UtcNow.AddHours(1):O}}" }""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var silence = (string)(await ReadObject(created))["id"]!;
        Assert.Contains(await ReadArray(await _http.GetAsync("api/silences")), s => (string)s!["id"]! == silence);
        Assert.Equal(silence, (string)(await ReadObject(await _http.GetAsync(created.Headers.Location)))["id"]!); // where the 201 says it is

        var id = await RaiseAsync(muted);
        Assert.Equal(silence, (string)(await ReadObject(await _http.GetAsync($"api/alerts/{id}")))["silencedBy"]!);
        var heard = NewCustomer();
        await RaiseAsync(heard); // raised after the muted one: the wall hears it, and would have heard the first before it
        await wall.NextForAsync(heard, TimeSpan.FromSeconds(10));
        Assert.Empty(await wall.ReceivedForAsync(muted));

        // What a wall loads is what it is pushed: silenced=false leaves the muted alert out, silenced=true lists only such.
        Assert.Empty(await ReadArray(await _http.GetAsync($"api/alerts?customerId={muted}&open=true&silenced=false")));
        Assert.Equal(id, (string)(await ReadArray(await _http.GetAsync($"api/alerts?customerId={muted}&silenced=true"))).Single()!["id"]!);
        Assert.Single(await ReadArray(await _http.GetAsync($"api/alerts?customerId={heard}&silenced=false")));
        Assert.Empty(await ReadArray(await _http.GetAsync($"api/alerts?customerId={heard}&silenced=true")));

        Assert.Equal(HttpStatusCode.NoContent, (await _http.DeleteAsync($"api/silences/{silence}")).StatusCode);
        Assert.DoesNotContain(await ReadArray(await _http.GetAsync("api/silences")), s => (string)s!["id"]! == silence);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.DeleteAsync($"api/silences/{silence}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/silences/{silence}")).StatusCode);
    }

    [Theory]
    [InlineData("{ \"by\": ", "the body is not valid JSON at")]
    [InlineData("[]", "the body must be a JSON object")]
    public async Task An_unreadable_action_body_is_a_400_that_says_why(string body, string detail)
    {
        var response = await Post($"api/alerts/{await RaiseAsync(NewCustomer())}/ack", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(detail, (string)(await ReadObject(response))["detail"]!);
    }

    [Theory]
    [InlineData("text/plain")] // what a page of another site may post without asking first
    [InlineData("application/x-www-form-urlencoded")] // curl -d without a content type
    public async Task An_action_body_sent_as_anything_but_json_is_a_415_and_changes_nothing(string mediaType)
    {
        var id = await RaiseAsync(NewCustomer());

        var response = await _http.PostAsync($"api/alerts/{id}/ack", Body("""{ "by": "mallory" }""", mediaType));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal($"Content-Type must be application/json (was {mediaType}); with curl: -H 'content-type: application/json'", (string)(await ReadObject(response))["detail"]!);
        Assert.Equal("open", (string)(await ReadObject(await _http.GetAsync($"api/alerts/{id}")))["state"]!);
        Assert.True((await _http.PostAsync($"api/alerts/{id}/ack", new ByteArrayContent([]))).IsSuccessStatusCode); // no body needs no type
    }

    [Fact]
    public async Task An_outreach_outcome_that_is_not_one_of_the_four_is_a_400_that_names_them()
    {
        var response = await Post("api/outreach/p-none/outcome", """{ "outcome": "happy" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("must be one of contacted, resolved, declined, unreachable", (string)(await ReadObject(response))["errors"]!["outcome"]![0]!);
        Assert.Equal("is required", (string)(await ReadObject(await Post("api/outreach/p-none/outcome", "{}")))["errors"]!["outcome"]![0]!);
    }

    [Fact]
    public async Task Every_bad_field_of_a_body_is_named_at_once_wrong_types_included()
    {
        var response = await Post("api/silences", """{ "ruleId": 7, "comment": "  ", "expiresAt": "2030-01-01T00:00:00", "author": ["x"] }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObject(response))["errors"]!.AsObject();
        Assert.Equal(["author", "comment", "expiresAt", "ruleId"], errors.Select(e => e.Key).Order());
        Assert.Equal(["must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z"], errors["expiresAt"]!.AsArray().Select(r => (string)r!)); // not also "is required"
        Assert.Equal(["must be a non-empty string"], errors["ruleId"]!.AsArray().Select(r => (string)r!));
    }

    [Fact]
    public async Task A_silence_must_name_what_it_mutes_why_and_until_when()
    {
        var response = await Post("api/silences", """{ "expiresAt": "2020-01-01T00:00:00Z" }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObject(response))["errors"]!.AsObject();
        Assert.Equal(["comment", "expiresAt", "ruleId"], errors.Select(e => e.Key).Order()); // the author is whoever is signed in
    }
}
