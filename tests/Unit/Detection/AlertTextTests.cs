using System.Text.RegularExpressions;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Simulator;

namespace CxLive.Tests.Unit.Detection;

/// <summary>Every alert a detector raises reads in Chinese as well as English: title, detail, and what the agent says.</summary>
public sealed partial class AlertTextTests
{
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    [Fact]
    public void Every_raised_customer_alert_carries_a_Chinese_title_detail_wording_and_context()
    {
        var start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        var detectors = CustomerDetectors.Catalogue();
        var generated = new JourneyGenerator(new SimulatorOptions { Seed = 7, Customers = 1500, BadExperienceRate = 0.3 }, start, detectors.BurstExamples).Advance(start.AddHours(1));
        var raised = new DetectionReplay(detectors, RuleBook.Defaults(detectors.Definitions))
            .Run(generated.Select(g => g.Interaction), start.AddDays(4))
            .Where(s => s.Kind == SignalKind.Raise)
            .ToList();

        // Every customer rule of the catalogue spoke at least once, so none is left untranslated unseen.
        var customerRules = detectors.Definitions.Select(d => d.RuleId).ToHashSet();
        Assert.Equal(customerRules.Order(), raised.Select(s => s.RuleId).Distinct().Order());

        Assert.All(raised, signal =>
        {
            Assert.True(signal.Translations.TryGetValue(AlertLanguages.Chinese, out var zh), $"{signal.RuleId} raised without Chinese text: {signal.Title}");
            Assert.Matches(Chinese(), zh!.Title);
            Assert.Matches(Chinese(), zh.Detail);
            Assert.NotNull(signal.SuggestedAction);
            Assert.Matches(Chinese(), zh.Wording!);
            Assert.Matches(Chinese(), zh.Context!);
        });
    }

    [Theory]
    [InlineData(42, "42 秒")]
    [InlineData(4 * 60 + 10, "4 分钟")]
    [InlineData(2 * 3600, "2 小时")]
    [InlineData(2 * 3600 + 5 * 60, "2 小时 5 分钟")]
    [InlineData(3 * 86400, "3 天")]
    public void Spans_read_the_same_in_Chinese_as_in_English(int seconds, string chinese) =>
        Assert.Equal(chinese, AlertTexts.Language(AlertLanguages.Chinese).Span(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(119_999, "2 min")] // three searches stamped in milliseconds read as the same searches on whole seconds
    [InlineData(59_600, "1 min")]
    [InlineData(59_400, "59 s")]
    [InlineData(3_599_700, "1 h")]
    public void A_span_stamped_in_milliseconds_reads_as_its_nearest_second(int milliseconds, string english) =>
        Assert.Equal(english, AlertTexts.English.Span(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Every_interaction_type_has_a_name_in_every_language_so_no_raw_type_reaches_a_Chinese_detail()
    {
        Assert.All(AlertTexts.All, language => Assert.All(InteractionTypes.All, type =>
            Assert.True(language.Has($"phrases.type.{type}"), $"{language.Code} has no name for '{type}'")));
        Assert.Equal("投诉", AlertTexts.Language(AlertLanguages.Chinese).TypeName(InteractionTypes.Complaint));
        Assert.Equal("a complaint", AlertTexts.English.TypeName(InteractionTypes.Complaint));
        Assert.Equal("kiosk-scan", AlertTexts.English.TypeName("kiosk-scan")); // a type of the integrator's own, as sent
    }

    [Fact]
    public void Every_rule_has_a_name_in_every_language_so_no_rule_id_reaches_an_alerts_history()
    {
        Assert.All(AlertTexts.All, language => Assert.All(CustomerDetectors.Catalogue().Definitions, rule =>
            Assert.True(language.Has($"phrases.rule.{rule.RuleId}"), $"{language.Code} has no name for '{rule.RuleId}'")));
        Assert.Equal("Repeated failed search", AlertTexts.English.RuleName(RuleIds.RepeatedFailedSearch));
        Assert.Equal("贬损评分", AlertTexts.Language(AlertLanguages.Chinese).RuleName(RuleIds.Detractor));
    }
}
