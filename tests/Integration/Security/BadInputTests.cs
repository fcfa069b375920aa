using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Xunit.Abstractions;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Security;

/// <summary>An app of its own: the fuzzed rule changes that happen to be valid must not change the rules other tests rely on.</summary>
public sealed class FuzzedAppFixture : IDisposable
{
    public CxLiveApp App { get; } = new(new Dictionary<string, string?> { ["Ingestion:MaxItemsPerRequest"] = "1000" });

    public void Dispose() => App.Dispose();
}

/// <summary>
/// Everything a broken or hostile client can send, at the ingest and rules APIs: the server stays
/// up, answers 4xx with the reason as problem details (never a 5xx, never a stack trace), and
/// keeps every valid item sent beside a bad one.
/// </summary>
public sealed class BadInputTests(FuzzedAppFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzedAppFixture>, IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private static readonly DateTimeOffset Recent = DateTimeOffset.UtcNow.AddMinutes(-1);

    /// <summary>Bad items: each goes between two good ones, and only it is refused.</summary>
    public static TheoryData<string, string> BadItems => new()
    {
        { "id is a number", """{"id":5,"customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "customerId is an object", """{"id":"ID","customerId":{},"timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "timestamp is a number", """{"id":"ID","customerId":"c","timestamp":1732800000,"channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "channel is an array", """{"id":"ID","customerId":"c","timestamp":"TS","channel":[],"touchpoint":"web/x","type":"search"}""" },
        { "score is a string", """{"id":"ID","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search","score":"many"}""" },
        { "attributes hold a number", """{"id":"ID","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search","attributes":{"query":5}}""" },
        { "outcome is a boolean", """{"id":"ID","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search","outcome":true}""" },
        { "huge id", """{"id":"HUGE","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "huge attribute", """{"id":"ID","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search","attributes":{"query":"HUGE"}}""" },
        { "control character", """{"id":"ID","customerId":"c\u0001d","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "duplicate key", """{"id":"ID","id":"ID2","customerId":"c","timestamp":"TS","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "future timestamp", """{"id":"ID","customerId":"c","timestamp":"2099-01-01T00:00:00Z","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "ancient timestamp", """{"id":"ID","customerId":"c","timestamp":"1970-01-01T00:00:00Z","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "timestamp without offset", """{"id":"ID","customerId":"c","timestamp":"2026-11-28T10:00:00","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "impossible date", """{"id":"ID","customerId":"c","timestamp":"2026-13-45T99:00:00Z","channel":"web","touchpoint":"web/x","type":"search"}""" },
        { "not an object", "[1, 2, 3]" },
        { "missing fields", "{}" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task A_bad_item_is_refused_with_its_reason_and_the_good_items_beside_it_are_kept(string what, string bad)
    {
        var (before, after) = (FailedSearch(NewCustomer(), Recent), FailedSearch(NewCustomer(), Recent));
        var item = bad.Replace("\"ID\"", $"\"{Guid.NewGuid():N}\"").Replace("TS", Recent.ToString("O")).Replace("HUGE", new string('x', 100_000));
        var response = await PostAsync($"[{Json(before)},{item},{Json(after)}]");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await ReadObject(response);
        Assert.Equal(2, (int)body["accepted"]!);
        var rejected = body["rejected"]!.AsArray().Single()!;
        Assert.Equal(1, (int)rejected["index"]!);
        var reasons = rejected["errors"]!.AsArray().Select(e => (string)e!).ToList();
        output.WriteLine($"{what}: {string.Join(" | ", reasons)}");
        Assert.All(reasons, r => Assert.Matches(@"^[a-zA-Z.\[\]0-9]+: .+", r)); // "field: reason"
        Assert.All(reasons, r => Assert.True(r.Length < 500, "a reason quotes no huge value back"));
        foreach (var good in new[] { before, after })
        {
            Assert.Equal(1, (long)(await ReadObject(await _http.GetAsync($"api/customers/{good.CustomerId}")))["interactionCount"]!);
        }
    }

    [Fact]
    public async Task Invalid_UTF_8_in_one_item_refuses_that_item_only()
    {
        var good = FailedSearch(NewCustomer(), Recent);
        var bytes = new List<byte>(Encoding.UTF8.GetBytes($"[{Json(good)},{{\"id\":\"{Guid.NewGuid():N}\",\"customerId\":\"c"));
        bytes.AddRange([0xC3, 0x28, 0xFF]); // not UTF-8
        bytes.AddRange(Encoding.UTF8.GetBytes($"\",\"timestamp\":\"{Recent:O}\",\"channel\":\"web\",\"touchpoint\":\"web/x\",\"type\":\"search\"}}]"));

        var response = await _http.PostAsync("api/interactions", new ByteArrayContent([.. bytes]) { Headers = { ContentType = new("application/json") } });

        await AssertProblemOrAcceptedAsync(response);
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            Assert.Equal(1, (long)(await ReadObject(await _http.GetAsync($"api/customers/{good.CustomerId}")))["interactionCount"]!);
        }
    }

    /// <summary>Bodies no item can be read from: 4xx naming what is wrong, nothing kept, the server fine.</summary>
    public static TheoryData<string, string, string, int> BadBodies => new()
    {
        { "truncated", "application/json", """[{"id":"a","customerId":""", 400 },
        { "not JSON", "application/json", "hello", 400 },
        { "deep nesting", "application/json", new string('[', 10_000) + new string(']', 10_000), 400 },
        { "empty", "application/json", "", 400 },
        { "empty array", "application/json", "[]", 400 },
        { "a number", "application/json", "42", 400 },
        { "wrong media type", "text/csv", "id,customerId", 415 },
        { "too many items", "application/json", "[" + string.Join(",", Enumerable.Repeat("{}", 1001)) + "]", 413 },
        { "too many bytes", "application/json", "[\"" + new string('x', 9 * 1024 * 1024) + "\"]", 413 },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_body_that_cannot_be_read_is_refused_with_a_4xx_that_says_why(string what, string mediaType, string body, int status)
    {
        var response = await _http.PostAsync("api/interactions", Body(body, mediaType));

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await AssertProblemOrAcceptedAsync(response);
        output.WriteLine($"{what}: {problem["detail"]}");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_compressed_body_is_refused_with_415_saying_to_send_it_uncompressed()
    {
        using var compressed = new MemoryStream();
        await using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(Json(new[] { FailedSearch("gzip-c", Recent) })));
        }

        var content = new ByteArrayContent(compressed.ToArray()) { Headers = { ContentType = new("application/json") } };
        content.Headers.ContentEncoding.Add("gzip");
        var response = await _http.PostAsync("api/interactions", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Content-Encoding gzip is not supported: send the body uncompressed.", (string)(await AssertProblemOrAcceptedAsync(response))["detail"]!);
    }

    [Theory]
    [InlineData("iso-8859-1", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("\"UTF-8\"", HttpStatusCode.Accepted)]
    public async Task A_body_declared_in_a_charset_other_than_utf8_is_refused_whole_with_415(string charset, HttpStatusCode expected)
    {
        // "josé" in Latin-1: read as UTF-8 it was refused item by item as "not valid UTF-8", beside items that happened to be ASCII.
        var customer = "jos\u00e9-" + Guid.NewGuid().ToString("N")[..6];
        var latin1 = Encoding.Latin1.GetBytes(Json(new[] { FailedSearch(customer, Recent) }).Replace("\\u00E9", "\u00e9", StringComparison.Ordinal));
        var content = new ByteArrayContent(charset == "iso-8859-1" ? latin1 : Encoding.UTF8.GetBytes(Json(new[] { FailedSearch(customer, Recent) })));
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");
        var response = await _http.PostAsync("api/interactions", content);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.Equal("charset=iso-8859-1 is not read: send the body as UTF-8 (charset=utf-8, or no charset).", (string)(await AssertProblemOrAcceptedAsync(response))["detail"]!);
        }
    }

    [Fact]
    public async Task Hundreds_of_random_mutations_of_valid_bodies_never_get_a_5xx_or_a_stack_trace()
    {
        var random = new Random(20261128);
        var template = Encoding.UTF8.GetBytes(Json(new[] { FailedSearch("fuzz-c", Recent, id: "fuzz-1"), Make("fuzz-d", Recent, InteractionTypes.Survey, score: 3, attributes: new() { ["scale"] = "nps" }) }));
        var statuses = new Dictionary<int, int>();
        for (var n = 0; n < 300; n++)
        {
            var mutated = Mutate(template, random);
            var ingest = await _http.PostAsync("api/interactions", new ByteArrayContent(mutated) { Headers = { ContentType = new("application/json") } });
            if ((int)ingest.StatusCode >= 500) output.WriteLine("this ingest body (base64) got a 5xx: " + Convert.ToBase64String(mutated));
            await AssertProblemOrAcceptedAsync(ingest);
            statuses[(int)ingest.StatusCode] = statuses.GetValueOrDefault((int)ingest.StatusCode) + 1;

            var ruleBody = Mutate(RuleChange, random);
            var rule = await _http.PutAsync("api/rules/long-wait", new ByteArrayContent(ruleBody) { Headers = { ContentType = new("application/json") } });
            if ((int)rule.StatusCode >= 500) output.WriteLine("this rule body (base64) got a 5xx: " + Convert.ToBase64String(ruleBody));
            await AssertProblemOrAcceptedAsync(rule);
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 1 && statuses.ContainsKey(202), "the mutations should produce both refusals and partly valid bodies");
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("health/ready")).StatusCode);
    }

    public static TheoryData<string, string, int> BadRuleChanges => new()
    {
        { "not JSON", "{\"enabled\":", 400 },
        { "wrong type", """{"enabled":"yes"}""", 400 },
        { "unknown severity", """{"severity":"apocalyptic"}""", 400 },
        { "negative count", """{"parameters":{"threshold":-3}}""", 400 },
        { "huge string", "{\"parameters\":{\"window\":\"" + new string('9', 10_000) + "\"}}", 400 },
        { "oversized body", "{\"parameters\":{\"window\":\"" + new string('9', 100_000) + "\"}}", 413 },
        { "deep nesting", "{\"parameters\":" + new string('[', 5_000) + new string(']', 5_000) + "}", 400 },
        { "an array", "[]", 400 },
    };

    [Theory]
    [MemberData(nameof(BadRuleChanges))]
    public async Task A_bad_rule_change_is_refused_with_the_reason_and_changes_nothing(string what, string body, int status)
    {
        var before = (await ReadObject(await _http.GetAsync("api/rules/repeated-failed-search"))).ToJsonString();

        var response = await _http.PutAsync("api/rules/repeated-failed-search", Body(body));

        Assert.Equal(status, (int)response.StatusCode);
        output.WriteLine($"{what}: {(await AssertProblemOrAcceptedAsync(response))["detail"]}");
        Assert.Equal(before, (await ReadObject(await _http.GetAsync("api/rules/repeated-failed-search"))).ToJsonString());
    }

    private static readonly byte[] RuleChange = Encoding.UTF8.GetBytes("""{ "enabled": true, "severity": "warning", "parameters": { "seconds": 300 } }""");

    private Task<HttpResponseMessage> PostAsync(string json) => _http.PostAsync("api/interactions", Body(json));

    /// <summary>Any answer is 2xx or 4xx; a 4xx is problem details with a reason and no stack trace.</summary>
    private static async Task<JsonObject> AssertProblemOrAcceptedAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status is >= 200 and < 500, $"{status}: {text[..Math.Min(text.Length, 500)]}");
        Assert.DoesNotContain("   at ", text);
        Assert.DoesNotContain("Exception", text);
        var body = JsonNode.Parse(text)!.AsObject();
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.False(string.IsNullOrWhiteSpace((string?)body["detail"]), "a problem says why");
        }

        return body;
    }

    /// <summary>One to four byte-level changes: flip, insert a JSON-ish byte, delete, or duplicate a slice.</summary>
    private static byte[] Mutate(byte[] source, Random random)
    {
        var bytes = new List<byte>(source);
        var interesting = "{}[]\",:\\0-1e9.nul\u0001"u8.ToArray().Concat(new byte[] { 0xFF, 0xC3, 0x00 }).ToArray();
        for (var i = random.Next(1, 5); i > 0 && bytes.Count > 0; i--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                case 1: bytes.Insert(at, interesting[random.Next(interesting.Length)]); break;
                case 2: bytes.RemoveAt(at); break;
                default:
                    var length = Math.Min(random.Next(1, 40), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }

        return [.. bytes];
    }
}
