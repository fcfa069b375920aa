using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CxLive.Dashboard.Api;
using CxLive.Dashboard.Hubs;
using CxLive.Dashboard.Ingestion;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Api;

/// <summary>
/// <c>/openapi/v1.json</c>, as a code generator reads it: it parses, it holds every REST endpoint the
/// app maps, and what it says of an interaction is what the ingest parser enforces.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiTests(AppFixture fixture) : IDisposable
{
    private readonly HttpClient _http = fixture.App.CreateHttpClient();

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject> DocumentAsync() => await ReadObject(await _http.GetAsync("openapi/v1.json"));

    private static JsonObject Schema(JsonObject document, string name) => document["components"]!["schemas"]![name]!.AsObject();

    [Fact]
    public async Task The_document_parses_as_OpenAPI_without_errors()
    {
        var text = await _http.GetStringAsync("openapi/v1.json");

        var read = OpenApiDocument.Parse(text, "json");

        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal("CxLive API", read.Document!.Info.Title);
        Assert.Contains("X-Api-Key", read.Document.Components!.SecuritySchemes!.Values.Select(s => s.Name));
    }

    /// <summary>
    /// A field that may be null is written <c>oneOf: [{type: null}, {$ref}]</c>: a null must match only
    /// the first, or a validating client refuses it ("valid under each of"). The review found null
    /// added to shared choices (JourneyStage, AlertOutcome), which every such field then refused.
    /// </summary>
    [Fact]
    public async Task No_oneOf_lets_null_match_more_than_its_null_branch()
    {
        var document = await DocumentAsync();
        var seen = 0;
        foreach (var oneOf in Descendants(document).OfType<JsonObject>().Select(o => o["oneOf"]).OfType<JsonArray>())
        {
            var branches = oneOf.Select(b => b!["$ref"] is { } reference ? Schema(document, ((string)reference!).Split('/')[^1]) : b!.AsObject()).ToList();
            // A branch takes null when its type allows it and its enum, if any, lists it.
            var takingNull = branches.Count(b =>
                (b["type"] is JsonValue type && (string?)type == "null" || b["type"] is JsonArray types && types.Any(t => (string?)t == "null"))
                && (b["enum"] is not JsonArray choices || choices.Contains(null)));
            Assert.True(takingNull <= 1, $"null matches {takingNull} branches of {oneOf.ToJsonString()}");
            seen++;
        }

        Assert.True(seen > 10, $"only {seen} oneOf lists: the walk missed them");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) =>
        node switch
        {
            JsonObject o => [o, .. o.Select(p => p.Value).OfType<JsonNode>().SelectMany(Descendants)],
            JsonArray a => [a, .. a.OfType<JsonNode>().SelectMany(Descendants)],
            _ => [node],
        };

    [Fact]
    public async Task Every_rest_endpoint_the_app_maps_is_in_the_document_with_its_method()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var mapped = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Path: Normalize(e.RoutePattern.RawText!), Method: m.ToLowerInvariant())))
            .ToList();

        Assert.True(mapped.Count >= 25, $"only {mapped.Count} endpoints found");
        var missing = mapped.Where(m => paths[m.Path]?[m.Method] is null).ToList();
        Assert.True(missing.Count == 0, "not in the document: " + string.Join(", ", missing));
    }

    private static string Normalize(string pattern) => Regex.Replace(pattern.TrimEnd('/'), @"\{\*\*?([^}:]+)[^}]*\}|\{([^}:]+):[^}]*\}", m => "{" + (m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value) + "}");

    [Fact]
    public async Task Operations_say_what_they_take_and_answer_and_how_to_authenticate()
    {
        var document = await DocumentAsync();
        var ingest = document["paths"]!["/api/interactions"]!["post"]!;

        Assert.NotNull(ingest["requestBody"]!["content"]!["application/json"]!["schema"]!["oneOf"]);
        Assert.NotNull(ingest["requestBody"]!["content"]!["application/x-ndjson"]);
        Assert.NotNull(ingest["requestBody"]!["content"]!["application/jsonl"]); // ingest reads it too
        Assert.Equal("#/components/schemas/IngestResponse", (string)ingest["responses"]!["202"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.NotNull(ingest["responses"]!["400"]!["content"]!["application/problem+json"]);
        Assert.NotNull(ingest["responses"]!["500"]!["content"]!["application/problem+json"]); // api.md's table has it: sending again is safe
        Assert.NotNull(ingest["security"]![0]!["apiKey"]);
        var rulePut = document["paths"]!["/api/rules/{ruleId}"]!["put"]!;
        Assert.Equal("#/components/schemas/RuleChangeRequest", (string)rulePut["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.NotNull(rulePut["security"]![0]!["cookie"]);
        Assert.Contains("for admins", (string)rulePut["description"]!);
        Assert.Equal("#/components/schemas/Alert", (string)document["paths"]!["/api/alerts/{id}/ack"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal(["info", "warning", "critical"], Schema(document, "Severity")["enum"]!.AsArray().Select(v => (string)v!));
    }

    [Fact]
    public async Task Query_values_have_their_types_and_a_paged_list_says_where_its_next_page_is()
    {
        var list = (await DocumentAsync())["paths"]!["/api/alerts"]!["get"]!;
        JsonNode Parameter(string name) => list["parameters"]!.AsArray().Single(p => (string)p!["name"]! == name)!["schema"]!;

        Assert.Equal("integer", (string)Parameter("limit")["type"]!);
        Assert.Equal("boolean", (string)Parameter("open")["type"]!);
        Assert.Equal("boolean", (string)Parameter("silenced")["type"]!);
        var headers = list["responses"]!["200"]!["headers"]!.AsObject();
        Assert.Contains("rel=\"next\"", (string)headers["Link"]!["description"]!);
        Assert.True(headers.ContainsKey("X-Next-Cursor"));
    }

    /// <summary>
    /// What any endpoint may answer besides its own: 400 for a query parameter it does not read, 401
    /// (and 403 where a role is needed) with security on, and 503 with Retry-After while Redis or the
    /// cluster does not answer. A generated client read <c>GET /api/alerts/{id}</c> as 200 or 404 only.
    /// </summary>
    [Fact]
    public async Task Every_operation_lists_the_problems_any_endpoint_may_answer()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var missing = new List<string>();
        var operations = 0;
        foreach (var (path, methods) in paths)
        {
            foreach (var (method, operation) in methods!.AsObject())
            {
                operations++;
                var responses = operation!["responses"]!.AsObject();
                var security = operation["security"]?.AsArray().SelectMany(s => s!.AsObject().Select(p => p.Key)).ToList() ?? [];
                var description = (string?)operation["description"] ?? "";
                var expected = new List<string> { "400", "503" };
                if (security.Count > 0) expected.Add("401");
                if (description.Contains("for admins", StringComparison.Ordinal) || description.Contains("for supervisors and admins", StringComparison.Ordinal)) expected.Add("403");
                foreach (var status in expected)
                {
                    if (responses[status]?["content"]?["application/problem+json"] is null) missing.Add($"{method.ToUpperInvariant()} {path} {status}");
                }

                if (responses["503"]?["headers"]?["Retry-After"] is null && !missing.Contains($"{method.ToUpperInvariant()} {path} 503")) missing.Add($"{method.ToUpperInvariant()} {path} 503 without Retry-After");
                // A key over its rate is told when to send again, as the answer does (an integrator's trial found it undeclared).
                if (responses["429"] is { } tooMany && tooMany["headers"]?["Retry-After"] is null) missing.Add($"{method.ToUpperInvariant()} {path} 429 without Retry-After");
            }
        }

        Assert.True(operations >= 30, $"only {operations} operations");
        Assert.True(missing.Count == 0, "not listed as problem answers: " + string.Join(", ", missing));

        // Ingest, the integrators' own endpoint, also says where a key goes and that a page of another site is refused.
        var ingest = paths["/api/interactions"]!["post"]!["responses"]!;
        Assert.NotNull(ingest["429"]?["headers"]?["Retry-After"]);
        Assert.NotNull(ingest["401"]?["headers"]?["WWW-Authenticate"]);
        Assert.NotNull(ingest["403"]?["content"]?["application/problem+json"]);
    }

    /// <summary>
    /// A client generated from the document refuses an answer without a field its schema requires.
    /// The generator required every constructor parameter, yet CxLive leaves out a field with no value:
    /// a rejected item with no id, a timeline entry of the integrator's own type (no stage), a customer
    /// with no alert yet. Every answer here is checked against its operation's schema, nested ones too.
    /// </summary>
    [Fact]
    public async Task Every_field_the_document_requires_is_in_the_answers()
    {
        var document = await DocumentAsync();
        var customer = NewCustomer();
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var batch = JsonNode.Parse(Json(new[]
        {
            FailedSearch(customer, at), FailedSearch(customer, at.AddSeconds(5)), FailedSearch(customer, at.AddSeconds(10)),
            Make(customer, at.AddSeconds(15), "loyalty-tier-change", touchpoint: "app/loyalty"), // the integrator's own type: no stage
        }))!.AsArray();
        batch.Add(new JsonObject { ["customerId"] = customer }); // rejected, with no id to name
        var missing = new List<string>();
        async Task<JsonNode> CheckAsync(string method, string template, HttpResponseMessage response)
        {
            var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var schema = document["paths"]![template]![method]!["responses"]![status]!["content"]!["application/json"]!["schema"]!;
            missing.AddRange(MissingRequired(document, answer, schema, $"{method.ToUpperInvariant()} {template}"));
            return answer;
        }

        await CheckAsync("post", "/api/interactions", await _http.PostAsync("api/interactions", Body(batch.ToJsonString())));
        await Eventually.TrueAsync(async () => (await ReadArray(await _http.GetAsync($"api/alerts?customerId={customer}"))).Count > 0, TimeSpan.FromSeconds(10), "the failed searches' alert");
        var alerts = await CheckAsync("get", "/api/alerts", await _http.GetAsync($"api/alerts?customerId={customer}"));
        var alertId = (string)alerts[0]!["id"]!;
        await CheckAsync("get", "/api/alerts/{id}", await _http.GetAsync($"api/alerts/{alertId}"));
        await CheckAsync("get", "/api/customers/{id}", await _http.GetAsync($"api/customers/{customer}"));
        await CheckAsync("get", "/api/customers/{id}/score", await _http.GetAsync($"api/customers/{customer}/score"));
        await CheckAsync("get", "/api/customers", await _http.GetAsync($"api/customers?query={customer}"));
        foreach (var path in new[] { "/api/alerts/stats", "/api/incidents", "/api/touchpoints", "/api/rules", "/api/agents", "/api/outreach", "/api/silences", "/api/me", "/api/insights/pain-points", "/api/experience/distribution" })
        {
            await CheckAsync("get", path, await _http.GetAsync(path.TrimStart('/')));
        }

        Assert.True(missing.Count == 0, "required by the document, missing from the answer: " + string.Join("; ", missing));
        Assert.Null(Schema(document, "AlertActionRequest")["required"]); // a resolve may leave out its outcome: CxLive decides it

        // Problem answers: each field they carry is one the document describes (a typed client keeps only those).
        Assert.Equal(HttpStatusCode.OK, (await _http.PostAsync($"api/alerts/{alertId}/resolve", Body("{}"))).StatusCode);
        var problems = new[]
        {
            await _http.PostAsync($"api/alerts/{alertId}/resolve", Body("{}")), // 409: state, alert
            await _http.PostAsync("api/interactions", Body("[{}]")), // 400: rejected
            await _http.GetAsync("api/incidents?open=maybe"), // 400: errors
        };
        var described = Schema(document, "ProblemDetails")["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var answer in problems)
        {
            var fields = (await ReadObject(answer)).Select(f => f.Key).ToList();
            Assert.Empty(fields.Except(described));
        }
    }

    /// <summary>The fields <paramref name="schema"/> requires that <paramref name="value"/> lacks, at any depth, each with where it is.</summary>
    private static IEnumerable<string> MissingRequired(JsonObject document, JsonNode? value, JsonNode schema, string at)
    {
        if (schema["$ref"] is { } reference)
        {
            schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!;
        }

        if (schema["oneOf"] is JsonArray choices && value is not null)
        {
            // An optional field: null or the one schema it has.
            return choices.Where(c => (string?)c!["type"] != "null").SelectMany(c => MissingRequired(document, value, c!, at));
        }

        var missing = new List<string>();
        if (value is JsonObject fields)
        {
            missing.AddRange((schema["required"]?.AsArray() ?? []).Select(r => (string)r!).Where(r => !fields.ContainsKey(r)).Select(r => $"{at}.{r}"));
            foreach (var (name, field) in fields)
            {
                if ((schema["properties"]?[name] ?? schema["additionalProperties"] as JsonObject) is { } inner)
                {
                    missing.AddRange(MissingRequired(document, field, inner, $"{at}.{name}"));
                }
            }
        }
        else if (value is JsonArray items && schema["items"] is { } each)
        {
            missing.AddRange(items.SelectMany((item, i) => MissingRequired(document, item, each, $"{at}[{i}]")));
        }

        return missing;
    }

    /// <summary>Its handler reads the query by hand, so the generator alone listed no parameter and only the CSV answer.</summary>
    [Fact]
    public async Task Pain_points_lists_its_parameters_and_answers_json_or_csv()
    {
        var painPoints = (await DocumentAsync())["paths"]!["/api/insights/pain-points"]!["get"]!;
        var parameters = painPoints["parameters"]!.AsArray().ToDictionary(p => (string)p!["name"]!, p => p!);

        Assert.Equal(["format", "from", "groupBy", "to"], parameters.Keys.Order(StringComparer.Ordinal));
        Assert.All(parameters.Values, p => Assert.Equal("query", (string)p["in"]!));
        Assert.Equal(["rule", "touchpoint", "stage", "channel"], parameters["groupBy"]["schema"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(["json", "csv"], parameters["format"]["schema"]!["enum"]!.AsArray().Select(v => (string)v!));
        var ok = painPoints["responses"]!["200"]!["content"]!;
        Assert.Equal("#/components/schemas/PainPointsReport", (string)ok["application/json"]!["schema"]!["$ref"]!);
        Assert.Equal("string", (string)ok["text/csv"]!["schema"]!["type"]!);
    }

    /// <summary>
    /// Every endpoint names the query it takes (its <see cref="AllowedQuery"/>, none for most actions), so
    /// a typo is refused on POST as on GET; what it allows is what a generated client can send: listed, typed, described.
    /// </summary>
    [Fact]
    public async Task Every_query_parameter_an_endpoint_allows_is_in_the_document_typed_and_described()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var checkedNames = 0;
        foreach (var (endpoint, method) in ApiEndpoints())
        {
            var allowed = endpoint.Metadata.GetMetadata<AllowedQuery>();
            Assert.True(allowed is not null, $"{method} {endpoint.RoutePattern.RawText} does not name the query it takes (AllowsQuery)");
            var listed = (paths[Normalize(endpoint.RoutePattern.RawText!)]![method]!["parameters"]?.AsArray() ?? []).Where(p => (string)p!["in"]! == "query").ToList();
            foreach (var name in allowed.Names)
            {
                var parameter = listed.SingleOrDefault(p => (string)p!["name"]! == name);
                Assert.True(parameter is not null, $"{method} {endpoint.RoutePattern.RawText}: '{name}' is not listed");
                Assert.True(parameter["schema"]?["type"] is not null, $"{method} {endpoint.RoutePattern.RawText}: '{name}' has no type");
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter["description"]), $"{method} {endpoint.RoutePattern.RawText}: '{name}' has no description (QueryParameters)");
                checkedNames++;
            }
        }

        Assert.True(checkedNames >= 22, $"only {checkedNames} parameters checked");
    }

    private IEnumerable<(RouteEndpoint Endpoint, string Method)> ApiEndpoints() =>
        fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (e, m.ToLowerInvariant())));

    [Fact]
    public async Task The_hubs_methods_and_messages_are_described()
    {
        var hub = (string)(await DocumentAsync())["tags"]!.AsArray().Single(t => ((string)t!["name"]!).Contains("SignalR"))!["description"]!;

        var methods = typeof(CxHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.GetBaseDefinition().DeclaringType == typeof(CxHub)).Select(m => m.Name);
        var messages = typeof(ICxClient).GetMethods().Select(m => m.Name);
        Assert.All(methods.Concat(messages), name => Assert.Contains($"`{name}", hub));
        Assert.Contains(CxHub.Path, hub);
    }

    /// <summary>The ingest item's schema, checked against the parser itself: each constraint it states holds, one step past it fails.</summary>
    [Fact]
    public async Task The_interaction_schema_states_exactly_what_the_parser_enforces()
    {
        var document = await DocumentAsync();
        var schema = Schema(document, "Interaction");
        var example = schema["examples"]![0]!.AsObject();
        // Accepted as served, whenever it is served: a fixed date aged past Ingestion:MaxEventAge (the integrator trial).
        Assert.InRange(DateTimeOffset.Parse((string)example["timestamp"]!, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
        Assert.Empty(Parse(example).Rejected);

        foreach (var required in schema["required"]!.AsArray().Select(r => (string)r!))
        {
            Assert.Contains($"{required}: is required", Errors(With(example, required, null)));
        }

        var properties = schema["properties"]!.AsObject();
        foreach (var (name, property) in properties.Where(p => p.Value?["maxLength"] is not null))
        {
            var max = (int)property!["maxLength"]!;
            Assert.DoesNotContain(Errors(With(example, name, new string('x', max))), e => e.StartsWith(name + ":", StringComparison.Ordinal));
            Assert.Contains($"{name}: must be at most {max} characters", Errors(With(example, name, new string('x', max + 1))));
            Assert.Contains($"{name}: must not contain control characters", Errors(With(example, name, "a\u0007b")));
            Assert.DoesNotMatch((string)property["pattern"]!, "a\u0007b");
            Assert.Contains($"{name}: must not be empty", Errors(With(example, name, "")));
        }

        // "null counts as absent": every optional field says it may be null, and is taken as null (the integrator trial: outcome did not).
        var requiredNames = schema["required"]!.AsArray().Select(r => (string)r!).ToHashSet();
        foreach (var (name, property) in properties.Where(p => !requiredNames.Contains(p.Key)))
        {
            Assert.True(property!["type"] is JsonArray types && types.Any(t => (string)t! == "null"), $"{name} is optional but its type is {property["type"]?.ToJsonString()}");
            Assert.True(property["enum"] is not JsonArray choices || choices.Contains(null), $"{name} may be null but its enum leaves null out");
            Assert.DoesNotContain(Errors(With(example, name, null)), e => e.StartsWith(name + ":", StringComparison.Ordinal));
        }

        foreach (var name in new[] { "channel", "outcome", "stage" })
        {
            var values = (properties[name]!["enum"] ?? Schema(document, Referenced(properties[name]!))["enum"])!.AsArray().Where(v => v is not null).Select(v => (string)v!).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, value => Assert.DoesNotContain(Errors(With(example, name, value)), e => e.StartsWith(name + ":", StringComparison.Ordinal)));
            Assert.Contains($"{name}: must be one of {string.Join(", ", values)}", Errors(With(example, name, "no-such-value")));
        }

        var attributes = properties["attributes"]!;
        var most = (int)attributes["maxProperties"]!;
        var longest = (int)attributes["additionalProperties"]!["maxLength"]!;
        Assert.Empty(Errors(With(example, "attributes", Attributes(most, longest))));
        Assert.Contains($"attributes: has {most + 1} entries, at most {most} are allowed", Errors(With(example, "attributes", Attributes(most + 1, 1))));
        Assert.Contains($"attributes.k0: must be at most {longest} characters", Errors(With(example, "attributes", Attributes(1, longest + 1))));
        Assert.Contains("score: must be a JSON number, not text (send 12, not \"12\")", Errors(With(example, "score", "12")));
        Assert.DoesNotContain("string", properties["score"]!["type"]!.ToJsonString());
    }

    [Fact]
    public async Task The_reference_page_is_served_from_this_server()
    {
        var page = await _http.GetAsync("scalar/");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("CxLive API reference", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("scalar/scalar.js")).StatusCode);
    }

    private static JsonObject Attributes(int count, int length) =>
        new(Enumerable.Range(0, count).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)JsonValue.Create(new string('v', length)))));

    /// <summary>An enum property is a reference to the enum's schema, or (depending on generation order) the schema inline.</summary>
    private static string Referenced(JsonNode property) =>
        ((string?)(property["$ref"] ?? property["oneOf"]?.AsArray().FirstOrDefault(o => o!["$ref"] is not null)?["$ref"]))?.Split('/')[^1]
        ?? throw new InvalidOperationException("not a reference: " + property.ToJsonString());

    private static JsonObject With(JsonObject example, string name, JsonNode? value)
    {
        var item = example.DeepClone().AsObject();
        item.Remove(name);
        if (value is not null)
        {
            item[name] = value;
        }

        return item;
    }

    private static ParsedBatch Parse(JsonObject item) =>
        BatchParser.ParseJson(Encoding.UTF8.GetBytes(item.ToJsonString()), ItemRules.At(DateTimeOffset.UtcNow, new IngestionOptions()), 1);

    private static IReadOnlyList<string> Errors(JsonObject item) => Parse(item).Rejected.SelectMany(r => r.Errors).ToList();
}
