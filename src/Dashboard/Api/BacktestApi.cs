using System.Text;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Grains;
using CxLive.Contracts.Rules;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Api.OpenApi;
using CxLive.Dashboard.Api.Requests;
using CxLive.Dashboard.Ingestion;
using CxLive.Dashboard.Privacy;
using CxLive.Grains.Alerts;
using CxLive.Grains.Backtesting;
using CxLive.Grains.Detection;
using CxLive.Grains.Rules;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CxLive.Dashboard.Api;

/// <summary>
/// <c>POST /api/rules/backtest</c>: the alerts recorded interactions would have raised, under the
/// rules in force or with overrides, computed by the live detector code in event time. Touches no
/// live state: nothing is recorded, no alert reaches the wall.
/// </summary>
public static class BacktestApi
{
    /// <summary>The operation's name, by which the OpenAPI document describes its body.</summary>
    public const string OperationName = "Backtest";

    public static IEndpointRouteBuilder MapBacktestApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/rules/backtest", RunAsync)
            .WithName(OperationName)
            .WithTags("Rules")
            .AllowsQuery("rules", "until") // ?untill= or ?rule= would otherwise run as if not given
            .Documents<BacktestRequest>("application/json", "application/x-ndjson")
            .Produces<BacktestResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        return app;
    }

    private static async Task<IResult> RunAsync(
        HttpRequest request,
        string? rules,
        string? until,
        LiveRuleBookSource source,
        IGrainFactory grains,
        IOptions<IngestionOptions> ingestion,
        IOptions<AlertOptions> alertOptions,
        PrivacyRules privacy,
        TimeProvider time)
    {
        var limits = ingestion.Value;
        DateTimeOffset? end = null;
        if (until is not null)
        {
            if (!IsoTime.TryParse(until, out var parsedUntil))
            {
                return Problems.InvalidParameter("until", IsoTime.Expected + IsoTime.QueryHint(until));
            }

            end = parsedUntil;
        }

        var ndjson = MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            && media.MediaType.Equals("application/x-ndjson", StringComparison.OrdinalIgnoreCase);
        if (!ndjson && !request.HasJsonContentType())
        {
            return Problems.UnsupportedMediaType("Content-Type must be application/json or application/x-ndjson.");
        }

        var itemRules = ItemRules.Recorded(time.GetUtcNow(), limits).WithPrivacy(privacy);
        (ParsedBatch Batch, string? Rules) body;
        try
        {
            body = await RequestBody.ReadAsync(request, limits.MaxBacktestBytes, bytes => ndjson
                ? (BatchParser.ParseNdjson(bytes.Span, itemRules, limits.MaxBacktestItems), null)
                : ReadJson(bytes.Span, itemRules, limits.MaxBacktestItems));
        }
        catch (UnreadableBodyException e)
        {
            return Problems.BadRequest("Unreadable body", e.Message);
        }
        catch (BatchTooLargeException e)
        {
            return Problems.TooLarge(e.Message.Replace("Ingestion:MaxItemsPerRequest", "Ingestion:MaxBacktestItems", StringComparison.Ordinal)
                .Replace("Ingestion:MaxRequestBytes", "Ingestion:MaxBacktestBytes", StringComparison.Ordinal));
        }

        var errors = new List<string>();
        var book = await RuleBookWithAsync(body.Rules ?? rules, source, grains, errors);
        if (book is null)
        {
            return RulesApi.Invalid(errors);
        }

        // Like ingestion: nothing to replay is the caller's mistake, not an empty result from 1970.
        if (body.Batch.ItemCount == 0)
        {
            return Problems.NoInteractions();
        }

        if (body.Batch.Valid.Count == 0)
        {
            return Problems.NoneValid(body.Batch);
        }

        // A replay that ends before it starts would answer from after until: the caller's mistake, said as one.
        if (end is { } stop && body.Batch.Valid.Min(i => i.Timestamp) is var first && stop < first)
        {
            return Problems.InvalidParameter("until", $"must not be before the first interaction ({first.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})");
        }

        var result = Backtest.Run(source.Detectors, book, body.Batch.Valid, end, alertOptions.Value);
        // The warnings too: a survey of 4 without a scale replays as a low NPS here as it would live.
        return Results.Ok(new BacktestResponse(result.Interactions, body.Batch.Rejected, result.From, result.Until, result.ByRule, result.Alerts) { Warnings = body.Batch.Warnings });
    }

    /// <summary>An array of interactions, or <c>{ "interactions": [...], "rules": { ruleId: settings } }</c>.</summary>
    private static (ParsedBatch, string?) ReadJson(ReadOnlySpan<byte> body, ItemRules itemRules, int maxItems)
    {
        // Only an object can carry "interactions" and "rules": peek at the first token rather than
        // building a document of what is usually a large array.
        var peek = new Utf8JsonReader(body);
        var isObject = false;
        try
        {
            isObject = peek.Read() && peek.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            // not JSON: the batch parser says so
        }

        var reader = new Utf8JsonReader(body);
        if (isObject && TryParse(ref reader, out var document) && document is not null)
        {
            using (document)
            {
                if (document.RootElement.TryGetProperty("interactions", out var interactions))
                {
                    // A misspelt "rulez" replayed under the rules in force, said nowhere: the comparison the analyst read was no comparison.
                    if (document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => name is not ("interactions" or "rules")) is { } unknown)
                    {
                        throw new UnreadableBodyException($"'{JsonText.Shorten(unknown)}' is not a field of a back-test body: it takes interactions and rules");
                    }

                    var rules = document.RootElement.TryGetProperty("rules", out var overrides) ? overrides.GetRawText() : null;
                    return (BatchParser.ParseJson(Encoding.UTF8.GetBytes(interactions.GetRawText()), itemRules, maxItems), rules);
                }
            }
        }

        return (BatchParser.ParseJson(body, itemRules, maxItems), null);
    }

    /// <summary>A broken object is left to the batch parser, which answers 400 with where it broke.</summary>
    private static bool TryParse(ref Utf8JsonReader reader, out JsonDocument? document)
    {
        try
        {
            return JsonDocument.TryParseValue(ref reader, out document);
        }
        catch (JsonException)
        {
            document = null;
            return false;
        }
    }

    /// <summary>The rules in force, with the overrides laid over them (same validation as PUT /api/rules).</summary>
    private static async Task<RuleBook?> RuleBookWithAsync(string? overrides, LiveRuleBookSource source, IGrainFactory grains, List<string> errors)
    {
        if (overrides is null)
        {
            return source.Current;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(overrides);
        }
        catch (JsonException e)
        {
            errors.Add($"rules: not valid JSON at {JsonErrors.Describe(e, Encoding.UTF8.GetBytes(overrides))}");
            return null;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add("rules: must be an object of rule id to settings");
                return null;
            }

            var changes = await grains.Ref<IRulesGrain>(0).GetChangesAsync();
            var overridden = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in document.RootElement.EnumerateObject())
            {
                overridden.Add(rule.Name);
                if (source.Current.Find(rule.Name) is not { } current)
                {
                    errors.Add($"rules.{rule.Name}: not a rule; {RulesApi.RuleList(source.Current)}");
                    continue;
                }

                // Bound and checked as the body of PUT /api/rules/{ruleId} is, each field named under the rule.
                var prefix = $"rules.{rule.Name}.";
                var ruleErrors = new FieldErrors();
                if (rule.Value.ValueKind != JsonValueKind.Object)
                {
                    ruleErrors.Add(prefix + "body", RuleChangeRequest.ObjectExpected!);
                }
                else if (RequestBinder.Bind<RuleChangeRequest>(rule.Value, ruleErrors, prefix) is { } request)
                {
                    changes = changes with { ByRule = changes.ByRule.SetItem(rule.Name, request.Over(current, ruleErrors, prefix)) };
                }

                errors.AddRange(ruleErrors.Lines);
            }

            // Parameters are checked even beside other mistakes, so every one is reported at once.
            // Only the overridden rules are judged (lenient): a stored change this version no longer takes runs as configured, as live.
            var parameterErrors = new List<string>();
            var built = source.TryBuild(changes, parameterErrors, lenient: true);
            errors.AddRange(parameterErrors.Select(e => e.Split(": ", 2)).Where(p => p.Length == 2 && overridden.Contains(p[0])).Select(p => $"rules.{p[0]}.{p[1]}"));
            return errors.Count == 0 ? built : null;
        }
    }
}
