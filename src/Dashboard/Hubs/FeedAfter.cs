using System.Text.Json;
using System.Text.Json.Serialization;

namespace CxLive.Dashboard.Hubs;

/// <summary>
/// What a resubscription resumes after, as a client hands it back: one feed's positions by partition
/// (<c>{"0": 12, "1": 7}</c>, the last <c>feedPosition</c>'s <c>alerts</c> or <c>prompts</c>), or the
/// whole last <c>feedPosition</c> (<c>{"alerts": {...}, "prompts": {...}}</c>), from which each
/// subscription takes its own feed. The whole one used to fail SignalR's argument binding with
/// "Error binding arguments" and no word of why; any other shape is named in <see cref="Problem"/>,
/// which the hub sends back as its reason, instead of SignalR's generic error.
/// </summary>
[JsonConverter(typeof(FeedAfterConverter))]
public sealed class FeedAfter
{
    private FeedAfter(IReadOnlyDictionary<int, long>? alerts, IReadOnlyDictionary<int, long>? prompts, string? problem) =>
        (Alerts, Prompts, Problem) = (alerts, prompts, problem);

    /// <summary>Positions of the alert feed (the wall's and a customer's).</summary>
    public IReadOnlyDictionary<int, long>? Alerts { get; }

    /// <summary>Positions of the prompt feed (an agent's).</summary>
    public IReadOnlyDictionary<int, long>? Prompts { get; }

    /// <summary>Why what was sent is not a position: the hub refuses the subscription with it.</summary>
    public string? Problem { get; }

    /// <summary>One feed's positions, good for either subscription (the client picked the feed).</summary>
    public static FeedAfter Positions(IReadOnlyDictionary<int, long> positions) => new(positions, positions, null);

    public static FeedAfter Whole(IReadOnlyDictionary<int, long>? alerts, IReadOnlyDictionary<int, long>? prompts) => new(alerts, prompts, null);

    public static FeedAfter Refused(string problem) => new(null, null, problem);

    public const string Expected =
        "after must be null on a first subscription, or what the last feedPosition said: its alerts (wall, customer) or prompts (agent), e.g. {\"0\": 12, \"1\": 7}, or the whole feedPosition";
}

/// <summary>Reads <see cref="FeedAfter"/> without ever failing the call's binding: a wrong shape becomes its <see cref="FeedAfter.Problem"/>.</summary>
internal sealed class FeedAfterConverter : JsonConverter<FeedAfter>
{
    public override FeedAfter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var sent = document.RootElement;
        if (sent.ValueKind != JsonValueKind.Object)
        {
            return FeedAfter.Refused($"{FeedAfter.Expected}; got {Kind(sent)}");
        }

        // '|', not '||': both feeds are looked up, whichever is there.
        if (sent.TryGetProperty("alerts", out var alerts) | sent.TryGetProperty("prompts", out var prompts))
        {
            // A feedPosition handed back whole: each subscription takes its own feed from it. One
            // without either feed would resume that subscription as a first one, missing its changes.
            var (alertPositions, alertProblem) = Positions(alerts, "alerts.");
            var (promptPositions, promptProblem) = Positions(prompts, "prompts.");
            return (alertProblem ?? promptProblem) is { } problem ? FeedAfter.Refused(problem)
                : alertPositions is null || promptPositions is null ? FeedAfter.Refused($"{FeedAfter.Expected}; a whole feedPosition has both 'alerts' and 'prompts'")
                : FeedAfter.Whole(alertPositions, promptPositions);
        }

        var (positions, wrong) = Positions(sent, "");
        return wrong is null ? FeedAfter.Positions(positions!) : FeedAfter.Refused(wrong);
    }

    private static (Dictionary<int, long>? Positions, string? Problem) Positions(JsonElement element, string path)
    {
        if (element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return (null, null);
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, $"{FeedAfter.Expected}; {path.TrimEnd('.')} is {Kind(element)}");
        }

        var positions = new Dictionary<int, long>();
        foreach (var entry in element.EnumerateObject())
        {
            if (!int.TryParse(entry.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var partition))
            {
                return (null, $"{FeedAfter.Expected}; '{path}{Ingestion.JsonText.Shorten(entry.Name)}' is not a partition number");
            }

            if (entry.Value.ValueKind != JsonValueKind.Number || !entry.Value.TryGetInt64(out var position) || position < 0)
            {
                return (null, $"{FeedAfter.Expected}; {path}{Ingestion.JsonText.Shorten(entry.Name)} is {Kind(entry.Value)}, not a position (a whole number from 0)");
            }

            positions[partition] = position;
        }

        return (positions, null);
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"the text '{Ingestion.JsonText.Shorten(element.GetString()!)}'",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    /// <summary>Only ever read: the hub takes it from clients and sends none.</summary>
    public override void Write(Utf8JsonWriter writer, FeedAfter value, JsonSerializerOptions options) =>
        throw new NotSupportedException("FeedAfter is read from clients, never written");
}
