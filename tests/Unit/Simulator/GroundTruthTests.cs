using CxLive.Alerts;
using CxLive.Detection;
using CxLive.Detection.Rules;
using CxLive.Simulator;

namespace CxLive.Tests.Unit.Simulator;

/// <summary>
/// The simulator's labelled journeys through the real detector catalogue: every injected bad
/// experience of a live rule is caught, and nothing is raised that was not injected.
/// </summary>
public sealed class GroundTruthTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void CatchesEveryInjectedBadExperience_AndRaisesNothingElse(int seed)
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        // Judge recall on cases that started in the first hour; generate a quarter hour more so
        // every one of them has played out to its end.
        var cutOff = start.AddHours(1);
        var generated = new JourneyGenerator(new SimulatorOptions { Seed = seed, Customers = 2000, BadExperienceRate = 0.3 }, start).Advance(cutOff.AddMinutes(15));
        var detectors = CustomerDetectors.Catalogue();
        var live = detectors.Definitions.Select(d => d.RuleId).ToHashSet();

        // Let time run on long enough for every deadline rule (3-day follow-ups) to speak.
        var signals = new DetectionReplay(detectors, RuleBook.Defaults(detectors.Definitions))
            .Run(generated.Select(g => g.Interaction), cutOff.AddDays(4));

        // Customer rules only: touchpoint alerts carry no customer label (the simulator injects no outages yet).
        var raised = signals.Where(s => s.Kind == SignalKind.Raise && s.CustomerId is not null).Select(s => (CustomerId: s.CustomerId!, s.RuleId)).ToHashSet();
        var injected = generated.Where(g => g.Injected is not null && live.Contains(g.Injected.RuleId)).ToList();
        var injectedAny = injected.Select(g => (g.Interaction.CustomerId, g.Injected!.RuleId)).ToHashSet();
        var injectedEarly = injected.GroupBy(g => g.Injected!.CaseId)
            .Where(c => c.Min(g => g.Interaction.Timestamp) < cutOff)
            .Select(c => (c.First().Interaction.CustomerId, c.First().Injected!.RuleId)).ToHashSet();

        Assert.True(injectedEarly.Count > 500, $"only {injectedEarly.Count} injected cases");
        Assert.Empty(injectedEarly.Except(raised)); // recall: 100 %
        Assert.Empty(raised.Where(r => r.RuleId != ExperienceDropDetector.RuleId).Except(injectedAny)); // precision: no alert without an injected case

        // experience-drop is injected by nothing: it is the sum of bad moments. It may only ever
        // speak of a customer who had at least one injected bad experience.
        var hurt = injectedAny.Select(i => i.CustomerId).ToHashSet();
        Assert.All(raised.Where(r => r.RuleId == ExperienceDropDetector.RuleId), r => Assert.Contains(r.CustomerId, hurt));
    }
}
