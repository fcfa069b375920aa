using System.Text;
using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Serialization;
using CxLive.Contracts.Webhooks;
using CxLive.Grains.Alerts;

namespace CxLive.Grains.Webhooks;

/// <summary>
/// The <c>slack</c> format: <c>{"text": ...}</c>, what a Slack (or Mattermost, or Teams workflow)
/// incoming webhook posts to a channel, in the target's language: the alert's own translated title
/// and detail when it has them (<c>translations</c>), English otherwise.
/// </summary>
public static class SlackText
{
    private static readonly Dictionary<string, string> English = new()
    {
        [WebhookEvents.AlertRaised] = "New alert", [WebhookEvents.AlertUpdated] = "Alert updated", [WebhookEvents.AlertResolved] = "Alert resolved",
        [WebhookEvents.IncidentOpened] = "Incident opened", [WebhookEvents.IncidentUpdated] = "Incident updated", [WebhookEvents.IncidentResolved] = "Incident resolved",
        ["customer"] = "customer", ["touchpoint"] = "touchpoint", ["rule"] = "rule", ["affected"] = "customers affected",
        ["info"] = "info", ["warning"] = "warning", ["critical"] = "critical",
        ["open"] = "open", ["acknowledged"] = "acknowledged", ["resolved"] = "resolved", ["snoozed"] = "snoozed",
    };

    // The same words as the pages' zh-CN table (the wall's i18n), so a supervisor reads one vocabulary.
    private static readonly Dictionary<string, string> Chinese = new()
    {
        [WebhookEvents.AlertRaised] = "新告警", [WebhookEvents.AlertUpdated] = "告警已更新", [WebhookEvents.AlertResolved] = "告警已解决",
        [WebhookEvents.IncidentOpened] = "事件开始", [WebhookEvents.IncidentUpdated] = "事件已更新", [WebhookEvents.IncidentResolved] = "事件已解决",
        ["customer"] = "客户", ["touchpoint"] = "触点", ["rule"] = "规则", ["affected"] = "位客户受影响",
        ["info"] = "提示", ["warning"] = "警告", ["critical"] = "严重",
        ["open"] = "未处理", ["acknowledged"] = "已确认", ["resolved"] = "已解决", ["snoozed"] = "已暂缓",
    };

    public static byte[] Of(Alert alert, string @event, string? language)
    {
        var words = language == AlertLanguages.Chinese ? Chinese : English;
        var text = language is not null && alert.Translations.TryGetValue(language, out var translated) ? translated : new AlertText(alert.Title, alert.Detail);
        var severity = WireNames<Severity>.Of(alert.Severity);
        var state = WireNames<AlertState>.Of(alert.State);
        var line = new StringBuilder()
            .Append(words[@event]).Append(" [").Append(words[severity]).Append("] *").Append(text.Title).Append("* (").Append(words[state]).Append(")\n")
            .Append(text.Detail).Append('\n');
        if (alert.CustomerId is { } customer)
        {
            line.Append(words["customer"]).Append(": ").Append(customer).Append(" · ");
        }

        if (alert.Touchpoint is { } touchpoint)
        {
            line.Append(words["touchpoint"]).Append(": ").Append(touchpoint).Append(" · ");
        }

        line.Append(words["rule"]).Append(": ").Append(alert.RuleId).Append(" · ").Append(alert.Id);
        return Json(line.ToString());
    }

    public static byte[] Of(Incident incident, string @event, string? language)
    {
        var words = language == AlertLanguages.Chinese ? Chinese : English;
        return Json($"{words[@event]}: *{incident.Title}*\n{words["touchpoint"]}: {incident.Touchpoint} · {incident.AffectedCustomers} {words["affected"]} · {incident.Id}");
    }

    /// <summary>Slack reads &amp;, &lt; and &gt; as markup; a customer's words must not become a link or a mention.</summary>
    private static byte[] Json(string text) =>
        JsonSerializer.SerializeToUtf8Bytes(new { text = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;") }, CxJson.Options);
}
