using System.Collections.Immutable;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Alerts;
using CxLive.Grains.Backtesting;
using CxLive.Grains.Detection;

namespace CxLive.Evaluation;

/// <summary>
/// Journeys written by hand from real pain points, each labelled with the rules a person says
/// should alert (or none), judged against what CxLive raises: per journey, the customer alerts
/// (cards) a back-test of it raises and the rules they hold (their own and those folded in). Runs
/// in process on the current code (<c>LabelledJourneyTests</c>, the <c>labelled</c> command), or
/// against any running CxLive's back-test API, so an older version can be judged on the same journeys.
/// </summary>
public static class LabelledJourneys
{
    /// <summary>A label meaning "should alert, whatever the rule": the catalogue has none for it.</summary>
    public const string AnyRule = "*";

    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    /// <summary>What the product does where it disagrees with the label: the rules its alerts hold, and how many cards.</summary>
    public sealed record Disagreement(ImmutableArray<string>? Raises, int? Cards, string Why);

    public sealed record Journey(string Id, string PainPoint, ImmutableArray<string> Expect, Disagreement? Product, TimeSpan RunFor, IReadOnlyList<Interaction> Interactions)
    {
        public string CustomerId => "hl-" + Id;

        public DateTimeOffset Until => Interactions.Max(i => i.Timestamp) + RunFor;

        public bool ShouldAlert => Expect.Length > 0;
    }

    /// <summary>What CxLive raised for one journey, and how that compares with its label.</summary>
    public sealed record Verdict(Journey Journey, int Cards, ImmutableArray<string> Raised)
    {
        public bool Alerted => Cards > 0;

        /// <summary>Expected rules no card holds ("*": no card at all).</summary>
        public IEnumerable<string> Missed => Journey.Expect.Where(r => r == AnyRule ? !Alerted : !Raised.Contains(r));

        /// <summary>Rules raised that the label does not ask for (none when any rule will do).</summary>
        public IEnumerable<string> Extra => Journey.Expect.Contains(AnyRule) ? [] : Raised.Where(r => !Journey.Expect.Contains(r));

        /// <summary>A should-alert journey whose cards hold an expected rule (any card, for "*").</summary>
        public bool Caught => Journey.ShouldAlert && Missed.Count() < Journey.Expect.Length;

        /// <summary>As a person would have it: every expected rule held, nothing else, and one card when it should alert.</summary>
        public bool AsLabelled => !Missed.Any() && !Extra.Any() && Cards == (Journey.ShouldAlert ? 1 : 0);
    }

    public sealed record Figures(int Journeys, int ShouldAlert, int Caught, int Alerted, int AlertedRightly, int FalseAlarms, int ExpectedPairs, int RaisedPairs, int RightPairs, int Cards, int AsLabelled)
    {
        public double Recall => (double)Caught / ShouldAlert;

        public double Precision => Alerted == 0 ? 0 : (double)AlertedRightly / Alerted;

        public double RuleRecall => (double)RightPairsOfExpected / ExpectedPairs;

        public double RulePrecision => RaisedPairs == 0 ? 0 : (double)RightPairs / RaisedPairs;

        /// <summary>Expected (journey, rule) pairs raised; a "*" counts once, met by any card.</summary>
        public int RightPairsOfExpected { get; init; }
    }

    public static List<Journey> Load(string path, DateTimeOffset? start = null)
    {
        var at = start ?? Start;
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var journeys = new List<Journey>();
        foreach (var node in root["journeys"]!.AsArray())
        {
            var id = (string)node!["id"]!;
            var interactions = new List<Interaction>();
            var n = 0;
            foreach (var item in node["interactions"]!.AsArray())
            {
                var wire = item!.DeepClone().AsObject();
                var offset = TimeSpan.Parse((string)wire["at"]!, CultureInfo.InvariantCulture);
                wire.Remove("at");
                wire["id"] = $"{id}-{n++}";
                wire["customerId"] = "hl-" + id;
                wire["timestamp"] = (at + offset).ToString("O", CultureInfo.InvariantCulture);
                interactions.Add(wire.Deserialize<Interaction>(CxJson.Options)!);
            }

            var product = node["product"] is { } p
                ? new Disagreement(
                    p["raises"] is { } raises ? [.. raises.AsArray().Select(r => (string)r!)] : null,
                    p["cards"] is { } cards ? (int)cards : null,
                    (string)p["why"]!)
                : null;
            journeys.Add(new Journey(
                id,
                (string)node["painPoint"]!,
                [.. node["expect"]!.AsArray().Select(r => (string)r!)],
                product,
                node["runFor"] is { } runFor ? TimeSpan.Parse((string)runFor!, CultureInfo.InvariantCulture) : TimeSpan.FromDays(4),
                interactions));
        }

        return journeys;
    }

    /// <summary>The journey's cards and the rules they hold, from the current code (a back-test, in process).</summary>
    public static Verdict JudgeHere(Journey journey)
    {
        var detectors = CustomerDetectors.Catalogue();
        var result = Backtest.Run(detectors, RuleBook.Defaults(detectors.Definitions), journey.Interactions, journey.Until, new AlertOptions());
        return VerdictOf(journey, result.Alerts.Where(a => a.CustomerId == journey.CustomerId).Select(a => (a.RuleId, (IEnumerable<string>)a.Folded)));
    }

    /// <summary>The same, from a running CxLive's back-test API (any version that has it).</summary>
    public static async Task<Verdict> JudgeAtAsync(HttpClient http, Journey journey)
    {
        var ndjson = string.Join("\n", journey.Interactions.Select(i => JsonSerializer.Serialize(i, CxJson.Options)));
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await http.PostAsync($"api/rules/backtest?until={Uri.EscapeDataString(journey.Until.ToString("O", CultureInfo.InvariantCulture))}", content);
        response.EnsureSuccessStatusCode();
        var alerts = (await response.Content.ReadFromJsonAsync<JsonObject>())!["alerts"]!.AsArray();
        return VerdictOf(journey, alerts
            .Where(a => (string?)a!["customerId"] == journey.CustomerId)
            .Select(a => ((string)a!["ruleId"]!, a["folded"]?.AsArray().Select(r => (string)r!) ?? [])));
    }

    private static Verdict VerdictOf(Journey journey, IEnumerable<(string RuleId, IEnumerable<string> Folded)> cards)
    {
        var list = cards.ToList();
        return new Verdict(journey, list.Count, [.. list.SelectMany(c => c.Folded.Prepend(c.RuleId)).Distinct().Order(StringComparer.Ordinal)]);
    }

    public static Figures Add(IReadOnlyList<Verdict> verdicts)
    {
        var shouldAlert = verdicts.Where(v => v.Journey.ShouldAlert).ToList();
        var alerted = verdicts.Where(v => v.Alerted).ToList();
        return new Figures(
            verdicts.Count,
            shouldAlert.Count,
            shouldAlert.Count(v => v.Caught),
            alerted.Count,
            alerted.Count(v => v.Journey.ShouldAlert),
            alerted.Count(v => !v.Journey.ShouldAlert),
            verdicts.Sum(v => v.Journey.Expect.Length),
            verdicts.Sum(v => v.Raised.Length),
            verdicts.Sum(v => v.Raised.Length - v.Extra.Count()),
            verdicts.Sum(v => v.Cards),
            verdicts.Count(v => v.AsLabelled))
        {
            RightPairsOfExpected = verdicts.Sum(v => v.Journey.Expect.Length - v.Missed.Count()),
        };
    }
}
