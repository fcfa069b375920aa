using System.Net;
using System.Net.Http.Json;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>Rules over HTTP, on an app of their own: a changed rule here must not change what other tests expect.</summary>
public sealed class RulesApiTests : IClassFixture<RulesApiTests.OwnApp>, IDisposable
{
    public sealed class OwnApp : IDisposable
    {
        public CxLiveApp App { get; } = new();

        public void Dispose() => App.Dispose();
    }

    private readonly HttpClient _http;

    public RulesApiTests(OwnApp fixture) => _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> Put(string ruleId, string json) => _http.PutAsync($"api/rules/{ruleId}", Body(json));

    [Fact]
    public async Task Lists_every_rule_with_its_settings_and_what_each_parameter_means()
    {
        var rules = await ReadArray(await _http.GetAsync("api/rules"));

        Assert.Equal(CxLive.Grains.Detection.CustomerDetectors.Catalogue().Definitions.Count(), rules.Count);
        Assert.Contains(rules, r => (string)r!["ruleId"]! == "touchpoint-silence");
        var search = rules.Single(r => (string)r!["ruleId"]! == "repeated-failed-search")!;
        Assert.True((bool)search["enabled"]!);
        Assert.Equal("warning", (string)search["severity"]!);
        Assert.Equal("00:10:00", (string)search["parameters"]!["window"]!);
        Assert.Equal("duration", (string)search["parameterDefinitions"]![1]!["kind"]!);
        Assert.Equal("02:00:00", (string)(await ReadObject(await _http.GetAsync("api/rules/unanswered-complaint")))["parameters"]!["sla"]!);
    }

    [Fact]
    public async Task A_change_takes_effect_for_the_next_interactions()
    {
        var put = await Put("order-status-failure", """{ "severity": "critical", "parameters": { "threshold": 3 } }""");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var rule = await ReadObject(put);
        Assert.Equal(("critical", "3", "01:00:00"), ((string)rule["severity"]!, (string)rule["parameters"]!["threshold"]!, (string)rule["parameters"]!["window"]!));

        var customer = NewCustomer();
        var now = DateTimeOffset.UtcNow;
        await _http.PostAsync("api/interactions", Body(
            Make(customer, now.AddMinutes(-3), InteractionTypes.OrderStatus, "app/orders", Outcome.Failure),
            Make(customer, now.AddMinutes(-2), InteractionTypes.OrderStatus, "app/orders", Outcome.Failure)));
        Assert.Empty(await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}")));

        await _http.PostAsync("api/interactions", Body(Make(customer, now.AddMinutes(-1), InteractionTypes.OrderStatus, "web/orders", Outcome.Failure)));
        var alert = Assert.Single(await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}")))!;
        Assert.Equal(("order-status-failure", "critical"), ((string)alert["ruleId"]!, (string)alert["severity"]!));
    }

    [Fact]
    public async Task A_disabled_rule_raises_nothing()
    {
        Assert.Equal(HttpStatusCode.OK, (await Put("long-wait", """{ "enabled": false }""")).StatusCode);
        var customer = NewCustomer();

        await _http.PostAsync("api/interactions", Body(Make(customer, DateTimeOffset.UtcNow, InteractionTypes.QueueWait, "call-center/q", score: 3600)));

        Assert.Empty(await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}")));
        Assert.False((bool)(await ReadObject(await _http.GetAsync("api/rules/long-wait")))["enabled"]!);
    }

    [Theory]
    [InlineData("""{ "parameters": { "window": "10 minutes" } }""", "parameters.window", "'10 minutes' must be a positive duration written hh:mm:ss (or d.hh:mm:ss)")]
    [InlineData("""{ "parameters": { "threshold": 0 } }""", "parameters.threshold", "'0' must be a whole number from 1 to 64")]
    [InlineData("""{ "parameters": { "windw": "00:05:00" } }""", "parameters.windw", "not a parameter of repeated-failed-search (it has: threshold, window)")]
    [InlineData("""{ "severity": "urgent" }""", "severity", "must be one of info, warning, critical")]
    [InlineData("""{ "enabled": "yes" }""", "enabled", "must be true or false")]
    [InlineData("""{ "enabld": false }""", "enabld", "not a rule setting (use enabled, severity, parameters)")]
    [InlineData("""[1]""", "body", "must be an object like { \"enabled\": true, \"severity\": \"warning\", \"parameters\": { ... } }")]
    public async Task Invalid_settings_are_400_naming_the_parameter_and_change_nothing(string body, string field, string reason)
    {
        var response = await Put("repeated-failed-search", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ReadObject(response);
        Assert.Equal(reason, (string)problem["errors"]![field]![0]!);
        var rule = await ReadObject(await _http.GetAsync("api/rules/repeated-failed-search"));
        Assert.Equal(("3", "00:10:00", "warning"), ((string)rule["parameters"]!["threshold"]!, (string)rule["parameters"]!["window"]!, (string)rule["severity"]!));
    }

    [Fact]
    public async Task Every_mistake_in_a_change_is_reported_at_once()
    {
        var response = await Put("repeated-failed-search", """{ "severity": "urgent", "enabld": true, "parameters": { "window": "soon", "threshold": 0, "windw": 1 } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ReadObject(response))["errors"]!.AsObject();
        Assert.Equal(["enabld", "parameters.threshold", "parameters.window", "parameters.windw", "severity"], errors.Select(e => e.Key).Order());
        Assert.Equal("warning", (string)(await ReadObject(await _http.GetAsync("api/rules/repeated-failed-search")))["severity"]!);
    }

    [Theory]
    [InlineData("Critical", "critical")] // as configuration files spell it
    [InlineData("INFO", "info")]
    public async Task Severity_is_read_in_any_case_and_answered_in_the_wire_spelling(string written, string answered)
    {
        var response = await Put("points-redemption-failure", $$"""{ "severity": "{{written}}" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(answered, (string)(await ReadObject(response))["severity"]!);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("api/alerts?severity=Critical&state=OPEN")).StatusCode);
    }

    [Fact]
    public async Task Unknown_rule_is_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync("api/rules/no-such-rule")).StatusCode);
        var put = await Put("no-such-rule", "{}");
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.StartsWith("no rule has id 'no-such-rule'; the rules are delivery-failure, detractor, experience-drop,", (string)(await ReadObject(put))["detail"]!); // what to send instead
    }
}
