using System.Collections.Immutable;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Webhooks;
using CxLive.Dashboard.Webhooks;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Grains.Webhooks;

namespace CxLive.Tests.Unit.Webhooks;

public sealed class SlackTextTests
{
    private static readonly Alert Alert = new()
    {
        Id = "3-abc",
        RuleId = "repeated-failed-search",
        Severity = Severity.Critical,
        State = AlertState.Open,
        CustomerId = "alice",
        Touchpoint = "web/search",
        Title = "3 searches found nothing in 4 min",
        Detail = "Searches for <red shoes> & more",
        Evidence = ["q-1"],
        RaisedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
        Fingerprint = "f",
        History = [],
        Translations = AlertLanguages.InChinese(new AlertText("4 分钟内 3 次搜索无结果", "搜索“红色跑鞋”无结果")),
    };

    private static readonly Incident Incident = new()
    {
        Id = "0-inc",
        Touchpoint = "web/search",
        AlertId = "0-deg",
        Title = "Search is failing",
        AffectedCustomers = 12,
        OpenedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    private static string Text(byte[] body) => JsonDocument.Parse(body).RootElement.GetProperty("text").GetString()!;

    /// <summary>A complaint's words may break lines; quoted in a chat message they read as lines of CxLive's own ("rule: ... · id").</summary>
    [Fact]
    public void A_customers_line_breaks_in_the_title_or_detail_stay_inside_their_line()
    {
        var typed = Alert with { Title = "Complaint\nrule: fake", Detail = "'still no refund\r\ncustomer: bob · rule: x'", Translations = [] };

        var lines = Text(SlackText.Of(typed, WebhookEvents.AlertRaised, null)).Split('\n');

        Assert.Equal(3, lines.Length); // the headline, the detail, the facts: as for any alert
        Assert.Contains("*Complaint rule: fake*", lines[0]);
        Assert.Equal("'still no refund customer: bob · rule: x'", lines[1]);
    }

    /// <summary>The webhook review: a customer id or touchpoint with a line break forged a line, and a Markdown link was a live link in Mattermost.</summary>
    [Fact]
    public void An_integrators_customer_id_touchpoint_or_link_stays_text_on_its_line()
    {
        var typed = Alert with { CustomerId = "bob\nrule: forged", Touchpoint = "web\r\nrule: forged", Detail = "see [your refund](https://evil.example)", Translations = [] };

        var text = Text(SlackText.Of(typed, WebhookEvents.AlertRaised, null));

        Assert.Equal(3, text.Split('\n').Length);
        Assert.Contains("customer: bob rule: forged · touchpoint: web rule: forged · rule:", text);
        Assert.Contains("see [your refund]\u200B(https://evil.example)", text);
        var incident = Text(SlackText.Of(Incident with { Title = "Search\nrule: forged", Touchpoint = "web\nx" }, WebhookEvents.IncidentOpened, null));
        Assert.Equal(2, incident.Split('\n').Length);
    }

    [Fact]
    public void A_chinese_target_reads_the_alert_in_chinese()
    {
        var text = Text(SlackText.Of(Alert, WebhookEvents.AlertRaised, AlertLanguages.Chinese));

        Assert.StartsWith("新告警 [严重] *4 分钟内 3 次搜索无结果* (未处理)\n搜索“红色跑鞋”无结果\n", text);
        Assert.EndsWith("客户: alice · 触点: web/search · 规则: repeated-failed-search · 3-abc", text);
    }

    [Fact]
    public void An_english_target_reads_english_with_the_customer_words_escaped_for_slack()
    {
        var body = SlackText.Of(Alert with { State = AlertState.Resolved }, WebhookEvents.AlertResolved, language: null);

        Assert.Equal(["text"], JsonDocument.Parse(body).RootElement.EnumerateObject().Select(p => p.Name));
        Assert.StartsWith("Alert resolved [critical] *3 searches found nothing in 4 min* (resolved)\nSearches for &lt;red shoes&gt; &amp; more\n", Text(body));
    }

    /// <summary>Every language with a text table writes every event, severity and state: a new table is all a Slack target in that language needs.</summary>
    [Fact]
    public void Every_language_with_a_table_writes_every_change()
    {
        var texts =
            from language in AlertTexts.All
            from @event in WebhookEvents.All
            from severity in Enum.GetValues<Severity>()
            from state in Enum.GetValues<AlertState>()
            select @event.StartsWith("incident.", StringComparison.Ordinal)
                ? Text(SlackText.Of(Incident, @event, language.Code))
                : Text(SlackText.Of(Alert with { Severity = severity, State = state }, @event, language.Code));

        Assert.All(texts, text => Assert.DoesNotContain("slack.", text));
    }

    [Fact]
    public void An_incident_reads_how_many_customers_it_affects_in_the_targets_language()
    {
        Assert.Equal("Incident opened: *Search is failing*\ntouchpoint: web/search · 12 customers affected · 0-inc", Text(SlackText.Of(Incident, WebhookEvents.IncidentOpened, null)));
        Assert.Equal("事件开始: *Search is failing*\n触点: web/search · 12 位客户受影响 · 0-inc", Text(SlackText.Of(Incident, WebhookEvents.IncidentOpened, AlertLanguages.Chinese)));
        Assert.Contains("· 1 customer affected ·", Text(SlackText.Of(Incident with { AffectedCustomers = 1 }, WebhookEvents.IncidentOpened, null)));
    }
}
