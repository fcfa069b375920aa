using System.Collections.Immutable;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Agents;
using CxLive.Grains.Alerts;
using CxLive.Grains.Detection;
using CxLive.Tests.Unit.Support;

namespace CxLive.Tests.Unit.Alerts;

/// <summary>
/// A Chinese wall reads a card's history in Chinese: every step CxLive writes carries its words in
/// each language, the English note reads as it always has (the API's and the scripts'), and a
/// person's own note is kept as they wrote it in both.
/// </summary>
public sealed class AlertHistoryWordsTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly Alert Open = TestAlerts.Detractor(AlertState.Open, Raised);

    private static (string English, string? Chinese) Last(Alert alert) => (alert.History[^1].Note, alert.History[^1].Translations?[AlertLanguages.Chinese]);

    private static Alert Do(Alert alert, AlertAction action) => AlertLifecycle.Act(alert, action, Raised.AddMinutes(5)).Alert!;

    [Fact]
    public void A_supervisors_moves_read_in_chinese_with_their_own_note_as_written()
    {
        var acknowledged = Do(Open, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "supervisor:li", Note = "call back at 5" });
        Assert.Equal(("acknowledged: call back at 5", "已确认，备注：call back at 5"), Last(acknowledged));
        Assert.Equal("call back at 5", acknowledged.History[^1].Said); // alone, for an agent whose prompt a close takes back

        // The snooze's end stays in the UTC form the wall rewrites into the viewer's time, in both languages.
        var snoozed = Do(Open, new AlertAction { Kind = AlertActionKind.Snooze, By = "supervisor:li", Until = Raised.AddHours(2) });
        Assert.Equal(("snoozed until 2026-11-23 12:00:00Z", "暂缓至 2026-11-23 12:00:00Z"), Last(snoozed));

        // By the name the roster gives (what the card's owner field shows); an id the roster does not know, as it is.
        var assigned = Do(Open, new AlertAction { Kind = AlertActionKind.Assign, By = "supervisor:li", AgentId = "wang.wei", AgentName = "Wang Wei" });
        Assert.Equal(("assigned to Wang Wei", "已分派给 Wang Wei"), Last(assigned));
        var unnamed = Do(Open, new AlertAction { Kind = AlertActionKind.Assign, By = "supervisor:li", AgentId = "temp.7" });
        Assert.Equal(("assigned to temp.7", "已分派给 temp.7"), Last(unnamed));

        var resolved = Do(Open, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:li" });
        Assert.Equal(("resolved", "已解决"), Last(resolved));
        Assert.Null(resolved.History[^1].Said);
        var resolvedSaying = Do(Open, new AlertAction { Kind = AlertActionKind.Resolve, By = "supervisor:li", Note = "handled by phone" });
        Assert.Equal(("resolved: handled by phone", "已解决，备注：handled by phone"), Last(resolvedSaying));
        Assert.Equal("handled by phone", resolvedSaying.History[^1].Said);
    }

    [Fact]
    public void The_desks_assignment_reads_in_chinese_and_in_english_names_the_channel_as_the_api_does()
    {
        var note = HistoryNote.OutreachBy(Channel.CallCenter);
        var assigned = Do(Open, new AlertAction { Kind = AlertActionKind.Assign, By = "outreach-desk", AgentId = "li.na", AgentName = "Li Na", Note = note.English, NoteTranslations = note.Translations });

        Assert.Equal(("assigned to Li Na: outreach by call center", "已分派给 Li Na：通过呼叫中心主动联系"), Last(assigned));
        Assert.Null(assigned.History[^1].Said); // CxLive's own words, not a person's
    }

    [Fact]
    public void An_agents_report_reads_in_chinese_with_the_agents_note_as_written()
    {
        var prompt = Prompts.Pending("p-1", "wang.wei") with { Result = OutreachResult.Resolved, Note = "她很满意" };

        var resolved = Do(Open, OutreachFollowUp.ActionOf(prompt));

        Assert.Equal(("resolved: the agent sorted it out with the customer: 她很满意", "已解决：坐席已为客户处理妥当，备注：她很满意"), Last(resolved));
        var silent = Do(Open, OutreachFollowUp.ActionOf(prompt with { Note = "" })); // an empty note is no note
        Assert.Equal(("resolved: the agent sorted it out with the customer", "已解决：坐席已为客户处理妥当"), Last(silent));

        // Each result its own words, none repeating the step's verb.
        Assert.Equal(
            [("the agent reached the customer", "坐席已联系上客户"), ("the agent sorted it out with the customer", "坐席已为客户处理妥当"),
             ("the customer declined the agent's help", "客户谢绝了坐席的帮助"), ("the agent could not reach the customer", "坐席未能联系上客户")],
            Enum.GetValues<OutreachResult>().Select(r => HistoryNote.Outreach(r, null)).Select(n => (n.English, n.Translations![AlertLanguages.Chinese])));
    }

    [Fact]
    public void Steps_written_by_the_clock_read_in_chinese_with_their_spans_in_words()
    {
        Assert.Equal(("expired: no change for 7 days", "已过期：7 天内无变化"), Last(AlertLifecycle.Expire(Open, Raised.AddDays(7), TimeSpan.FromDays(7))));
        Assert.Equal(
            ("escalated: not acknowledged within 30 min", "已升级：30 分钟内无人确认"),
            Last(AlertLifecycle.Escalate(Open, Raised.AddMinutes(30), TimeSpan.FromMinutes(30))));
        Assert.Equal(("the snooze ended", "暂缓已结束"), Last(AlertLifecycle.Wake(Open with { State = AlertState.Snoozed }, Raised.AddHours(1))));
        // An incident's hash id means nothing to a supervisor reading Chinese; the English keeps it for scripts.
        Assert.Equal(("resolved with incident inc-4-9f2c", "随所属故障事件一并解决"), Last(AlertLifecycle.IncidentResolved(Open, Raised.AddHours(1), "supervisor:li", "inc-4-9f2c")));
    }

    [Fact]
    public void A_folded_condition_reads_in_chinese_in_its_own_chinese_words_and_so_does_its_clearing()
    {
        var book = new AlertBookState();
        var options = new AlertOptions();
        var raised = book.Apply(Raise("repeated-failed-search", Severity.Warning, "3 failed searches in 4 min", "4 分钟内 3 次搜索失败"), Raised, options, new BookChanges()).Alerts.Single().Alert;
        Assert.Equal(("3 failed searches in 4 min", "4 分钟内 3 次搜索失败"), Last(raised)); // the raising step keeps the title it was raised with, in both

        // A fourth failed search retitles the card; its raising step still says what was raised, in Chinese too.
        var repeated = book.Apply(Raise("repeated-failed-search", Severity.Warning, "4 failed searches in 5 min", "5 分钟内 4 次搜索失败") with { Evidence = ["i-4th"] }, Raised.AddMinutes(1), options, new BookChanges()).Alerts.Single().Alert;
        Assert.Equal("5 分钟内 4 次搜索失败", repeated.Translations[AlertLanguages.Chinese].Title);
        Assert.Equal("4 分钟内 3 次搜索失败", repeated.History[0].Translations?[AlertLanguages.Chinese]);

        var folded = book.Apply(Raise("detractor", Severity.Critical, "Detractor: NPS 2", "贬损者：NPS 2"), Raised.AddMinutes(2), options, new BookChanges()).Alerts.Single().Alert;
        Assert.Equal(
            ("folded in (same customer): Detractor: NPS 2; severity raised to critical", "并入（同一客户）：贬损者：NPS 2；级别升为“严重”"),
            Last(folded));

        var cleared = ResolvedSignal.Of("detractor", Raised.AddMinutes(9), HistoryNote.Resolution("detractor", _ => new()), customerId: "c-1");
        var host = book.Apply(cleared, Raised.AddMinutes(9), options, new BookChanges()).Alerts.Single().Alert;
        Assert.Equal(
            ("folded condition cleared (Detractor score): An outreach put it right with the customer.", "并入的告警条件已解除（贬损评分）：主动联系已为客户解决问题。"),
            Last(host));
    }

    private static AlertSignal Raise(string rule, Severity severity, string title, string chinese) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = "c-1",
        Touchpoint = "web/search",
        Severity = severity,
        Title = title,
        Detail = "detail",
        Evidence = [$"i-{rule}"],
        SuggestedAction = new SuggestedAction(Channel.Email, "Hello", "context"),
        Translations = ImmutableDictionary<string, AlertText>.Empty.Add(AlertLanguages.Chinese, new AlertText(chinese, "详情", "您好", "背景")),
        At = Raised,
    };
}
