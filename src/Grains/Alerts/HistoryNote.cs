using System.Collections.Immutable;
using System.Globalization;
using CxLive.Contracts.Agents;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Contracts.Serialization;
using CxLive.Grains.Detection;

namespace CxLive.Grains.Alerts;

/// <summary>
/// The words of one step in an alert's history, in every language: <see cref="English"/> is the
/// step's note (what the API, logs and scripts read), <see cref="Translations"/> the same
/// step in each other language by code (what a Chinese wall shows). The sentences are the
/// <c>history.*</c> keys of <c>Texts/*.json</c>; a person's own note is kept as they wrote it in
/// every language. Times inside a note stay in the UTC form the pages rewrite into local time.
/// </summary>
public readonly record struct HistoryNote(string English, ImmutableDictionary<string, string>? Translations)
{
    /// <summary>What an old step (stored before notes had translations) or a bare reason reads in every language.</summary>
    public static HistoryNote AsWritten(string note) => new(note, null);

    /// <summary>The raising step: the alert's title as raised, in each language the signal has it (a later title may differ).</summary>
    public static HistoryNote Raised(AlertSignal signal) =>
        new(signal.Title, signal.Translations.IsEmpty ? null : signal.Translations.ToImmutableDictionary(t => t.Key, t => t.Value.Title));

    // Notes with no facts in them are the same every time: worded once, not per alert change.
    public static HistoryNote Acknowledged { get; } = Say("acknowledged");

    public static HistoryNote Resolved { get; } = Say("resolved");

    /// <summary>Resolved without saying how it ended: the outcome CxLive read from the customer's timeline, said to be so.</summary>
    public static HistoryNote ResolvedAsTimelineSays(AlertOutcome outcome) => outcome == AlertOutcome.Recovered ? ResolvedRecoveredByTimeline : ResolvedLostByTimeline;

    private static readonly HistoryNote ResolvedRecoveredByTimeline = Say("resolved-by-timeline.recovered");
    private static readonly HistoryNote ResolvedLostByTimeline = Say("resolved-by-timeline.lost");

    public static HistoryNote SnoozeEnded { get; } = Say("snooze-ended");

    public static HistoryNote ConditionCleared { get; } = Say("condition-cleared");

    /// <summary>Nobody holds it now: another try at reaching the customer waits in the queue for an agent with room.</summary>
    public static HistoryNote Unassigned { get; } = Say("unassigned");

    /// <summary>The desk's part of an unassignment: why nobody holds it.</summary>
    public static HistoryNote TryWaits { get; } = Say("try-waits");

    /// <summary>The try that waited in the queue lapsed: its moment passed before an agent had room.</summary>
    public static HistoryNote TryLapsed { get; } = Say("try-lapsed");

    public static HistoryNote Assigned(string agent) => Say("assigned", _ => new() { ["agent"] = agent });

    public static HistoryNote Snoozed(DateTimeOffset? until) => Say("snoozed", _ => new() { ["until"] = until is { } moment ? AlertLanguage.Moment(moment) : null });

    public static HistoryNote Expired(TimeSpan after) => Say("expired", l => new() { ["after"] = l.Span(after) });

    public static HistoryNote Escalated(TimeSpan after) => Say("escalated", l => new() { ["after"] = l.Span(after) });

    public static HistoryNote ResolvedWithIncident(string incident) => Say("resolved-with-incident", _ => new() { ["incident"] = incident });

    public static HistoryNote IncidentResolved(string incident) => Say("incident-resolved", _ => new() { ["incident"] = incident });

    public static HistoryNote JoinedIncident(string incident, string touchpoint) => Say("joined-incident", _ => new() { ["incident"] = incident, ["touchpoint"] = touchpoint });

    /// <summary>The desk's part of an assignment: the channel the prompt reaches the customer on.</summary>
    public static HistoryNote OutreachBy(Channel channel) => ByChannel[channel];

    /// <summary>The desk's note for each channel, worded once: the desk assigns on the alert path, once per routed alert.</summary>
    private static readonly IReadOnlyDictionary<Channel, HistoryNote> ByChannel = Enum.GetValues<Channel>().ToDictionary(
        channel => channel,
        channel => Say("outreach-by", l => new() { ["channel"] = l.Text($"history.channel.{WireNames<Channel>.Of(channel)}", new()) }));

    /// <summary>
    /// An agent's report, worded per result ("the agent reached the customer"), with the agent's own
    /// note after it. Not "outreach {result}": after a resolve step that read "resolved: outreach resolved".
    /// </summary>
    public static HistoryNote Outreach(OutreachResult result, string? note) => ByResult[result].WithNote(note);

    private static readonly IReadOnlyDictionary<OutreachResult, HistoryNote> ByResult =
        Enum.GetValues<OutreachResult>().ToDictionary(result => result, result => Say($"outreach.{WireNames<OutreachResult>.Of(result)}"));

    /// <summary>A condition the alert budget or the customer's open alert took in: why, and the condition's title in each language.</summary>
    public static HistoryNote FoldedIn(bool sameCustomer, AlertSignal signal, bool severityRaised) =>
        Say("folded-in", l => new() { ["why"] = l.Text(sameCustomer ? "history.why.same-customer" : "history.why.budget", new()), ["title"] = TitleOf(signal, l) })
            .RaisingSeverity(severityRaised ? signal.Severity : null);

    /// <summary>The alert's own condition grew worse (a complaint past its SLA, unanswered past a day): its new title, and the severity it rose to, if it rose.</summary>
    public static HistoryNote Worsened(AlertSignal signal, bool severityRaised) =>
        Say("worsened", l => new() { ["title"] = TitleOf(signal, l) }).RaisingSeverity(severityRaised ? signal.Severity : null);

    /// <summary>A folded condition moved on: its new title in each language.</summary>
    public static HistoryNote FoldedNow(AlertSignal signal, bool severityRaised) =>
        Say("folded-now", l => new() { ["title"] = TitleOf(signal, l) }).RaisingSeverity(severityRaised ? signal.Severity : null);

    /// <summary>
    /// Whether <paramref name="note"/> is what a folded condition writes with this signal's words
    /// (folded in, for either reason, or moved on; raising the severity or not). Compared with the
    /// notes themselves, not their shape: rewording <c>history.folded-*</c> cannot quietly make a
    /// holder repeat the same words on every evaluation.
    /// </summary>
    public static bool SaysFolded(string note, AlertSignal signal)
    {
        foreach (var raised in (ReadOnlySpan<bool>)[false, true])
        {
            if (note == FoldedNow(signal, raised).English || note == FoldedIn(true, signal, raised).English || note == FoldedIn(false, signal, raised).English)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A folded condition cleared: its rule, and why when the rule said (the reason of its resolve signal).</summary>
    public static HistoryNote FoldedCleared(AlertSignal signal)
    {
        var cleared = Say("folded-cleared", l => new() { ["rule"] = l.RuleName(signal.RuleId) }); // names, not ids: "(repeated-failed-search)" read as code
        return signal.Reason is null ? cleared : cleared.With(ReasonOf(signal));
    }

    /// <summary>
    /// An alert whose own condition cleared stays open for the conditions it took in that have not:
    /// why it cleared (a sentence, "A search found results."), then their rules.
    /// Joined as "{what}: {note}" it read "results.: it stays open".
    /// </summary>
    public static HistoryNote ClearedStaysOpenFor(AlertSignal signal, IReadOnlyCollection<string> rules)
    {
        var reason = ReasonOf(signal);
        return Say("cleared-stays-open-for", l => new() { ["reason"] = reason.In(l.Code), ["rules"] = l.List(rules.Select(l.RuleName)) });
    }

    /// <summary>Why a resolve signal's condition cleared, as the signal carries it (English and its translations).</summary>
    public static HistoryNote ReasonOf(AlertSignal signal) =>
        signal.Reason is { } reason ? new(reason, signal.ReasonTranslations) : ConditionCleared;

    /// <summary>Why a rule's condition cleared (<c>{rule}.resolved</c>, see <see cref="AlertLanguage.Resolved"/>), in every language.</summary>
    public static HistoryNote Resolution(string ruleId, Func<AlertLanguage, TextArgs> args, string? variant = null) =>
        Of(l => l.Resolved(ruleId, args(l), variant));

    /// <summary>This note, then a person's own words as they wrote them ("acknowledged: called back"; "已确认，备注：…"); none or empty: this note.</summary>
    public HistoryNote WithNote(string? note) => note is { Length: > 0 } ? Joined("with-note", AsWritten(note)) : this;

    /// <summary>This note, then more of CxLive's own words, each in its language ("assigned to Li Na: outreach by chat").</summary>
    public HistoryNote With(HistoryNote detail) => Joined("with-detail", detail);

    /// <summary>The note in one language; English where it has no words of that language.</summary>
    public string In(string language) =>
        language == AlertTexts.EnglishCode ? English : Translations?.GetValueOrDefault(language) ?? English;

    /// <summary>The history step that says this note.</summary>
    public AlertTransition Step(DateTimeOffset at, AlertState state, string by) => new(at, state, by, English, Translations);

    private HistoryNote RaisingSeverity(Severity? raisedTo)
    {
        var what = this;
        return raisedTo is { } severity
            ? Say("severity-raised", l => new() { ["what"] = what.In(l.Code), ["severity"] = l.Text($"slack.severity.{WireNames<Severity>.Of(severity)}", new()) })
            : this;
    }

    /// <summary>This note, then <paramref name="note"/>, as the key's sentence joins them in each language.</summary>
    private HistoryNote Joined(string key, HistoryNote note)
    {
        var what = this;
        return Say(key, l => new() { ["what"] = what.In(l.Code), ["note"] = note.In(l.Code) });
    }

    private static string TitleOf(AlertSignal signal, AlertLanguage language) =>
        signal.Translations.TryGetValue(language.Code, out var text) ? text.Title : signal.Title;

    private static HistoryNote Say(string key) => Say(key, _ => new());

    private static HistoryNote Say(string key, Func<AlertLanguage, TextArgs> args) => Of(l => l.Text("history." + key, args(l)));

    private static HistoryNote Of(Func<AlertLanguage, string> write)
    {
        var (english, translations) = AlertTexts.InEachLanguage(write);
        return new(english, translations);
    }
}
