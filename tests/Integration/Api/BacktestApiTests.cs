using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>POST /api/rules/backtest</c>: what recorded interactions would have raised, touching nothing live.</summary>
public sealed class BacktestApiTests : IClassFixture<RulesApiTests.OwnApp>, IDisposable
{
    private static readonly DateTimeOffset LastYear = new(2025, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _http;
    private readonly string _customer = NewCustomer();

    public BacktestApiTests(RulesApiTests.OwnApp fixture) => _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private string ThreeFailedSearches() => Json(new[]
    {
        FailedSearch(_customer, LastYear, "a"), FailedSearch(_customer, LastYear.AddMinutes(2), "b"), FailedSearch(_customer, LastYear.AddMinutes(4), "c"),
    });

    [Fact]
    public async Task Replays_old_interactions_in_event_time_without_touching_live_state()
    {
        var response = await _http.PostAsync("api/rules/backtest", Body(ThreeFailedSearches()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await ReadObject(response);
        Assert.Equal(3, (int)result["interactions"]!);
        var alert = Assert.Single(result["alerts"]!.AsArray())!;
        Assert.Equal("repeated-failed-search", (string)alert["ruleId"]!);
        Assert.Equal(LastYear.AddMinutes(4), DateTimeOffset.Parse((string)alert["raisedAt"]!));
        Assert.Equal(1, (int)result["byRule"]!["repeated-failed-search"]!["raised"]!);

        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/customers/{_customer}")).StatusCode);
        Assert.Empty(await ReadArray(await _http.GetAsync($"api/alerts?customerId={_customer}")));
    }

    /// <summary>The analyst trial: "raised 25" hid 37 more customers whose condition was folded into an alert of another rule.</summary>
    [Fact]
    public async Task A_condition_folded_into_another_rules_alert_is_counted_under_its_own_rule()
    {
        var interactions = Json(new[]
        {
            FailedSearch(_customer, LastYear, "a"), FailedSearch(_customer, LastYear.AddMinutes(2), "b"), FailedSearch(_customer, LastYear.AddMinutes(4), "c"),
            Make(_customer, LastYear.AddMinutes(10), InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey },
        });

        var result = await ReadObject(await _http.PostAsync("api/rules/backtest", Body(interactions)));

        var alert = Assert.Single(result["alerts"]!.AsArray())!; // one conversation with her
        Assert.Contains("detractor", alert["folded"]!.AsArray().Select(r => (string)r!));
        Assert.Equal((1, 0), ((int)result["byRule"]!["repeated-failed-search"]!["raised"]!, (int)result["byRule"]!["repeated-failed-search"]!["folded"]!));
        Assert.Equal((0, 1), ((int)result["byRule"]!["detractor"]!["raised"]!, (int)result["byRule"]!["detractor"]!["folded"]!));
        Assert.Null(result["warnings"]); // the survey said its scale
    }

    /// <summary>
    /// The integrator trial: a complaint sent late, already past its SLA, that sank the score read
    /// "Experience score fell to 37" live, with the complaint folded in (the drop was observed on
    /// arrival, the SLA judged after the batch), while the back-test's card was the complaint's.
    /// </summary>
    [Fact]
    public async Task A_late_complaint_past_its_SLA_that_sinks_the_score_is_the_card_live_as_in_a_back_test()
    {
        var now = DateTimeOffset.UtcNow;
        Interaction Complaint(string caseId, DateTimeOffset at) =>
            Make(_customer, at, InteractionTypes.Complaint, "email/support") with { Channel = Channel.Email, CaseId = caseId };
        Interaction[] complaints = [Complaint("H-1", now.AddMinutes(-1)), Complaint("H-0", now.AddHours(-3))];
        foreach (var complaint in complaints)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await _http.PostAsync("api/interactions", Body(Json(new[] { complaint })))).StatusCode); // one at a time, as they came
        }

        var live = (await Eventually.ResultAsync(
            async () => await ReadArray(await _http.GetAsync($"api/alerts?customerId={_customer}")),
            alerts => alerts.Any(a => a!["folded"]?.AsArray().Count > 0), TimeSpan.FromSeconds(10), "her alert with both conditions")).Single()!;
        var replayed = Assert.Single((await ReadObject(await _http.PostAsync("api/rules/backtest", Body(Json(complaints)))))["alerts"]!.AsArray())!;
        foreach (var alert in new[] { live, replayed })
        {
            Assert.Equal(("unanswered-complaint", "H-0"), ((string?)alert["ruleId"], (string?)alert["caseId"]));
            Assert.Equal(["experience-drop"], alert["folded"]!.AsArray().Select(r => (string)r!));
        }
    }

    [Fact]
    public async Task A_replayed_item_read_otherwise_than_it_may_be_meant_comes_with_the_warning_ingestion_gives()
    {
        var survey = Make(_customer, LastYear, InteractionTypes.Survey, "survey/post-visit", score: 4) with { Channel = Channel.Survey };

        var result = await ReadObject(await _http.PostAsync("api/rules/backtest", Body(Json(new[] { survey }))));

        var warning = Assert.Single(result["warnings"]!.AsArray())!;
        Assert.Equal(survey.Id, (string)warning["id"]!);
        Assert.StartsWith("attributes.scale: not given, so the answer 4 is read on the nps scale", (string)warning["warning"]!);
        Assert.Equal("detractor", (string)Assert.Single(result["alerts"]!.AsArray())!["ruleId"]!); // replayed as it would be live
    }

    [Fact]
    public async Task Rule_overrides_in_the_body_or_the_query_change_the_outcome()
    {
        var inBody = await ReadObject(await _http.PostAsync("api/rules/backtest", Body(
            $$"""{ "interactions": {{ThreeFailedSearches()}}, "rules": { "repeated-failed-search": { "parameters": { "threshold": 4 } } } }""")));
        Assert.Empty(inBody["alerts"]!.AsArray());

        var ndjson = string.Join('\n', System.Text.Json.Nodes.JsonNode.Parse(ThreeFailedSearches())!.AsArray().Select(n => n!.ToJsonString()));
        var rules = Uri.EscapeDataString("""{ "repeated-failed-search": { "enabled": false } }""");
        var inQuery = await ReadObject(await _http.PostAsync($"api/rules/backtest?rules={rules}", Body(ndjson, "application/x-ndjson")));
        Assert.Empty(inQuery["alerts"]!.AsArray());

        Assert.Equal("00:10:00", (string)(await ReadObject(await _http.GetAsync("api/rules/repeated-failed-search")))["parameters"]!["window"]!);
    }

    /// <summary>The analyst trial: "rulez" replayed under the rules in force with a 200, and the comparison read was no comparison.</summary>
    [Fact]
    public async Task A_misspelt_field_of_the_body_is_refused_not_replayed_without_it()
    {
        var response = await _http.PostAsync("api/rules/backtest", Body(
            $$"""{ "interactions": {{ThreeFailedSearches()}}, "rulez": { "repeated-failed-search": { "parameters": { "threshold": 4 } } } }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("'rulez' is not a field of a back-test body: it takes interactions and rules", (string)(await ReadObject(response))["detail"]!);
    }

    [Fact]
    public async Task Until_lets_deadlines_run_on_past_the_last_interaction()
    {
        var complaint = Json(new[] { Make(_customer, LastYear, InteractionTypes.Complaint, "social/weibo") with { CaseId = "c-7" } });

        var atTheEnd = await ReadObject(await _http.PostAsync("api/rules/backtest", Body(complaint)));
        var later = await ReadObject(await _http.PostAsync($"api/rules/backtest?until={Uri.EscapeDataString(LastYear.AddHours(3).ToString("O"))}", Body(complaint)));

        Assert.Empty(atTheEnd["alerts"]!.AsArray());
        var alert = Assert.Single(later["alerts"]!.AsArray())!;
        Assert.Equal("unanswered-complaint", (string)alert["ruleId"]!);
        Assert.Equal("Complaint unanswered past its 2 h SLA", (string)alert["title"]!);
        Assert.Equal(2, (int)alert["occurrences"]!); // warned at 96 min, breached at 2 h: one alert
    }

    [Fact]
    public async Task An_until_before_the_first_interaction_is_400_not_a_replay_that_ends_before_it_starts()
    {
        // It answered 200 with "from" a year after "until".
        var response = await _http.PostAsync($"api/rules/backtest?until={Uri.EscapeDataString(LastYear.AddDays(-1).ToString("O"))}", Body(ThreeFailedSearches()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("until: must not be before the first interaction (", (string)(await ReadObject(response))["detail"]!);
    }

    [Fact]
    public async Task A_broken_body_is_400_not_a_server_error()
    {
        var response = await _http.PostAsync("api/rules/backtest", Body("""{ "interactions": [ {"id": """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("the body is not valid JSON", (string)(await ReadObject(response))["detail"]!);
    }

    [Theory]
    [InlineData("[]", "application/json", "the body holds no interactions")]
    [InlineData("""{ "interactions": [] }""", "application/json", "the body holds no interactions")]
    [InlineData("\n\n", "application/x-ndjson", "the body holds no interactions")]
    [InlineData("""[{ "id": "x" }]""", "application/json", "none of the 1 items is valid")]
    public async Task Nothing_to_replay_is_400_like_an_empty_ingest(string body, string mediaType, string detail)
    {
        var response = await _http.PostAsync("api/rules/backtest", Body(body, mediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(detail, (string)(await ReadObject(response))["detail"]!);
    }

    [Fact]
    public async Task Every_mistake_in_the_overrides_is_reported_at_once()
    {
        var response = await _http.PostAsync("api/rules/backtest", Body(
            $$"""{ "interactions": {{ThreeFailedSearches()}}, "rules": { "repeated-failed-search": { "severity": "loud", "parameters": { "window": "soon" } }, "nope": {} } }"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObject(response))["errors"]!.AsObject();
        Assert.Equal(["rules.nope", "rules.repeated-failed-search.parameters.window", "rules.repeated-failed-search.severity"], errors.Select(e => e.Key).Order());
    }

    /// <summary>Both ran before as if the parameter was not given: no deadline past the last interaction, no override.</summary>
    [Theory]
    [InlineData("untill=2025-11-23T13:00:00Z", "untill", "untill: unknown parameter; this endpoint takes rules, until")]
    [InlineData("rule=%7B%7D", "rule", "rule: unknown parameter; this endpoint takes rules, until")]
    [InlineData("until=2025-11-23T13:00:00Z&until=2025-11-23T14:00:00Z", "until", "until: given 2 times; give it once")]
    public async Task A_misspelt_or_repeated_query_parameter_is_refused_by_name(string query, string name, string detail)
    {
        var response = await _http.PostAsync($"api/rules/backtest?{query}", Body(ThreeFailedSearches()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObject(response);
        Assert.NotNull(problem["errors"]![name]);
        Assert.Equal(detail, (string)problem["detail"]!);
    }

    [Theory]
    [InlineData("""{ "interactions": [], "rules": { "repeated-failed-search": { "parameters": { "window": "soon" } } } }""", "rules.repeated-failed-search.parameters.window")]
    [InlineData("""{ "interactions": [], "rules": { "nope": {} } }""", "rules.nope")]
    public async Task Invalid_overrides_are_400_naming_them(string body, string field)
    {
        var response = await _http.PostAsync("api/rules/backtest", Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await ReadObject(response))["errors"]![field]);
    }
}
