using System.Text;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Ingestion;

namespace CxLive.Tests.Unit.Ingestion;

public sealed class BatchParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly ItemRules Rules = ItemRules.At(Now, new IngestionOptions());

    private const string Valid =
        """{"id":"i-1","customerId":"c-1","timestamp":"2026-11-23T09:59:00Z","channel":"web","touchpoint":"web/search","type":"search"}""";

    private static ParsedBatch Json(string body, int maxItems = 10_000) =>
        BatchParser.ParseJson(Encoding.UTF8.GetBytes(body), Rules, maxItems);

    private static ParsedBatch Ndjson(string body, int maxItems = 10_000) =>
        BatchParser.ParseNdjson(Encoding.UTF8.GetBytes(body), Rules, maxItems);

    /// <summary>A valid item with one field replaced (or removed, when the value is null).</summary>
    private static string With(string field, string? json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Valid)!.AsObject();
        node.Remove(field);
        if (json is not null)
        {
            node[field] = System.Text.Json.Nodes.JsonNode.Parse(json);
        }

        return node.ToJsonString();
    }

    [Fact]
    public void Interactions_of_one_touchpoint_share_one_name_so_customers_do_not_each_keep_a_copy()
    {
        var first = Json(With("touchpoint", "\"web/shared-name-test\"")).Valid.Single();
        var second = Json(With("touchpoint", "\"web/shared-name-test\"")).Valid.Single();

        Assert.Same(first.Touchpoint, second.Touchpoint);
    }

    [Fact]
    public void The_source_is_believed_from_the_stream_but_over_http_it_is_the_keys_integrator()
    {
        var claimed = Encoding.UTF8.GetBytes(With("source", "\"acme-app\""));

        Assert.Equal("acme-app", BatchParser.ParseJson(claimed, Rules, 10).Valid.Single().Source);
        Assert.Equal("acme-web", BatchParser.ParseJson(claimed, Rules.ForIntegrator("acme-web"), 10).Valid.Single().Source);
        Assert.Null(BatchParser.ParseJson(claimed, Rules.ForIntegrator(null), 10).Valid.Single().Source); // keys off: nobody vouches for it
    }

    [Fact]
    public void Reads_every_field_of_the_contract()
    {
        var batch = Json("""
            {"id":"i-9","customerId":"c-9","timestamp":"2026-11-23T17:59:00+08:00","channel":"call-center",
             "touchpoint":"call-center/billing-queue","type":"queue-wait","outcome":"abandoned","stage":"service",
             "caseId":"case-7","score":420.5,"attributes":{"queue":"billing","lang":"zh"},"somethingNew":{"ignored":[1,2]}}
            """);

        var item = Assert.Single(batch.Valid);
        Assert.Empty(batch.Rejected);
        Assert.Equal("i-9", item.Id);
        Assert.Equal("c-9", item.CustomerId);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 59, 0, TimeSpan.Zero), item.Timestamp);
        Assert.Equal(Channel.CallCenter, item.Channel);
        Assert.Equal("call-center/billing-queue", item.Touchpoint);
        Assert.Same(InteractionTypes.QueueWait, item.Type);
        Assert.Equal(Outcome.Abandoned, item.Outcome);
        Assert.Equal(JourneyStage.Service, item.Stage);
        Assert.Equal("case-7", item.CaseId);
        Assert.Equal(420.5, item.Score);
        Assert.Equal(new Dictionary<string, string> { ["queue"] = "billing", ["lang"] = "zh" }, item.Attributes);
    }

    [Fact]
    public void Optional_fields_default_sensibly_and_null_means_absent()
    {
        var item = Assert.Single(Json(With("outcome", "null")).Valid);

        Assert.Equal(Outcome.Success, item.Outcome);
        Assert.Null(item.Stage);
        Assert.Null(item.Score);
        Assert.Null(item.Attributes);
    }

    /// <summary>A complaint typed into a form breaks lines: refusing it lost the complaint, and its rule never fired.</summary>
    [Fact]
    public void An_attributes_value_is_free_text_that_may_break_lines_and_a_null_one_is_absent()
    {
        var item = Assert.Single(Json(With("attributes", """{"text":"line one\r\nline two\tend","caseNote":null,"lang":"en"}""")).Valid);

        Assert.Equal(new Dictionary<string, string> { ["text"] = "line one\r\nline two\tend", ["lang"] = "en" }, item.Attributes);
    }

    /// <summary>Her words keep bidirectional formatting (pages isolate it); an id or a name may not hold it.</summary>
    [Fact]
    public void Bidirectional_formatting_is_kept_in_her_words_and_a_query_and_refused_in_other_attributes()
    {
        var kept = Assert.Single(Json(With("attributes", """{"text":"no refund\u202e yet","query":"shoes\u202e"}""")).Valid);
        Assert.Equal("shoes\u202e", kept.Attributes!["query"]);

        var refused = Assert.Single(Json(With("attributes", """{"orderId":"ORD-1\u202e"}""")).Rejected);
        Assert.Equal(["attributes.orderId: must not contain bidirectional formatting characters (U+202A to U+202E, U+2066 to U+2069): they reorder the words shown after them"], refused.Errors);
    }

    [Fact]
    public void A_queue_wait_cannot_last_less_than_nothing_but_any_score_of_a_type_without_a_meaning_is_kept()
    {
        var wait = Json(With("type", "\"queue-wait\"").Replace("}", ",\"score\":-100}"));
        Assert.Equal(["score: a queue-wait's score is the seconds waited, from 0 to 2592000 (30 days)"], Assert.Single(wait.Rejected).Errors);

        Assert.Equal(-2.5, Assert.Single(Json(With("type", "\"loyalty-tier-changed\"").Replace("}", ",\"score\":-2.5}")).Valid).Score);
    }

    [Fact]
    public void Unknown_types_are_kept()
    {
        var item = Assert.Single(Json(With("type", "\"loyalty-tier-changed\"")).Valid);

        Assert.Equal("loyalty-tier-changed", item.Type);
    }

    [Theory]
    [InlineData("id", null, "id: is required")]
    [InlineData("id", "null", "id: is required")]
    [InlineData("customerId", null, "customerId: is required")]
    [InlineData("timestamp", null, "timestamp: is required")]
    [InlineData("channel", null, "channel: is required")]
    [InlineData("touchpoint", null, "touchpoint: is required")]
    [InlineData("type", null, "type: is required")]
    [InlineData("id", "42", "id: must be a string")]
    [InlineData("id", "\"\"", "id: must not be empty")]
    [InlineData("customerId", "{\"a\":1}", "customerId: must be a string")]
    [InlineData("touchpoint", "\"web\\u0000search\"", "touchpoint: must not contain control characters")]
    [InlineData("caseId", "\"case\\nbreak\"", "caseId: must not contain control characters")]
    [InlineData("customerId", "\"bidi\\u202egnp.exe\"", "customerId: must not contain bidirectional formatting characters (U+202A to U+202E, U+2066 to U+2069): they reorder the words shown after them")] // shown as "bidiexe.png"
    [InlineData("id", "\"   \"", "id: must not be blank")] // every such item was taken as the same one
    [InlineData("customerId", "\" \"", "customerId: must not be blank")]
    [InlineData("timestamp", "\"2026-11-23T09:59:00\"", "timestamp: '2026-11-23T09:59:00' has no offset: add 'Z' for UTC or the local offset, e.g. +08:00 (must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z)")]
    [InlineData("timestamp", "\"2026-11-23T17:59:00+0800\"", "timestamp: '2026-11-23T17:59:00+0800': write the offset with a colon ('+08:00'): must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "\"2026-11-23T09:59:00+00\"", "timestamp: '2026-11-23T09:59:00+00': write the offset in hours and minutes ('+00:00'): must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "\"2026-11-23 09:59:00Z\"", "timestamp: '2026-11-23 09:59:00Z' has a space between the date and the time: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z ('T' between them)")]
    [InlineData("timestamp", "\"yesterday\"", "timestamp: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "\"2026-11-23\"", "timestamp: '2026-11-23' is a date without a time: add the time and its offset, e.g. '2026-11-23T00:00:00Z' (must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z)")]
    [InlineData("timestamp", "\"20261123T095900Z\"", "timestamp: '20261123T095900Z' is in ISO 8601's basic format: write it with '-' and ':', e.g. '2026-11-23T09:59:00' and its offset (must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z)")]
    [InlineData("timestamp", "\"2026-11-23T09:59:00+24:00\"", "timestamp: '2026-11-23T09:59:00+24:00': an offset is at most +14:00: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "\"2026-11-23T09:59:00+2400\"", "timestamp: '2026-11-23T09:59:00+2400': an offset is at most +14:00: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")] // was told to write +24:00, then refused for it
    [InlineData("timestamp", "\"2026-11-23T09:59:00-14:30\"", "timestamp: '2026-11-23T09:59:00-14:30': an offset is at most -14:00: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "\"2026-11-23T09:59:00+05:75\"", "timestamp: '2026-11-23T09:59:00+05:75': an offset's minutes run from 00 to 59: must be an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z")]
    [InlineData("timestamp", "1700000000", "timestamp: must be a string (an ISO 8601 date-time with an offset, e.g. 2026-11-23T10:15:00Z); numbers such as epoch seconds are not read")]
    [InlineData("timestamp", "\"2026-11-23T10:05:01Z\"", "timestamp: is more than 5 min in the future (Ingestion:MaxClockSkew)")]
    [InlineData("timestamp", "\"2026-10-24T09:59:59Z\"", "timestamp: is more than 30 days old (Ingestion:MaxEventAge)")]
    [InlineData("channel", "\"fax\"", "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other")]
    [InlineData("channel", "\"call center\"", "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other; did you mean 'call-center'?")]
    [InlineData("channel", "\"Call_Center\"", "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other; did you mean 'call-center'?")]
    [InlineData("outcome", "\"ok\"", "outcome: must be one of success, failure, abandoned")]
    [InlineData("outcome", "\"failed\"", "outcome: must be one of success, failure, abandoned; did you mean 'failure'?")] // the integrator trial: no hint
    [InlineData("outcome", "\"succeeded\"", "outcome: must be one of success, failure, abandoned; did you mean 'success'?")]
    [InlineData("channel", "\"fb\"", "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other")] // two letters: no slip from "web"
    [InlineData("channel", "\"emial\"", "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other; did you mean 'email'?")]
    [InlineData("stage", "\"checkout\"", "stage: must be one of discover, research, purchase, receive, service, share")]
    [InlineData("score", "\"12\"", "score: must be a JSON number, not text (send 12, not \"12\")")]
    [InlineData("score", "1e999", "score: must be a finite number")]
    [InlineData("score", "-3", "score: a search's score is its number of results, a whole number from 0")]
    [InlineData("score", "1.5", "score: a search's score is its number of results, a whole number from 0")]
    [InlineData("type", "\"Search\"", "type: 'Search' is not a type CxLive reads; did you mean 'search'? (types are lowercase words joined by '-'; a type of your own is kept, but no rule reads it)")] // kept as unknown, no rule read the searches
    [InlineData("type", "\"queue_wait\"", "type: 'queue_wait' is not a type CxLive reads; did you mean 'queue-wait'? (types are lowercase words joined by '-'; a type of your own is kept, but no rule reads it)")]
    [InlineData("attributes", "[\"a\"]", "attributes: must be an object of string values")]
    [InlineData("attributes", "{\"query\":5}", "attributes.query: must be a string")]
    [InlineData("attributes", "{\"query\":\"\"}", "attributes.query: must not be empty")]
    [InlineData("attributes", "{\"text\":\"a\\u0007b\"}", "attributes.text: must not contain control characters other than tabs and line breaks")]
    [InlineData("attributes", "{\"a\\nb\":\"x\"}", "attributes key: must not contain control characters")]
    [InlineData("attributes", "{\"orderId\":\"ORD-1\\r\\n\"}", "attributes.orderId: must not contain control characters")] // an id, not the customer's words
    public void Rejects_a_bad_field_naming_the_field_and_the_reason(string field, string? json, string error)
    {
        var batch = Json($"[{With(field, json)}]");

        Assert.Empty(batch.Valid);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(0, rejected.Index);
        Assert.Equal([error], rejected.Errors);
    }

    /// <summary>RFC 3339 allows a lower-case 'T' and 'Z'; they were refused as not ISO 8601.</summary>
    [Theory]
    [InlineData("2026-11-23t09:59:00z")]
    [InlineData("2026-11-23t09:59:00.5+08:00")]
    [InlineData("2026-11-23T09:59:00z")]
    public void A_timestamp_with_a_lower_case_t_or_z_is_read_as_its_upper_case_form(string timestamp)
    {
        var batch = Json($"[{With("timestamp", $"\"{timestamp}\"")}]");

        Assert.Empty(batch.Rejected);
        Assert.Equal(DateTimeOffset.Parse(timestamp.ToUpperInvariant(), System.Globalization.CultureInfo.InvariantCulture), Assert.Single(batch.Valid).Timestamp);
    }

    /// <summary>" rita " is kept as sent, another customer than "rita": said, since it splits a history in two.</summary>
    [Fact]
    public void A_customer_id_with_spaces_at_its_ends_is_kept_as_sent_with_a_warning()
    {
        var batch = Json($"[{With("customerId", "\" rita \"")}]");

        Assert.Equal(" rita ", Assert.Single(batch.Valid).CustomerId);
        Assert.Equal("customerId: has spaces at its ends; it is kept as sent, so it is another customer than the same id without them", Assert.Single(batch.Warnings!).Warning);
        Assert.DoesNotContain("rita", batch.Warnings![0].Warning); // logged for stream entries, before pseudonyms
    }

    /// <summary>The integrator trial: "serach" was accepted without a word, and no rule ever read the searches.</summary>
    [Theory]
    [InlineData("serach", "search")]
    [InlineData("searches", "search")]
    [InlineData("page-viewed", "page-view")]
    [InlineData("complaint-rely", "complaint-reply")]
    [InlineData("complaint-replied", "complaint-reply")] // three edits, but each word another form of the catalogue's
    [InlineData("push-opening", "push-opened")]
    [InlineData("complaint-escalated", null)]
    [InlineData("page-viewport", null)] // a word of its own that starts like the catalogue's: not a form of it
    [InlineData("order-statement", null)]
    [InlineData("checkin", null)]
    [InlineData("push", null)] // a word of the catalogue's types, but not one of them
    [InlineData("loyalty-tier-changed", null)] // a type of the integrator's own: kept without a word, as before
    [InlineData("contract-signed", null)]
    public void A_type_a_slip_from_one_of_the_catalogue_is_kept_with_a_warning_naming_it(string type, string? meant)
    {
        for (var again = 0; again < 2; again++) // the second time from what was kept
        {
            var batch = Json($"[{With("type", $"\"{type}\"")}]");

            Assert.Equal(type, Assert.Single(batch.Valid).Type);
            Assert.Equal(
                meant is null ? null : [$"type: '{type}' is not a type CxLive reads, so no rule reads this item; did you mean '{meant}'? (it is kept as sent, as a type of your own is)"],
                batch.Warnings?.Select(w => w.Warning));
        }
    }

    /// <summary>The integrator trial: "Query" was kept without a word, and no rule or timeline read the search's words.</summary>
    [Theory]
    [InlineData("{\"Query\":\"red shoes\"}", "attributes.Query: CxLive reads 'query', written so (attribute keys are case-sensitive); it is kept as sent, so nothing reads it")]
    [InlineData("{\"order_id\":\"A-1\"}", "attributes.order_id: CxLive reads 'orderId', written so (attribute keys are case-sensitive); it is kept as sent, so nothing reads it")]
    [InlineData("{\"Query\":\"red\",\"query\":\"red shoes\"}", null)] // the key read is there too: the other is the integrator's own
    [InlineData("{\"loyaltyTier\":\"gold\"}", null)]
    [InlineData("{\"Result\":\"ok\",\"AgentId\":\"a-7\"}", null)] // read only on an outreach: here the integrator's own
    public void An_attribute_key_CxLive_reads_written_another_way_is_kept_with_a_warning(string attributes, string? warning)
    {
        var batch = Json($"[{With("attributes", attributes)}]");

        Assert.Single(batch.Valid);
        Assert.Equal(warning is null ? null : [warning], batch.Warnings?.Select(w => w.Warning));
    }

    [Fact]
    public void An_outreach_of_the_integrators_own_with_its_result_written_another_way_is_warned_about()
    {
        var outreach = With("type", "\"outreach\"").Replace("\"touchpoint\":\"web/search\"", "\"touchpoint\":\"outreach/crm\"");
        var batch = Json($"[{outreach.TrimEnd('}')},\"outcome\":\"success\",\"attributes\":{{\"Result\":\"resolved\"}}}}]");

        Assert.Single(batch.Valid);
        Assert.Equal(["attributes.Result: CxLive reads 'result', written so (attribute keys are case-sensitive); it is kept as sent, so nothing reads it"], batch.Warnings?.Select(w => w.Warning));
    }

    [Fact]
    public void A_queue_wait_longer_than_30_days_is_refused_as_no_wait_and_the_items_beside_it_kept()
    {
        // 1e12 seconds was taken, then overflowed the long-wait rule and every later read of the
        // customer (a 500 on their page), and the batch's retry met only duplicates.
        static string Wait(string id, string seconds) => Valid.Replace("\"type\":\"search\"", $"\"type\":\"queue-wait\",\"score\":{seconds}", StringComparison.Ordinal)
            .Replace("\"i-1\"", $"\"{id}\"", StringComparison.Ordinal);

        var batch = Json($"[{Wait("w-1", "2592000")},{Wait("w-2", "1e12")},{Wait("w-3", "2592001")},{Wait("w-4", "600")}]");

        Assert.Equal(["w-1", "w-4"], batch.Valid.Select(i => i.Id));
        Assert.Equal([1, 2], batch.Rejected.Select(r => r.Index));
        Assert.All(batch.Rejected, r => Assert.Equal(["score: a queue-wait's score is the seconds waited, from 0 to 2592000 (30 days)"], r.Errors));
    }

    [Fact]
    public void An_outcome_written_another_way_is_refused_and_the_items_beside_it_kept()
    {
        var batch = Json($"[{With("Outcome", "\"failure\"")},{Valid.Replace("i-1", "i-2")}]"); // ignored, the failure was read as a success

        Assert.Equal("i-2", Assert.Single(batch.Valid).Id);
        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal(("i-1", 0), (rejected.Id, rejected.Index));
        Assert.Equal(["outcome: sent as 'Outcome', which CxLive does not read (field names are case-sensitive); without it the item would be read as a success"], rejected.Errors);
    }

    [Theory]
    [InlineData("case_id", "\"case-7\"", "caseId")]
    [InlineData("Score", "0", "score")]
    [InlineData("ATTRIBUTES", "{\"query\":\"shoes\"}", "attributes")]
    [InlineData("_stage", "\"research\"", "stage")]
    public void Another_optional_field_written_another_way_is_kept_without_it_and_said_in_a_warning(string sent, string json, string meant)
    {
        var batch = Json($"[{With(sent, json)}]");

        Assert.Single(batch.Valid);
        Assert.Equal($"{meant}: sent as '{sent}', which CxLive does not read (field names are case-sensitive); the item is kept without it", Assert.Single(batch.Warnings!).Warning);
    }

    [Fact]
    public void A_misspelt_required_field_is_named_in_the_field_missing()
    {
        var rejected = Assert.Single(Json(Valid.Replace("\"customerId\"", "\"customerID\"")).Rejected);

        Assert.Equal(["customerId: is required; it was sent as 'customerID', which CxLive does not read (field names are case-sensitive)"], rejected.Errors);
    }

    [Fact]
    public void A_look_alike_beside_the_field_itself_or_of_the_source_is_the_integrators_own_and_kept()
    {
        var batch = Json(With("ID", "\"crm-77\"") + "\n"); // their own record id next to ours

        Assert.Equal("i-1", Assert.Single(batch.Valid).Id);
        Assert.Null(batch.Warnings);
        Assert.Null(Json(With("Source", "\"crm\"")).Warnings); // CxLive sets the source over HTTP anyway
        Assert.Single(Json(With("sourceSystem", "\"crm\"")).Valid); // and a field of their own is no near miss
    }

    [Fact]
    public void The_stream_entries_cxlive_accepted_before_are_not_checked_again_for_look_alikes()
    {
        var older = Encoding.UTF8.GetBytes(With("Outcome", "\"failure\""));

        Assert.Single(BatchParser.ParseJson(older, Rules with { AcceptedBefore = true }, 10).Valid);
    }

    [Theory]
    [InlineData(4, null, true)] // a happy CSAT 4, or a low NPS: read as NPS, said so
    [InlineData(3, null, true)]
    [InlineData(5, null, true)]
    [InlineData(2, null, false)] // low on either scale: the alert is the same
    [InlineData(0, null, false)] // 0 is no CSAT answer: surely NPS
    [InlineData(7, null, false)]
    [InlineData(4, "nps", false)] // the sender said which
    [InlineData(4, "csat", false)]
    public void A_survey_answer_of_three_to_five_without_a_scale_is_kept_with_a_warning_that_it_is_read_as_nps(int score, string? scale, bool warned)
    {
        var attributes = scale is null ? "" : $",\"attributes\":{{\"scale\":\"{scale}\"}}";
        var survey = $"{{\"id\":\"s-1\",\"customerId\":\"c-1\",\"timestamp\":\"2026-11-23T09:59:00Z\",\"channel\":\"survey\",\"touchpoint\":\"survey/nps\",\"type\":\"survey\",\"score\":{score}{attributes}}}";

        var batch = Json($"[{Valid},{survey}]");

        Assert.Equal(2, batch.Valid.Count);
        if (warned)
        {
            var warning = Assert.Single(batch.Warnings!);
            Assert.Equal((1, "s-1"), (warning.Index, warning.Id));
            Assert.Equal($"attributes.scale: not given, so the answer {score} is read on the nps scale (0-10), where it is a low score; if it is a csat answer (1-5), send \"scale\": \"csat\"", warning.Warning);
        }
        else
        {
            Assert.Null(batch.Warnings);
        }
    }

    [Fact]
    public void A_warning_in_ndjson_names_its_line()
    {
        var survey = """{"id":"s-1","customerId":"c-1","timestamp":"2026-11-23T09:59:00Z","channel":"survey","touchpoint":"survey/nps","type":"survey","score":3}""";

        var warning = Assert.Single(Ndjson($"{Valid}\n\n{survey}\n").Warnings!);

        Assert.Equal((2, 3), (warning.Index, warning.Line));
    }

    [Theory]
    [InlineData("id", 128)]
    [InlineData("customerId", 128)]
    [InlineData("touchpoint", 128)]
    [InlineData("caseId", 128)]
    [InlineData("type", 64)]
    public void Enforces_length_limits_at_the_limit_and_one_over(string field, int max)
    {
        Assert.Single(Json(With(field, $"\"{new string('x', max)}\"")).Valid);

        var rejected = Assert.Single(Json(With(field, $"\"{new string('x', max + 1)}\"")).Rejected);
        Assert.Equal([$"{field}: must be at most {max} characters"], rejected.Errors);
    }

    [Fact]
    public void Huge_strings_are_rejected_without_trouble()
    {
        var rejected = Assert.Single(Json(With("id", $"\"{new string('x', 1_000_000)}\"")).Rejected);

        Assert.Equal(["id: must be at most 128 characters"], rejected.Errors);
    }

    [Fact]
    public void Attributes_at_most_32_keys_and_values_at_most_256()
    {
        var thirtyTwo = string.Join(",", Enumerable.Range(0, 32).Select(i => $"\"k{i}\":\"v\""));
        Assert.Equal(32, Assert.Single(Json(With("attributes", $"{{{thirtyTwo}}}")).Valid).Attributes!.Count);

        var rejected = Assert.Single(Json(With("attributes", $"{{{thirtyTwo},\"k32\":\"v\"}}")).Rejected);
        Assert.Equal(["attributes: has 33 entries, at most 32 are allowed"], rejected.Errors);

        rejected = Assert.Single(Json(With("attributes", $"{{\"k\":\"{new string('v', 257)}\"}}")).Rejected);
        Assert.Equal(["attributes.k: must be at most 256 characters"], rejected.Errors);
    }

    [Fact]
    public void Duplicate_keys_are_rejected()
    {
        var body = Valid.Replace("\"type\":\"search\"", "\"type\":\"search\",\"id\":\"i-2\"", StringComparison.Ordinal);

        var rejected = Assert.Single(Json(body).Rejected);

        Assert.Equal(["id: appears more than once"], rejected.Errors);
        Assert.Equal("i-1", rejected.Id);
    }

    [Fact]
    public void Reports_every_problem_of_an_item_and_its_id_when_readable()
    {
        var rejected = Assert.Single(Json("""[{"id":"i-5","channel":"fax","score":"high"}]""").Rejected);

        Assert.Equal("i-5", rejected.Id);
        Assert.Equal(
            [
                "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other",
                "score: must be a finite number",
                "customerId: is required",
                "timestamp: is required",
                "touchpoint: is required",
                "type: is required",
            ],
            rejected.Errors);
    }

    /// <summary>The analyst trial: a bad channel, a type written another way and a score of -1 reported only the channel.</summary>
    [Fact]
    public void A_type_written_another_way_is_named_beside_the_items_other_faults()
    {
        var rejected = Assert.Single(Json(With("channel", "\"fax\"").Replace("\"search\"", "\"Search\"")).Rejected);

        Assert.Equal(
            [
                "channel: must be one of web, app, call-center, chat, email, store, social, push, sms, field-service, partner, survey, other",
                "type: 'Search' is not a type CxLive reads; did you mean 'search'? (types are lowercase words joined by '-'; a type of your own is kept, but no rule reads it)",
            ],
            rejected.Errors);
    }

    [Fact]
    public void A_byte_order_mark_before_the_body_is_skipped()
    {
        byte[] bom = [0xEF, 0xBB, 0xBF];

        Assert.Single(BatchParser.ParseJson([.. bom, .. Encoding.UTF8.GetBytes($"[{Valid}]")], Rules, 10).Valid);
        Assert.Single(BatchParser.ParseNdjson([.. bom, .. Encoding.UTF8.GetBytes(Valid + "\n")], Rules, 10).Valid);
    }

    [Fact]
    public void Ndjson_sent_as_json_is_refused_with_the_content_type_to_use()
    {
        var refused = Assert.Throws<UnreadableBodyException>(() => Json(Valid + "\n" + Valid.Replace("i-1", "i-2")));

        Assert.StartsWith("the body is not valid JSON at line 2, column 1", refused.Message);
        Assert.Contains("application/x-ndjson", refused.Message);
        Assert.DoesNotContain("x-ndjson", Assert.Throws<UnreadableBodyException>(() => Json("[" + Valid + ",]")).Message);
    }

    /// <summary>Read as one interaction, the wrapper was refused for six missing fields: the wrong mistake.</summary>
    [Fact]
    public void Items_wrapped_in_an_object_are_refused_with_the_array_to_send_instead()
    {
        var refused = Assert.Throws<UnreadableBodyException>(() => Json($$"""{"batchId": 7, "interactions": [{{Valid}}]}"""));

        Assert.Equal("the body is an object holding an array under 'interactions': send the array itself ([{...}, {...}]), or one interaction as an object", refused.Message);
        // An interaction with an array among its own fields is still read as one; an object with no array is one bad item.
        var tagged = "{\"tags\": [\"x\"], " + Valid[1..];
        Assert.Equal("i-1", Assert.Single(Json(tagged).Valid).Id);
        Assert.Contains("id: is required", Assert.Single(Json("{\"batchId\": 7}").Rejected).Errors);
    }

    [Fact]
    public void Keeps_the_good_items_beside_bad_ones()
    {
        var batch = Json($"[{Valid.Replace("i-1", "a", StringComparison.Ordinal)}, 42, {With("channel", "\"fax\"")}, {Valid.Replace("i-1", "b", StringComparison.Ordinal)}]");

        Assert.Equal(["a", "b"], batch.Valid.Select(v => v.Id));
        Assert.Equal([1, 2], batch.Rejected.Select(r => r.Index));
        Assert.Equal(["item: must be a JSON object"], batch.Rejected[0].Errors);
    }

    [Theory]
    [InlineData("", "the body is empty")]
    [InlineData(" \r\n ", "the body is empty")]
    [InlineData("not json", "the body is not valid JSON at line 1, column 1: 'not' is not a JSON value")]
    [InlineData("[{\"id\":\"i-1\",}]", "the body is not valid JSON at line 1, column 14: a comma before '}' is not allowed")]
    [InlineData("[" + Valid, "the body is not valid JSON at line 1,")]
    [InlineData("\"a string\"", "the body must be a JSON object, a JSON array of objects, or NDJSON")]
    [InlineData("42", "the body must be a JSON object, a JSON array of objects, or NDJSON")]
    [InlineData(Valid + " trailing", "the body is not valid JSON at line 1, column 126: unexpected 'trailing'")]
    public void Unreadable_bodies_are_refused_as_a_whole(string body, string reason)
    {
        var e = Assert.Throws<UnreadableBodyException>(() => Json(body));

        Assert.StartsWith(reason, e.Message);
    }

    [Fact]
    public void Deep_nesting_is_unreadable_not_a_crash()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);

        Assert.Throws<UnreadableBodyException>(() => Json(deep));
        Assert.Single(Json(With("attributes", new string('[', 40) + new string(']', 40))).Rejected);
    }

    [Fact]
    public void Invalid_utf8_in_a_string_rejects_that_item_only()
    {
        var bytes = Encoding.UTF8.GetBytes($"[{With("customerId", "\"c-XX\"")},{Valid}]");
        var at = Array.IndexOf(bytes, (byte)'X');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28; // an invalid two-byte sequence

        var batch = BatchParser.ParseJson(bytes, Rules, 100);

        Assert.Single(batch.Valid);
        Assert.Equal(["customerId: is not valid UTF-8"], Assert.Single(batch.Rejected).Errors);
    }

    /// <summary>The integrator trial: valid bytes, one escape for half an emoji, and the answer said "not valid UTF-8".</summary>
    [Fact]
    public void An_escape_for_half_a_character_is_named_as_such_and_rejects_that_item_only()
    {
        // Written by hand: JsonNode will not hold half a character.
        static string Customer(string escaped) => Valid.Replace("\"c-1\"", $"\"c-{escaped}\"", StringComparison.Ordinal);
        var batch = Json($"[{Customer("\\ud83d")},{Valid}]");

        Assert.Single(batch.Valid);
        Assert.Equal(["customerId: has a \\u escape that is half of a character (a lone surrogate such as \\ud83d): send both halves (\\ud83d\\ude00) or the character itself"], Assert.Single(batch.Rejected).Errors);
        Assert.Empty(Json($"[{Customer("\\ud83d\\ude00")}]").Rejected);
    }

    [Fact]
    public void Too_many_items_is_too_large()
    {
        Assert.Equal(3, Json($"[{Valid},{Valid},{Valid}]", maxItems: 3).ItemCount);
        var e = Assert.Throws<BatchTooLargeException>(() => Json($"[{Valid},{Valid},{Valid},{Valid}]", maxItems: 3));
        Assert.Equal("a request may hold at most 3 interactions (Ingestion:MaxItemsPerRequest)", e.Message);
        Assert.Throws<BatchTooLargeException>(() => Ndjson($"{Valid}\n{Valid}\n{Valid}\n{Valid}", maxItems: 3));
    }

    [Fact]
    public void Ndjson_one_object_per_line_broken_lines_rejected_by_line_number()
    {
        var body = $"{Valid}\r\n\n{{not json\n{Valid.Replace("i-1", "i-2", StringComparison.Ordinal)} extra\n[1]\n{Valid.Replace("i-1", "i-3", StringComparison.Ordinal)}\n";

        var batch = Ndjson(body);

        Assert.Equal(["i-1", "i-3"], batch.Valid.Select(v => v.Id));
        Assert.Equal([2, 3, 4], batch.Rejected.Select(r => r.Index));
        Assert.Equal([3, 4, 5], batch.Rejected.Select(r => r.Line)); // as an editor counts them
        Assert.Equal("item: not valid JSON at line 3, column 2: a property name in double quotes was expected but found 'not json'", batch.Rejected[0].Errors[0]);
        Assert.Equal("item: not valid JSON at line 4, column 126: unexpected 'extra'", batch.Rejected[1].Errors[0]);
        Assert.Equal(["item: must be a JSON object"], batch.Rejected[2].Errors);
    }

    [Theory]
    [InlineData("[\n  {\"id\": tru}\n]", "line 2, column 10: 'tru' is not a JSON value")]
    [InlineData("[1,]", "line 1, column 4: a comma before ']' is not allowed (remove the last comma)")]
    [InlineData("{'id':1}", "line 1, column 2: strings need double quotes")]
    [InlineData("[{\"id\": 1} // note\n]", "line 1, column 12: comments are not allowed in JSON")]
    [InlineData("{\"id\":\"a\nb\"}", "line 1, column 9: a control character (U+000A) must be written escaped")]
    [InlineData("[{\"id\":\"é\"", "line 1, column 11: the JSON ends before it is complete")]
    [InlineData("[" + Valid + " 7]", "line 1, column 127: unexpected '7]'")]
    public void Broken_json_is_described_by_line_column_and_what_is_wrong_never_by_the_readers_own_words(string body, string where)
    {
        var e = Assert.Throws<UnreadableBodyException>(() => Json(body));

        Assert.StartsWith("the body is not valid JSON at " + where, e.Message);
        Assert.DoesNotContain("LineNumber", e.Message);
        Assert.DoesNotContain("reader options", e.Message);
    }

    [Fact]
    public void Ndjson_item_errors_name_the_line_counted_from_one()
    {
        var batch = Ndjson($"{Valid}\n{With("channel", "\"fax\"")}\n");

        var rejected = Assert.Single(batch.Rejected);
        Assert.Equal((1, 2), (rejected.Index, rejected.Line));
        Assert.Null(Json($"[{Valid},{With("channel", "\"fax\"")}]").Rejected.Single().Line); // arrays have indexes, not lines
    }

    [Theory]
    [InlineData("Web", Channel.Web)]
    [InlineData("CALL-CENTER", Channel.CallCenter)]
    [InlineData("CallCenter", Channel.CallCenter)]
    [InlineData("field-service", Channel.FieldService)]
    public void Enum_values_are_read_in_any_case_and_in_the_spelling_configuration_uses(string written, Channel channel)
    {
        Assert.Equal(channel, Json(With("channel", $"\"{written}\"")).Valid.Single().Channel);
    }
}
