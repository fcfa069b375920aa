using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>Mistakes answer 400 with the field and the reason instead of being accepted and doing nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class NoSilentAcceptanceTests(AppFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private static async Task<string> ProblemOf(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadObject(response);
        Assert.NotNull(problem["errors"]?[field]);
        return (string)problem["detail"]!;
    }

    [Fact]
    public async Task An_incident_list_filter_that_is_not_true_or_false_is_refused_by_name()
    {
        var detail = await ProblemOf(await _http.GetAsync("api/incidents?open=maybe"), "open");

        Assert.Equal("open: must be true or false", detail);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("api/incidents?open=true")).StatusCode);
    }

    [Fact]
    public async Task A_silence_naming_a_rule_that_does_not_exist_is_refused()
    {
        var until = DateTimeOffset.UtcNow.AddHours(1).ToString("O");
        var response = await _http.PostAsync("api/silences", Body($$"""{ "ruleId": "push-fatigu", "comment": "campaign week", "expiresAt": "{{until}}" }"""));

        var detail = await ProblemOf(response, "ruleId");
        Assert.Contains("'push-fatigu'", detail);
        Assert.Contains("push-fatigue", detail);
        Assert.Equal(HttpStatusCode.Created, (await _http.PostAsync("api/silences", Body($$"""{ "ruleId": "push-fatigue", "customerId": "{{NewCustomer()}}", "comment": "ok", "expiresAt": "{{until}}" }"""))).StatusCode);
    }

    [Fact]
    public async Task Assigning_to_an_unknown_agent_is_refused_and_assigning_to_another_agent_moves_the_prompt()
    {
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow.AddMinutes(-2);
        await _http.PostAsync("api/interactions", Body(
            Make(customer, now, InteractionTypes.Contact, "call-center/billing") with { Channel = Channel.CallCenter },
            Make(customer, now.AddSeconds(5), InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }));
        var alert = await Eventually.ResultAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).SingleOrDefault(),
            a => a?["assignedTo"] is not null, Patience, "the routed alert");
        var alertId = (string)alert!["id"]!;
        var routed = (string)alert["assignedTo"]!;
        var other = routed == "wang.wei" ? "li.na" : "wang.wei";

        var refused = await _http.PostAsync($"api/alerts/{alertId}/assign", Body("""{ "agentId": "nobody.here" }"""));
        Assert.Contains("'nobody.here'", await ProblemOf(refused, "agentId"));
        Assert.Equal(routed, (string)(await ReadObject(await _http.GetAsync($"api/alerts/{alertId}")))["assignedTo"]!);

        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{alertId}/assign", Body($$"""{ "agentId": "{{other}}" }"""))).StatusCode);
        var prompt = await ReadObject(await _http.GetAsync($"api/outreach/p-{alertId}"));
        Assert.Equal(other, (string)prompt["agentId"]!);
        Assert.DoesNotContain(await ReadArray(await _http.GetAsync($"api/outreach?agentId={routed}&pending=true&limit=1000")), p => (string)p!["customerId"]! == customer);
    }

    [Fact]
    public async Task A_survey_is_read_as_nps_without_a_scale_and_refused_when_its_score_cannot_be_read()
    {
        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var accepted = await ReadObject(await _http.PostAsync("api/interactions", Body(
            Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 3) with { Channel = Channel.Survey },
            Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 4, attributes: new() { ["scale"] = "stars" }) with { Channel = Channel.Survey },
            Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 11, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey },
            Make(customer, now, InteractionTypes.Survey, "survey/nps") with { Channel = Channel.Survey })));

        Assert.Equal(1, (int)accepted["accepted"]!);
        var reasons = accepted["rejected"]!.AsArray().Select(r => string.Join(" ", r!["errors"]!.AsArray().Select(e => (string)e!))).ToList();
        Assert.Equal(3, reasons.Count);
        Assert.StartsWith("attributes.scale:", reasons[0]);
        Assert.StartsWith("score: must be from 0 to 10", reasons[1]);
        Assert.StartsWith("score: a survey needs", reasons[2]);

        // The survey without a scale counted as NPS 3: a detractor.
        await Eventually.TrueAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}&ruleId=detractor"))).Count == 1, Patience, "the detractor alert");
    }

    [Theory]
    [InlineData("api/alerts?sevrity=critical", "sevrity")]
    [InlineData("api/outreach?agent=li.na", "agent")]
    [InlineData("api/incidents?opened=true", "opened")]
    [InlineData("api/touchpoints?top=5&limt=3", "limt")]
    [InlineData("api/rules?enabled=true", "enabled")]
    [InlineData("api/rules/detractor?verbose=1", "verbose")]
    [InlineData("api/insights/pain-points?grupBy=touchpoint", "grupBy")] // groupBy misspelt: not silently grouped by rule
    [InlineData("api/customers?q=c-1", "q")]
    [InlineData("api/customers/c-1?from=2026-11-01", "from")]
    [InlineData("api/customers/c-1/score?from=2026-11-01", "from")]
    [InlineData("api/experience/distribution?channel=web", "channel")]
    [InlineData("api/incidents/inc-1?open=true", "open")]
    [InlineData("api/outreach/p-1?agentId=li.na", "agentId")]
    [InlineData("api/touchpoints/web/search?window=1h", "window")]
    [InlineData("api/webhooks/deliveries?target=crm", "target")]
    [InlineData("api/me?user=li.na", "user")]
    public async Task An_unknown_query_parameter_is_refused_by_name(string url, string unknown)
    {
        var detail = await ProblemOf(await _http.GetAsync(url), unknown);
        Assert.StartsWith(unknown + ":", detail);
    }

    /// <summary>Refused before the body is read: nothing of it is kept, so the integrator fixes the URL and sends the same batch.</summary>
    [Fact]
    public async Task A_post_of_interactions_with_an_unknown_query_parameter_is_refused_whole()
    {
        var item = Make(NewCustomer(), DateTimeOffset.UtcNow.AddMinutes(-1), InteractionTypes.Search);

        var detail = await ProblemOf(await _http.PostAsync("api/interactions?foo=1", Body(item)), "foo");

        Assert.Equal("foo: unknown parameter; this endpoint takes none", detail);
        Assert.Equal("""{"accepted":1,"duplicates":0,"rejected":[]}""", (await ReadObject(await _http.PostAsync("api/interactions", Body(item)))).ToJsonString());
    }

    [Theory]
    [InlineData("POST", "api/alerts/7-nope/ack?by=li.na", "by")]
    [InlineData("POST", "api/incidents/inc-1/resolve?outcome=lost", "outcome")]
    [InlineData("POST", "api/outreach/p-1/outcome?outcome=contacted", "outcome")]
    [InlineData("POST", "api/silences?expiresAt=2030-01-01", "expiresAt")]
    [InlineData("DELETE", "api/silences/s-1?force=true", "force")]
    [InlineData("PUT", "api/rules/detractor?dryRun=true", "dryRun")]
    public async Task An_action_with_a_query_parameter_is_refused_by_name_before_it_acts(string method, string url, string unknown)
    {
        var detail = await ProblemOf(await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = Body("{}") }), unknown);

        Assert.Equal($"{unknown}: unknown parameter; this endpoint takes none", detail);
    }

    [Fact]
    public async Task Outreach_pages_like_alerts_with_a_limit_and_a_cursor()
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        var customers = new[] { NewCustomer(), NewCustomer() };
        foreach (var customer in customers)
        {
            await _http.PostAsync("api/interactions", Body(Make(customer, now, InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }));
        }

        var agent = await Eventually.ResultAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customers[1]}"))).SingleOrDefault()?["assignedTo"],
            a => a is not null, Patience, "the second prompt routed");
        var first = await _http.GetAsync($"api/outreach?agentId={(string)agent!}&limit=1");
        var page = await ReadArray(first);
        Assert.Single(page);
        var cursor = first.Headers.GetValues("X-Next-Cursor").Single();
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());
        var query = first.RequestMessage!.RequestUri!.Query.TrimStart('?');
        var second = await ReadArray(await _http.GetAsync($"api/outreach?{query}&cursor={Uri.EscapeDataString(cursor)}"));
        Assert.DoesNotContain(second, p => (string)p!["id"]! == (string)page[0]!["id"]!);
        Assert.Contains("limit", await ProblemOf(await _http.GetAsync("api/outreach?limit=0"), "limit"));
    }
}
