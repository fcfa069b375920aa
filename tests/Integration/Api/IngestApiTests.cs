using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary><c>POST /api/interactions</c> over real HTTP: every answer an integrator can get.</summary>
[Collection(AppCollection.Name)]
public sealed class IngestApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();
    private readonly string _customer = NewCustomer();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;

    public void Dispose() => _http.Dispose();

    private Task<HttpResponseMessage> Post(HttpContent body) => _http.PostAsync("api/interactions", body);

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string detailContains)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadObject(response);
        Assert.Equal((int)status, (int)problem["status"]!);
        Assert.True(((string)problem["detail"]!).Contains(detailContains, StringComparison.Ordinal), $"'{detailContains}' not in: {problem["detail"]}");
        Assert.DoesNotContain("   at ", problem.ToJsonString()); // no stack trace leaves the server
    }

    [Fact]
    public async Task Accepts_an_array_and_answers_202_with_counts()
    {
        var response = await Post(Body(Make(_customer, _now, InteractionTypes.PageView), Make(_customer, _now, InteractionTypes.ProductView)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("""{"accepted":2,"duplicates":0,"rejected":[]}""", (await ReadObject(response)).ToJsonString());
    }

    [Fact]
    public async Task A_survey_answer_read_otherwise_than_it_may_be_meant_is_accepted_with_a_warning_beside_the_counts()
    {
        var survey = Make(_customer, _now, InteractionTypes.Survey, "survey/post-visit", score: 4, id: "s-" + _customer);

        var response = await Post(Body(Make(_customer, _now, InteractionTypes.PageView), survey));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await ReadObject(response);
        Assert.Equal(2, (int)answer["accepted"]!);
        var warning = Assert.Single(answer["warnings"]!.AsArray())!;
        Assert.Equal((1, survey.Id), ((int)warning["index"]!, (string)warning["id"]!));
        Assert.StartsWith("attributes.scale: not given, so the answer 4 is read on the nps scale (0-10)", (string)warning["warning"]!);
    }

    [Fact]
    public async Task Accepts_a_single_object_and_ndjson()
    {
        var single = await Post(Body(Json(Make(_customer, _now, InteractionTypes.PageView))));
        var ndjson = await Post(Body(
            $"{Json(Make(_customer, _now, InteractionTypes.PageView))}\n{Json(Make(_customer, _now, InteractionTypes.Search))}\n",
            "application/x-ndjson"));

        Assert.Equal(1, (int)(await ReadObject(single))["accepted"]!);
        Assert.Equal(2, (int)(await ReadObject(ndjson))["accepted"]!);
    }

    [Fact]
    public async Task Resent_ids_are_duplicates_and_change_nothing()
    {
        var batch = new[] { Make(_customer, _now, InteractionTypes.PageView), Make(_customer, _now, InteractionTypes.AddToCart) };
        await Post(Body(batch));

        var again = await Post(Body([.. batch, Make(_customer, _now, InteractionTypes.Checkout)]));

        Assert.Equal("""{"accepted":1,"duplicates":2,"rejected":[]}""", (await ReadObject(again)).ToJsonString());
        var customer = await ReadObject(await _http.GetAsync($"api/customers/{_customer}"));
        Assert.Equal(3, (int)customer["interactionCount"]!);
        var touchpoint = await ReadObject(await _http.GetAsync($"api/touchpoints/web/search"));
        Assert.True((long)touchpoint["total"]! >= 3);
        var encoded = await ReadObject(await _http.GetAsync($"api/touchpoints/{Uri.EscapeDataString("web/search")}")); // as a generated client sends it
        Assert.Equal("web/search", (string)encoded["touchpoint"]!);
    }

    [Fact]
    public async Task Keeps_good_items_and_names_the_field_and_reason_of_bad_ones()
    {
        var good = Make(_customer, _now, InteractionTypes.PageView);
        var body = $"[{Json(good)}, {{\"id\":\"bad-1\",\"customerId\":\"{_customer}\",\"timestamp\":\"{_now:O}\",\"channel\":\"fax\",\"touchpoint\":\"web\",\"type\":\"search\"}}, 7]";

        var response = await Post(Body(body));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = await ReadObject(response);
        Assert.Equal(1, (int)answer["accepted"]!);
        var rejected = answer["rejected"]!.AsArray();
        Assert.Equal(2, rejected.Count);
        Assert.Equal(1, (int)rejected[0]!["index"]!);
        Assert.Equal("bad-1", (string)rejected[0]!["id"]!);
        Assert.StartsWith("channel: must be one of web, app,", (string)rejected[0]!["errors"]![0]!);
        Assert.Equal(2, (int)rejected[1]!["index"]!);
        Assert.Null(rejected[1]!["id"]);
        Assert.Equal("item: must be a JSON object", (string)rejected[1]!["errors"]![0]!);
        Assert.Equal(1, (int)(await ReadObject(await _http.GetAsync($"api/customers/{_customer}")))["interactionCount"]!);
    }

    [Fact]
    public async Task Every_item_bad_is_400_with_each_items_reasons()
    {
        var response = await Post(Body("""[{"id":"x"}, {"customerId":"y"}]"""));

        await AssertProblem(response, HttpStatusCode.BadRequest, "none of the 2 items is valid");
        var rejected = (await ReadObject(await Post(Body("""[{"id":"x"}]"""))))["rejected"]!.AsArray();
        Assert.Contains("customerId: is required", rejected[0]!["errors"]!.AsArray().Select(e => (string)e!));
    }

    [Theory]
    [InlineData("not json", "the body is not valid JSON")]
    [InlineData("[{\"id\":", "the body is not valid JSON")]
    [InlineData("\"text\"", "the body must be a JSON object, a JSON array of objects, or NDJSON")]
    [InlineData("", "the body is empty")]
    [InlineData("[]", "the body holds no interactions")]
    public async Task Unreadable_or_empty_body_is_400(string body, string detail)
    {
        await AssertProblem(await Post(Body(body)), HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task Broken_json_says_where_and_what_in_the_senders_words()
    {
        var response = await Post(Body("[\n  {\"id\": 'q-1'}\n]"));

        await AssertProblem(response, HttpStatusCode.BadRequest, "the body is not valid JSON at line 2, column 10: strings need double quotes");
        Assert.DoesNotContain("LineNumber", (string)(await ReadObject(response))["detail"]!);
    }

    [Fact]
    public async Task Ndjson_rejections_name_the_line_counted_from_one()
    {
        var body = $"{Json(Make(_customer, _now, InteractionTypes.PageView))}\n{{\"id\": nope}}\n";

        var rejected = (await ReadObject(await Post(Body(body, "application/x-ndjson"))))["rejected"]!.AsArray().Single()!;

        Assert.Equal(2, (int)rejected["line"]!);
        Assert.Equal("item: not valid JSON at line 2, column 8: 'nope' is not a JSON value (text needs double quotes; the literals are true, false and null)", (string)rejected["errors"]![0]!);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Other_content_types_are_415(string mediaType)
    {
        await AssertProblem(await Post(Body("[]", mediaType)), HttpStatusCode.UnsupportedMediaType, "application/x-ndjson");
        await AssertProblem(await Post(Body("[]", mediaType)), HttpStatusCode.UnsupportedMediaType, $"(was {mediaType}); with curl: -H 'content-type: application/json'"); // what was sent, and the fix, as an action's 415 says
    }

    [Fact]
    public async Task More_than_10000_items_is_413()
    {
        var item = Json(Make(_customer, _now, InteractionTypes.PageView));
        var body = "[" + string.Join(",", Enumerable.Repeat(item, 10_001)) + "]";

        await AssertProblem(await Post(Body(body)), HttpStatusCode.RequestEntityTooLarge, "at most 10000 interactions");
        Assert.Equal(HttpStatusCode.NotFound, (await _http.GetAsync($"api/customers/{_customer}")).StatusCode);
    }

    [Fact]
    public async Task Body_over_8_MiB_is_413()
    {
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes("[" + new string(' ', 8 * 1024 * 1024) + "]"));
        body.Headers.ContentType = new("application/json");

        await AssertProblem(await Post(body), HttpStatusCode.RequestEntityTooLarge, "at most 8388608 bytes");
    }

    [Fact]
    public async Task Chunked_body_over_8_MiB_is_413_too()
    {
        var stream = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("[" + new string(' ', 9 * 1024 * 1024) + "]")));
        stream.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "api/interactions") { Content = stream };
        request.Headers.TransferEncodingChunked = true;

        await AssertProblem(await _http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "at most 8388608 bytes");
    }
}
