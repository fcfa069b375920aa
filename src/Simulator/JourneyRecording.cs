using System.Text.Json;
using CxLive.Contracts.Serialization;

namespace CxLive.Simulator;

/// <summary>
/// Simulated journeys recorded as NDJSON, the back-test API's format: one interaction per line,
/// and beside it one ground-truth label per injected case (its rule, customer and interactions).
/// </summary>
public static class JourneyRecording
{
    /// <summary>Everything <paramref name="generator"/> produces up to <paramref name="until"/>, written at once.</summary>
    public static (int Interactions, int Cases) Write(JourneyGenerator generator, DateTimeOffset until, TextWriter interactions, TextWriter labels)
    {
        var generated = generator.Advance(until);
        foreach (var g in generated)
        {
            interactions.WriteLine(JsonSerializer.Serialize(g.Interaction, CxJson.Options));
        }

        var cases = generated.Where(g => g.Injected is not null).GroupBy(g => g.Injected!.CaseId).ToList();
        foreach (var c in cases)
        {
            var first = c.First();
            labels.WriteLine(JsonSerializer.Serialize(new { caseId = c.Key, ruleId = first.Injected!.RuleId, customerId = first.Interaction.CustomerId, interactions = c.Select(g => g.Interaction.Id) }, CxJson.Options));
        }

        return (generated.Count, cases.Count);
    }
}
