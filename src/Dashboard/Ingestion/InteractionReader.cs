using System.Collections.Frozen;
using System.Text.Json;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Dashboard.Text;

namespace CxLive.Dashboard.Ingestion;

/// <summary>
/// Reads one interaction object from a <see cref="Utf8JsonReader"/> straight into an
/// <see cref="Interaction"/>, checking every field against the ingest contract (docs/api.md) as it
/// goes. Errors read "field: reason". Unknown fields are ignored, so integrators can send extra
/// fields and newer clients keep working; a contract field written another way ("Outcome",
/// "case_id") is refused or warned about. Null counts as absent.
/// </summary>
internal static class InteractionReader
{
    public const int MaxIdLength = 128;
    public const int MaxTypeLength = 64;
    public const int MaxAttributes = 32;
    public const int MaxAttributeLength = 256;

    private static readonly FrozenDictionary<string, string> KnownTypes =
        InteractionTypes.All.ToFrozenDictionary(t => t, StringComparer.Ordinal);

    /// <summary>
    /// Reads the object the reader stands on (its StartObject) up to its EndObject. Returns the
    /// interaction, or null with the reasons added to <paramref name="errors"/>.
    /// </summary>
    /// <remarks>
    /// An accepted item CxLive may read otherwise than its sender meant (a survey answer of 3-5 with
    /// no scale, an optional field written another way) comes with a <paramref name="warning"/>.
    /// </remarks>
    public static Interaction? Read(ref Utf8JsonReader reader, in ItemRules rules, List<string> errors, out string? id, out string? warning)
    {
        var item = new ItemFields();
        var seen = InteractionFields.None;
        var errorsBefore = errors.Count;
        warning = null;
        List<(InteractionFields Meant, string Sent)>? misspelt = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var field = FieldOf(ref reader);
            if (field == InteractionFields.Unknown && !rules.AcceptedBefore && MisspeltField(ref reader) is { } nearMiss)
            {
                (misspelt ??= []).Add(nearMiss);
            }

            reader.Read();
            if (field == InteractionFields.Unknown)
            {
                reader.Skip();
                continue;
            }

            if ((seen & field) != 0)
            {
                errors.Add($"{NameOf(field)}: appears more than once");
                reader.Skip();
                continue;
            }

            seen |= field;
            if (reader.TokenType == JsonTokenType.Null)
            {
                seen &= ~field; // null is absent: a required field is then reported missing
                continue;
            }

            item.Read(field, ref reader, rules, errors);
        }

        foreach (var required in RequiredFields)
        {
            if ((seen & required) == 0)
            {
                errors.Add(SentAs(misspelt, required) is { } sent
                    ? $"{NameOf(required)}: is required; it was sent as '{sent}', which CxLive does not read (field names are case-sensitive)"
                    : $"{NameOf(required)}: is required");
            }
        }

        // An outcome written another way is refused: ignored, a failure would be read as a success.
        // Other optional fields so written are kept without them, with a warning (an integrator's own
        // "Score" or "_source" must not cost every item); beside the field itself ("ID" next to "id")
        // a look-alike is the integrator's own. A source is CxLive's to set over HTTP anyway.
        List<string>? notes = null;
        foreach (var (meant, sent) in misspelt ?? [])
        {
            if ((seen & meant) != 0 || Array.IndexOf(RequiredFields, meant) >= 0 || meant == InteractionFields.Source)
            {
                continue;
            }

            if (meant == InteractionFields.Outcome)
            {
                errors.Add($"outcome: sent as '{sent}', which CxLive does not read (field names are case-sensitive); without it the item would be read as a success");
            }
            else
            {
                (notes ??= []).Add($"{NameOf(meant)}: sent as '{sent}', which CxLive does not read (field names are case-sensitive); the item is kept without it");
            }
        }

        // A type written another way is named whatever else is wrong (a bad channel hid it, though
        // every reason is to be listed); a score is judged only on an item otherwise sound, since its
        // meaning hangs on the type and the scale.
        if (!rules.AcceptedBefore && (item.TypeProblem() ?? (errors.Count == errorsBefore ? item.ScoreProblem() : null)) is { } meaning)
        {
            errors.Add(meaning);
        }

        id = item.Id;
        if (errors.Count != errorsBefore)
        {
            return null;
        }

        if (!rules.AcceptedBefore)
        {
            foreach (var note in (ReadOnlySpan<string?>)[item.Warning(), item.PaddedCustomer(), item.TypeSlip()])
            {
                if (note is not null)
                {
                    (notes ??= []).Add(note);
                }
            }

            item.AttributeSlips(ref notes);
        }

        warning = notes is null ? null : string.Join("; ", notes);
        return item.ToInteraction(rules);
    }

    private static string? SentAs(List<(InteractionFields Meant, string Sent)>? misspelt, InteractionFields field) =>
        misspelt?.FirstOrDefault(m => m.Meant == field).Sent;

    /// <summary>
    /// A field of the contract written another way ("Outcome", "case_id", "customerID"): the field
    /// meant and the name sent, for <see cref="Read"/> to refuse or warn about. Unknown fields are
    /// ignored, so such a field was dropped without a word, and a failure sent as
    /// <c>"Outcome": "failure"</c> was read as a success. Null for a field of the integrator's own.
    /// Reads the property name on the stack: extra fields go by on every item.
    /// </summary>
    private static (InteractionFields Meant, string Sent)? MisspeltField(ref Utf8JsonReader reader)
    {
        Span<char> name = stackalloc char[32];
        if (reader.ValueSpan.Length > name.Length || !TryCopy(ref reader, name, out var length))
        {
            return null;
        }

        Span<char> plain = stackalloc char[32];
        var plainLength = 0;
        foreach (var c in name[..length])
        {
            if (c is not ('-' or '_' or ' ' or '.'))
            {
                plain[plainLength++] = char.ToLowerInvariant(c);
            }
        }

        return FieldsByPlainName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(plain[..plainLength], out var meant)
            ? (meant, name[..length].ToString())
            : null;
    }

    private static readonly InteractionFields[] RequiredFields =
    [
        InteractionFields.Id, InteractionFields.CustomerId, InteractionFields.Timestamp,
        InteractionFields.Channel, InteractionFields.Touchpoint, InteractionFields.Type,
    ];

    /// <summary>The required fields' wire names, for the OpenAPI document.</summary>
    public static IEnumerable<string> RequiredNames => RequiredFields.Select(NameOf);

    internal static InteractionFields FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("id"u8) ? InteractionFields.Id
        : reader.ValueTextEquals("customerId"u8) ? InteractionFields.CustomerId
        : reader.ValueTextEquals("timestamp"u8) ? InteractionFields.Timestamp
        : reader.ValueTextEquals("channel"u8) ? InteractionFields.Channel
        : reader.ValueTextEquals("touchpoint"u8) ? InteractionFields.Touchpoint
        : reader.ValueTextEquals("type"u8) ? InteractionFields.Type
        : reader.ValueTextEquals("outcome"u8) ? InteractionFields.Outcome
        : reader.ValueTextEquals("stage"u8) ? InteractionFields.Stage
        : reader.ValueTextEquals("caseId"u8) ? InteractionFields.CaseId
        : reader.ValueTextEquals("score"u8) ? InteractionFields.Score
        : reader.ValueTextEquals("attributes"u8) ? InteractionFields.Attributes
        : reader.ValueTextEquals("source"u8) ? InteractionFields.Source
        : InteractionFields.Unknown;

    /// <summary>Each field's wire name, made once: <c>field.ToString()</c> per field per item was a sixth of the parser's garbage.</summary>
    private static readonly FrozenDictionary<InteractionFields, string> Names =
        Enum.GetValues<InteractionFields>().Distinct().ToFrozenDictionary(f => f, f => JsonNamingPolicy.CamelCase.ConvertName(f.ToString()));

    /// <summary>Each field's wire name by its letters in lowercase ("caseid" → caseId); declared after <see cref="Names"/>, which it reads.</summary>
    private static readonly FrozenDictionary<string, InteractionFields> FieldsByPlainName = Names
        .Where(n => n.Key is not (InteractionFields.None or InteractionFields.Unknown))
        .ToFrozenDictionary(n => n.Value.ToLowerInvariant(), n => n.Key, StringComparer.Ordinal);

    private static string NameOf(InteractionFields field) => Names[field];

    /// <summary>The values read so far of one item (a struct: no allocation per item).</summary>
    private struct ItemFields
    {
        public string? Id;
        private string? _customerId, _touchpoint, _type, _caseId, _source;
        private bool _typeKnown; // read with the type: a type of the catalogue is not judged a slip from one
        private DateTimeOffset? _timestamp;
        private Channel? _channel;
        private Outcome? _outcome;
        private JourneyStage? _stage;
        private double? _score;
        private Dictionary<string, string>? _attributes;

        public void Read(InteractionFields field, ref Utf8JsonReader reader, in ItemRules rules, List<string> errors)
        {
            var name = NameOf(field);
            switch (field)
            {
                case InteractionFields.Id: Id = NotBlank(JsonText.Read(ref reader, name, MaxIdLength, errors), name, rules, errors); break;
                case InteractionFields.CustomerId: _customerId = NotBlank(JsonText.Read(ref reader, name, MaxIdLength, errors), name, rules, errors); break;
                case InteractionFields.Touchpoint: _touchpoint = JsonText.Read(ref reader, name, MaxIdLength, errors); break;
                case InteractionFields.CaseId: _caseId = JsonText.Read(ref reader, name, MaxIdLength, errors); break;
                case InteractionFields.Source: _source = JsonText.Read(ref reader, name, MaxIdLength, errors); break;
                case InteractionFields.Type:
                    _type = JsonText.Read(ref reader, name, MaxTypeLength, errors) is { } type
                        ? (_typeKnown = KnownTypes.TryGetValue(type, out var shared)) ? shared : type
                        : null;
                    break;
                case InteractionFields.Timestamp: _timestamp = ReadTimestamp(ref reader, rules, errors); break;
                case InteractionFields.Channel: _channel = ReadEnum<Channel>(ref reader, name, errors); break;
                case InteractionFields.Outcome: _outcome = ReadEnum<Outcome>(ref reader, name, errors); break;
                case InteractionFields.Stage: _stage = ReadEnum<JourneyStage>(ref reader, name, errors); break;
                case InteractionFields.Score: _score = ReadScore(ref reader, errors); break;
                case InteractionFields.Attributes: _attributes = ReadAttributes(ref reader, errors); break;
            }
        }

        /// <summary>A score its type cannot mean (<see cref="ScoreMeanings"/>): a survey off its scale, a search with -3 results.</summary>
        public readonly string? ScoreProblem() =>
            _type is null ? null : ScoreMeanings.Problem(_type, _score, _attributes?.GetValueOrDefault("scale"));

        /// <summary>A survey answer CxLive may read on another scale than meant (<see cref="SurveyScales.Ambiguity"/>).</summary>
        public readonly string? Warning() =>
            _type == InteractionTypes.Survey ? SurveyScales.Ambiguity(_score, _attributes?.GetValueOrDefault("scale")) : null;

        /// <summary>A type of the integrator's own a slip from one of the catalogue (<see cref="TypeSlips"/>): kept, but said, since no rule reads it.</summary>
        public readonly string? TypeSlip() =>
            _type is not null && TypeSlips.Meant(_type, _typeKnown) is { } meant
                ? $"type: '{_type}' is not a type CxLive reads, so no rule reads this item; did you mean '{meant}'? (it is kept as sent, as a type of your own is)"
                : null;

        /// <summary>An attribute key CxLive reads, written another way ("Query" beside no "query"): kept as sent, but said, since nothing reads it.</summary>
        public readonly void AttributeSlips(ref List<string>? notes)
        {
            if (_attributes is null)
            {
                return; // most items: nothing allocated
            }

            foreach (var (key, _) in _attributes) // not .Keys, which allocates its collection on every item
            {
                if (InteractionAttributes.NearMiss(key) is { } meant && !_attributes.ContainsKey(meant)
                    && (_type == InteractionTypes.Outreach || meant is not (OutreachAttributes.AgentId or OutreachAttributes.Result))) // read only on an outreach: elsewhere "Result" is the integrator's own
                {
                    (notes ??= []).Add($"attributes.{JsonText.Shorten(key)}: CxLive reads '{meant}', written so (attribute keys are case-sensitive); it is kept as sent, so nothing reads it");
                }
            }
        }

        /// <summary>
        /// A customer id with spaces at its ends is kept as sent, so " rita " is another customer than
        /// "rita": said, since one system's export padding it splits a history in two without a word.
        /// </summary>
        public readonly string? PaddedCustomer() =>
            _customerId is { Length: > 0 } id && (char.IsWhiteSpace(id[0]) || char.IsWhiteSpace(id[^1]))
                ? "customerId: has spaces at its ends; it is kept as sent, so it is another customer than the same id without them"
                : null; // the id itself is not quoted: the warning is logged for stream entries, before pseudonyms

        /// <summary>A type of the catalogue in other clothes ("Search"): refused, naming the one meant (<see cref="InteractionTypes.NearMiss"/>).</summary>
        public readonly string? TypeProblem() =>
            _type is not null && InteractionTypes.NearMiss(_type) is { } meant
                ? $"type: '{_type}' is not a type CxLive reads; did you mean '{meant}'? (types are lowercase words joined by '-'; a type of your own is kept, but no rule reads it)"
                : null;

        public readonly Interaction ToInteraction(in ItemRules rules) => new()
        {
            Id = Id!,
            CustomerId = rules.Privacy?.CustomerId(_customerId!) ?? _customerId!,
            Timestamp = _timestamp!.Value,
            Channel = _channel!.Value,
            Touchpoint = TouchpointNames.Shared(_touchpoint!),
            Type = _type!,
            Outcome = _outcome ?? Outcome.Success,
            Stage = _stage,
            CaseId = _caseId,
            Score = _score,
            Attributes = rules.Privacy?.Attributes(_attributes) ?? _attributes,
            Source = rules.OverrideSource ? rules.Source : _source,
            StreamEntry = rules.StreamEntry,
        };
    }

    /// <summary>
    /// An id of spaces only names nothing (it was accepted, and every such item was one customer).
    /// Not for what a front already answered 202 to (an older one, in a rolling upgrade, took it).
    /// </summary>
    private static string? NotBlank(string? text, string name, in ItemRules rules, List<string> errors)
    {
        if (text is not null && !rules.AcceptedBefore && string.IsNullOrWhiteSpace(text))
        {
            errors.Add($"{name}: must not be blank");
            return null;
        }

        return text;
    }

    private static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, in ItemRules rules, List<string> errors)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var timestamp) || !HasOffset(ref reader))
        {
            // The fast path reads only upper-case 'T' and 'Z'; RFC 3339 allows them in lower case too.
            // Read as text only while short: a failed 8 MB string is not copied to say so.
            var text = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 64 ? JsonText.TryGetString(ref reader) : null;
            if (text is null || !IsoTime.TryParseLowerCase(text, out timestamp))
            {
                errors.Add($"timestamp: {IsoTime.Problem(text, reader.TokenType == JsonTokenType.Number)}");
                reader.Skip();
                return null;
            }
        }

        if (timestamp > rules.Latest)
        {
            errors.Add($"timestamp: is more than {Readable(rules.MaxClockSkew)} in the future (Ingestion:MaxClockSkew)");
            return null;
        }

        if (timestamp < rules.Earliest)
        {
            errors.Add($"timestamp: is more than {rules.MaxEventAge.TotalDays:0.#} days old (Ingestion:MaxEventAge)");
            return null;
        }

        return timestamp;
    }

    /// <summary>"5 min", "30 s": a span as an integrator reads it, not "00:05:00".</summary>
    private static string Readable(TimeSpan span) =>
        span >= TimeSpan.FromMinutes(1) && span.Seconds == 0
            ? $"{span.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} min"
            : $"{span.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} s";

    /// <summary>ISO 8601 allows local times with no offset; the contract does not (they are ambiguous).</summary>
    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> text = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        return IsoTime.HasOffset(text);
    }

    private static TEnum? ReadEnum<TEnum>(ref Utf8JsonReader reader, string name, List<string> errors) where TEnum : struct, Enum
    {
        // Decoded onto the stack, not into a string: every interaction has a channel and most an outcome.
        Span<char> text = stackalloc char[32];
        if (reader.TokenType == JsonTokenType.String && (reader.ValueSpan.Length <= text.Length
                ? TryCopy(ref reader, text, out var length) && WireNames<TEnum>.TryParse(text[..length], out var value)
                : WireNames<TEnum>.TryParse(JsonText.TryGetString(ref reader), out value)))
        {
            return value;
        }

        // "call_center", "Call Center": the value meant, named (as a type written another way is); and
        // a slip or another form of the word ("emial", "failed").
        var sent = reader.TokenType == JsonTokenType.String ? JsonText.TryGetString(ref reader) : null;
        var meant = sent is not { Length: > 0 and <= 32 } ? null
            : WireNames<TEnum>.TryParse(sent.Trim().ToLowerInvariant().Replace('_', '-').Replace(' ', '-'), out var near) ? WireNames<TEnum>.Of(near)
            : Spelling.Closest(sent, WireNames<TEnum>.Names, sent.Length <= 4 ? 1 : 2) ?? Spelling.SameStem(sent, WireNames<TEnum>.Names); // "fb" is no slip from "web"
        errors.Add($"{name}: must be one of {WireNames<TEnum>.Allowed}{(meant is null ? "" : $"; did you mean '{meant}'?")}");
        reader.Skip();
        return null;
    }

    /// <summary>The string value into <paramref name="text"/>; false when it is not valid UTF-8 or does not fit.</summary>
    private static bool TryCopy(ref Utf8JsonReader reader, scoped Span<char> text, out int length)
    {
        try
        {
            length = reader.CopyString(text);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            length = 0;
            return false;
        }
    }

    private static double? ReadScore(ref Utf8JsonReader reader, List<string> errors)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var score) && double.IsFinite(score))
        {
            return score;
        }

        var text = reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= 20 ? JsonText.TryGetString(ref reader) : null;
        errors.Add(text is { Length: > 0 } && text.Trim() == text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var meant) && double.IsFinite(meant)
            ? $"score: must be a JSON number, not text (send {text}, not \"{text}\")"
            : "score: must be a finite number");
        reader.Skip();
        return null;
    }

    private static Dictionary<string, string>? ReadAttributes(ref Utf8JsonReader reader, List<string> errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add("attributes: must be an object of string values");
            reader.Skip();
            return null;
        }

        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = errors.Count;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = JsonText.Read(ref reader, "attributes key", MaxAttributeLength, errors);
            reader.Read();
            var label = "attributes." + JsonText.Shorten(key ?? "?");
            if (reader.TokenType == JsonTokenType.Null)
            {
                continue; // null counts as absent, here as for the fields
            }

            if (reader.TokenType != JsonTokenType.String)
            {
                errors.Add($"{label}: must be a string");
                reader.Skip();
                continue;
            }

            // The customer's own words (a complaint's text, a survey comment) may break lines as typed;
            // the rest are names and ids that go into titles and lookups, and may not.
            // Bidirectional formatting stays in her words, a search query among them (pages show it isolated: BidiText).
            var value = JsonText.Read(ref reader, label, MaxAttributeLength, errors, freeText: key is not null && CxLive.Grains.Journeys.InteractionStories.WordsAttributes.Contains(key), words: key == "query");
            if (key is null || value is null)
            {
                continue;
            }

            if (!attributes.TryAdd(key, value))
            {
                errors.Add($"{label}: appears more than once");
            }
        }

        if (attributes.Count > MaxAttributes)
        {
            errors.Add($"attributes: has {attributes.Count} entries, at most {MaxAttributes} are allowed");
        }

        return errors.Count == before && attributes.Count > 0 ? attributes : null;
    }
}
