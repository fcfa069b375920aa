using CxLive.Contracts.Alerts;
using CxLive.Contracts.Feed;
using CxLive.Contracts.Journeys;
using CxLive.Grains.Alerts;
using CxLive.Grains.Feed;

namespace CxLive.Tests.Unit.Alerts;

/// <summary>The book's policies: alert budget, incidents, silences, time passing, paging and stats.</summary>
public sealed class AlertBookPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly AlertBookState _book = new();
    private readonly AlertOptions _options = new();

    private static AlertSignal Raise(string rule, string? customer, string touchpoint = "web/search", Severity severity = Severity.Warning, string? evidence = null, DateTimeOffset? at = null) => new()
    {
        Kind = SignalKind.Raise,
        RuleId = rule,
        CustomerId = customer,
        Touchpoint = touchpoint,
        Severity = severity,
        Title = rule + " title",
        Detail = "detail",
        Evidence = [evidence ?? $"{rule}-{customer}-{touchpoint}"],
        SuggestedAction = customer is null ? null : new SuggestedAction(Channel.Email, "Hello", "context"),
        At = at ?? Now,
    };

    private BookChanges Apply(AlertSignal signal, DateTimeOffset? now = null) => _book.Apply(signal, now ?? Now, _options, new BookChanges());

    [Fact]
    public void A_further_condition_of_a_customer_with_an_open_alert_enriches_that_alert_and_its_prompt()
    {
        var first = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;

        var detractor = Apply(Raise("detractor", "c-1", severity: Severity.Critical, evidence: "i-survey"), Now.AddMinutes(5));

        var host = Assert.Single(detractor.Alerts).Alert;
        Assert.Equal((AlertChangeKind.Updated, first.Id), (detractor.Alerts[0].Kind, host.Id));
        Assert.Equal(["detractor"], host.Folded.ToArray());
        Assert.Contains("i-survey", host.Evidence);
        Assert.Equal(KeyValuePair.Create("i-survey", "detractor"), Assert.Single(host.FoldedEvidence!)); // the survey is the detractor's evidence, not the failed searches'
        Assert.Equal("detractor", host.History[^1].FoldedRule); // a step that brought something new: the wall marks it on a handled card
        Assert.Equal(Severity.Critical, host.Severity); // worse: raised
        Assert.Equal(2, host.Occurrences);
        Assert.Equal(host.Id, Assert.Single(detractor.ToRoute).Id); // its prompt takes it on
        Assert.Single(_book.ById);

        // A milder condition does not lower it, nor its own condition seen again (a fourth failed search
        // took it back to warning, and the escalation with it); another customer is another conversation.
        Assert.Equal(Severity.Critical, Apply(Raise("long-wait", "c-1", severity: Severity.Info), Now.AddMinutes(6)).Alerts.Single().Alert.Severity);
        Assert.Equal(Severity.Critical, Apply(Raise("repeated-failed-search", "c-1", evidence: "i-fourth"), Now.AddMinutes(6)).Alerts.Single().Alert.Severity);
        Assert.Equal(AlertChangeKind.Raised, Apply(Raise("detractor", "c-2"), Now.AddMinutes(6)).Alerts.Single().Kind);
    }

    /// <summary>The analyst trial: a complaint's alert turned critical with one step in its history, "Complaint reply due in 24 min".</summary>
    [Fact]
    public void A_condition_that_grows_worse_says_so_in_the_history_and_a_repeat_as_bad_does_not()
    {
        Apply(Raise("unanswered-complaint", "c-1") with { Title = "Complaint reply due in 24 min" });

        var worse = Apply(Raise("unanswered-complaint", "c-1", severity: Severity.Critical, evidence: "i-1") with { Title = "Complaint unanswered for 24 h" }, Now.AddHours(24)).Alerts.Single().Alert;
        var again = Apply(Raise("unanswered-complaint", "c-1", severity: Severity.Critical, evidence: "i-2") with { Title = "Complaint unanswered for 25 h" }, Now.AddHours(25)).Alerts.Single().Alert;

        var step = worse.History[^1];
        Assert.Equal(("now: Complaint unanswered for 24 h; severity raised to critical", Now.AddHours(24), "rule:unanswered-complaint"), (step.Note, step.At, step.By));
        Assert.Equal(worse.History.Length, again.History.Length); // as bad as before: words only, no step
    }

    /// <summary>The user trial: snoozed while "due in 19 min", the complaint broke its SLA behind a dimmed card, with nothing said.</summary>
    [Fact]
    public void A_deadline_passing_on_a_snoozed_alert_ends_the_snooze_and_says_so_as_new()
    {
        AlertSignal Complaint(string title) => Raise("unanswered-complaint", "c-1", evidence: "k-1") with { Title = title };
        var due = Apply(Complaint("Complaint reply due by 2026-11-23 12:00:00Z")).Alerts.Single().Alert;
        _book.Act(due.Id, new AlertAction { Kind = AlertActionKind.Snooze, By = "li", Until = Now.AddHours(1) }, Now, new BookChanges());

        var breached = Apply(Complaint("Complaint unanswered past its 2 h SLA"), Now.AddMinutes(24)).Alerts.Single().Alert;

        Assert.Equal((AlertState.Open, null), (breached.State, breached.SnoozedUntil));
        var step = breached.History[^1];
        Assert.Equal(("now: Complaint unanswered past its 2 h SLA", AlertState.Open, "rule:unanswered-complaint"), (step.Note, step.State, step.By)); // same severity: none raised
        Assert.Equal("unanswered-complaint", step.FoldedRule); // the wall marks it new to whoever acted on it

        // The same trouble again, with something new from the customer (a fourth failed search), is
        // said by the card's fresher words alone, and a snooze stands.
        var searches = Apply(Raise("repeated-failed-search", "c-2", evidence: "s-3") with { Title = "3 failed searches in 40 s" }).Alerts.Single().Alert;
        _book.Act(searches.Id, new AlertAction { Kind = AlertActionKind.Snooze, By = "li", Until = Now.AddHours(1) }, Now, new BookChanges());
        var fourth = Apply(Raise("repeated-failed-search", "c-2", evidence: "s-4") with { Title = "4 failed searches in 50 s" }, Now.AddMinutes(1)).Alerts.Single().Alert;
        Assert.Equal((AlertState.Snoozed, "4 failed searches in 50 s"), (fourth.State, fourth.Title));
        Assert.Equal("li", fourth.History[^1].By); // the snooze is still its last step
    }

    [Fact]
    public void A_repeat_of_the_condition_brings_fresher_words_but_keeps_the_channel_its_prompt_went_by()
    {
        Apply(Raise("detractor", "c-1")); // by email, her most used channel then

        // She has since called more than she wrote: the new signal names the call center.
        var again = Raise("detractor", "c-1", evidence: "i-again") with { SuggestedAction = new SuggestedAction(Channel.CallCenter, "Hello again", "context") };
        var alert = Apply(again, Now.AddMinutes(5)).Alerts.Single().Alert;

        Assert.Equal((Channel.Email, "Hello again"), (alert.SuggestedAction!.Channel, alert.SuggestedAction.Wording));
    }

    [Fact]
    public void An_experience_drop_joins_the_specific_alert_that_explains_it_or_stays_away_when_that_one_was_settled()
    {
        var detractor = Apply(Raise("detractor", "c-1")).Alerts.Single().Alert;
        Assert.Equal(detractor.Id, Apply(Raise("experience-drop", "c-1")).Alerts.Single().Alert.Id);

        // Failed searches raised and cleared today explain a later drop of the score: no card of its own.
        Apply(Raise("repeated-failed-search", "c-2"));
        _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = "repeated-failed-search", CustomerId = "c-2", At = Now }, Now, _options, new BookChanges());
        Assert.Empty(Apply(Raise("experience-drop", "c-2"), Now.AddMinutes(10)).Alerts);

        // With nothing specific to explain it, the drop stands on its own.
        Assert.Equal(AlertChangeKind.Raised, Apply(Raise("experience-drop", "c-3")).Alerts.Single().Kind);
    }

    [Fact]
    public void A_folded_condition_repeats_into_its_holder_and_clearing_it_leaves_the_holder_open()
    {
        Apply(Raise("rule-0", "c-1"));

        Apply(Raise("push-fatigue", "c-1"));
        var repeat = Apply(Raise("push-fatigue", "c-1", evidence: "again")).Alerts.Single().Alert;
        Assert.Equal(3, repeat.Occurrences);

        var cleared = _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = "push-fatigue", CustomerId = "c-1", At = Now }, Now, _options, new BookChanges());
        Assert.Equal(AlertState.Open, cleared.Alerts.Single().Alert.State);
        Assert.Empty(_book.FoldedInto);
    }

    private BookChanges Clear(string rule, string customer, DateTimeOffset? at = null) =>
        _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = rule, CustomerId = customer, At = at ?? Now, Reason = "A search found results." }, at ?? Now, _options, new BookChanges());

    [Fact]
    public void When_its_own_condition_clears_an_alert_stays_open_for_what_it_took_in_and_closes_with_the_last_of_it()
    {
        // An agent's trial: 3 failed searches, then NPS 1 folded in, then a search that found something.
        // The alert closed, its prompt was withdrawn as "the customer is fine now", and the detractor,
        // which never fires again, was gone.
        var raised = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;
        Apply(Raise("detractor", "c-1", evidence: "i-survey"), Now.AddMinutes(2));

        var searchCleared = Clear("repeated-failed-search", "c-1", Now.AddMinutes(3)).Alerts.Single().Alert;
        Assert.Equal((raised.Id, AlertState.Open, Now.AddMinutes(3)), (searchCleared.Id, searchCleared.State, searchCleared.OwnConditionClearedAt));
        // Why it cleared is a sentence of its own: joined with a colon it read "results.: it stays open".
        Assert.Equal("A search found results. It stays open for what it took in that has not cleared (Detractor score).", searchCleared.History[^1].Note);
        Assert.EndsWith("并入的告警条件尚未解除，告警保持未解决（贬损评分）。", searchCleared.History[^1].Translations!["zh-CN"]);
        Assert.Empty(Clear("repeated-failed-search", "c-1", Now.AddMinutes(4)).Alerts); // a replay says nothing again

        var detractorCleared = Clear("detractor", "c-1", Now.AddMinutes(30)).Alerts.Single().Alert;
        Assert.Equal((AlertState.Resolved, AlertOutcome.Recovered), (detractorCleared.State, detractorCleared.Outcome));
    }

    [Fact]
    public void A_second_case_of_the_same_rule_keeps_the_alert_open_when_the_first_case_is_answered()
    {
        // Two unanswered complaints of one customer, two cases: the second folds into the first's alert.
        Apply(Raise("unanswered-complaint", "c-1") with { CaseId = "case-1" });
        Apply(Raise("unanswered-complaint", "c-1", evidence: "i-2") with { CaseId = "case-2" }, Now.AddMinutes(1));

        var first = _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = "unanswered-complaint", CustomerId = "c-1", CaseId = "case-1", At = Now.AddMinutes(5) }, Now.AddMinutes(5), _options, new BookChanges());
        Assert.Equal(AlertState.Open, first.Alerts.Single().Alert.State); // case 2 still waits for an answer

        var second = _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = "unanswered-complaint", CustomerId = "c-1", CaseId = "case-2", At = Now.AddMinutes(6) }, Now.AddMinutes(6), _options, new BookChanges());
        Assert.Equal(AlertState.Resolved, second.Alerts.Single().Alert.State);
    }

    [Fact]
    public void Past_the_budget_a_new_condition_folds_into_an_open_alert_but_raises_its_own_when_none_is_open()
    {
        // The budget keeps a bad day to one conversation; it never hides a condition nobody is
        // looking at (an integrator read "at most 3 a day" as a cap and saw a fourth).
        string[] rules = ["long-wait", "detractor", "payment-failure"];
        foreach (var (rule, n) in rules.Select((r, n) => (r, n)))
        {
            var alert = Apply(Raise(rule, "c-1", evidence: rule), Now.AddMinutes(n)).Alerts.Single().Alert;
            _book.Act(alert.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "li", Outcome = AlertOutcome.Recovered }, Now.AddMinutes(n).AddSeconds(30), new BookChanges());
        }

        var fourth = Apply(Raise("points-redemption-failure", "c-1", evidence: "p"), Now.AddMinutes(5)).Alerts.Single();
        Assert.Equal((AlertChangeKind.Raised, "points-redemption-failure"), (fourth.Kind, fourth.Alert.RuleId));

        var fifth = Apply(Raise("push-fatigue", "c-1", evidence: "f"), Now.AddMinutes(6)).Alerts.Single().Alert;
        Assert.Equal(fourth.Alert.Id, fifth.Id); // over budget with one open: it folds in
        Assert.Contains("push-fatigue", fifth.Folded);
    }

    [Fact]
    public void An_alert_whose_own_condition_comes_back_closes_when_it_clears_again_not_with_what_it_took_in()
    {
        Apply(Raise("repeated-failed-search", "c-1"));
        Apply(Raise("detractor", "c-1", evidence: "i-survey"), Now.AddMinutes(2));
        Clear("repeated-failed-search", "c-1", Now.AddMinutes(3));

        var again = Apply(Raise("repeated-failed-search", "c-1", evidence: "more"), Now.AddMinutes(5)).Alerts.Single().Alert;
        Assert.Null(again.OwnConditionClearedAt);
        var detractorCleared = Clear("detractor", "c-1", Now.AddMinutes(6)).Alerts.Single().Alert;
        Assert.Equal(AlertState.Open, detractorCleared.State); // the searches still fail

        // With nothing folded in left open, its own condition clearing closes it, as ever.
        Assert.Equal(AlertState.Resolved, Clear("repeated-failed-search", "c-1", Now.AddMinutes(7)).Alerts.Single().Alert.State);
    }

    [Fact]
    public void A_folded_condition_that_moves_on_without_new_evidence_says_so_in_its_holders_history_and_raises_its_severity()
    {
        var host = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;
        AlertSignal Complaint(string title, Severity severity) => Raise("unanswered-complaint", "c-1", severity: severity, evidence: "k-1") with { Title = title };
        var folded = Apply(Complaint("Complaint reply due in 24 min", Severity.Warning), Now.AddMinutes(1)).Alerts.Single().Alert;
        Assert.Equal(folded.History.Length, Apply(Complaint("Complaint reply due in 24 min", Severity.Warning), Now.AddMinutes(2)).Alerts.Single().Alert.History.Length); // as it folded in: noted once

        // The SLA passes: nothing new in evidence, so the holder's history is where a supervisor reads it.
        var past = Apply(Complaint("Complaint unanswered past its 2 h SLA", Severity.Warning), Now.AddMinutes(30));
        var holder = past.Alerts.Single().Alert;
        Assert.Equal(host.Id, holder.Id);
        Assert.Equal(("rule:unanswered-complaint", "folded condition now: Complaint unanswered past its 2 h SLA"), (holder.History[^1].By, holder.History[^1].Note));
        Assert.Equal(Severity.Warning, holder.Severity);
        Assert.Empty(past.ToRoute);
        Assert.Equal(holder.History.Length, Apply(Complaint("Complaint unanswered past its 2 h SLA", Severity.Warning), Now.AddMinutes(31)).Alerts.Single().Alert.History.Length); // the same words again: noted once

        // A day on it is critical: so is the customer's one alert, and its prompt learns it.
        var critical = Apply(Complaint("Complaint unanswered for 1 d", Severity.Critical), Now.AddDays(1));
        holder = critical.Alerts.Single().Alert;
        Assert.Equal(Severity.Critical, holder.Severity);
        Assert.EndsWith("severity raised to critical", holder.History[^1].Note);
        Assert.Equal(holder.History.Length, Apply(Complaint("Complaint unanswered for 1 d", Severity.Critical), Now.AddDays(1).AddMinutes(1)).Alerts.Single().Alert.History.Length); // the same again: noted once
        Assert.Equal(host.Id, critical.ToRoute.Single().Id);

        // A folded burst that grows shows it in the evidence; its history stays as it was.
        Apply(Raise("order-status-failure", "c-1", evidence: "o-1"), Now.AddDays(1));
        var before = _book.ById[host.Id].History.Length;
        var grown = Apply(Raise("order-status-failure", "c-1", evidence: "o-2") with { Title = "3 failed order lookups" }, Now.AddDays(1)).Alerts.Single().Alert;
        Assert.Contains("o-2", grown.Evidence);
        Assert.Equal(("order-status-failure", "order-status-failure"), (grown.FoldedEvidence!["o-1"], grown.FoldedEvidence["o-2"]));
        Assert.Equal(before, grown.History.Length);
    }

    [Fact]
    public void A_degradation_opens_an_incident_that_absorbs_the_customer_alerts_it_explains()
    {
        var before = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;
        Apply(Raise("repeated-failed-search", "c-other", touchpoint: "app/search"));
        // Another try of hers waits for an agent: the outage's card speaks for her, and the desk withdraws the try.
        _book.Act(before.Id, new AlertAction { Kind = AlertActionKind.Assign, AgentId = "li.na", By = "outreach-desk" }, Now, new BookChanges());
        _book.Act(before.Id, new AlertAction { Kind = AlertActionKind.Assign, AgentId = null, By = "outreach-desk" }, Now, new BookChanges());
        Assert.NotNull(_book.ById[before.Id].AwaitingAgentSince);

        var degradation = Apply(Raise("touchpoint-degradation", null, severity: Severity.Critical));
        var incident = Assert.Single(degradation.Incidents);
        Assert.Null(_book.ById[before.Id].AwaitingAgentSince); // a review: it said a try waited while none did
        Assert.Equal("web/search", incident.Touchpoint);
        Assert.Equal([before.Id], _book.IncidentView(incident.Id)!.AlertIds.ToArray());
        Assert.Equal(1, incident.AbsorbedAlerts);
        Assert.Equal(incident.Id, _book.ById[before.Id].IncidentId);

        var during = Apply(Raise("repeated-failed-search", "c-2"));
        Assert.Equal(incident.Id, during.Alerts.Single().Alert.IncidentId);
        Assert.Equal(2, during.Incidents.Single().AffectedCustomers);
        Assert.Empty(during.ToRoute); // the incident is the thing to fix, not one customer at a time

        var resolved = _book.ResolveIncident(incident.Id, Now.AddMinutes(30), "supervisor:li", new BookChanges());
        Assert.NotNull(resolved?.ResolvedAt);
        var absorbed = _book.IncidentView(incident.Id)!.AlertIds;
        Assert.Equal(2, absorbed.Length);
        Assert.All(absorbed.Append(resolved!.AlertId), id => Assert.Equal(AlertState.Resolved, _book.ById[id].State));
        Assert.Equal(AlertState.Open, _book.NewestFirst().Single(a => a.CustomerId == "c-other").State);
        Assert.Null(_book.ResolveIncident(incident.Id, Now, "x", new BookChanges()));
    }

    [Fact]
    public void An_alert_an_incident_takes_in_has_its_prompt_withdrawn_unless_it_holds_conditions_of_its_own()
    {
        // c-1 only failed to search; c-2 also complained (folded into her card), which the outage does not explain.
        var searchOnly = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;
        var withComplaint = Apply(Raise("repeated-failed-search", "c-2")).Alerts.Single().Alert;
        Apply(Raise("unanswered-complaint", "c-2", touchpoint: "email/support"), Now.AddMinutes(1));
        Assert.Equal(["unanswered-complaint"], _book.ById[withComplaint.Id].Folded.ToArray());

        var degradation = Apply(Raise("touchpoint-degradation", null, severity: Severity.Critical), Now.AddMinutes(2));

        // Both join the incident; only the search-only one's prompt is to be withdrawn.
        Assert.All(new[] { searchOnly.Id, withComplaint.Id }, id => Assert.NotNull(_book.ById[id].IncidentId));
        Assert.Equal([searchOnly.Id], degradation.Absorbed.Select(a => a.Id).ToArray());
    }

    [Fact]
    public void When_the_degradation_clears_its_incident_resolves_with_it()
    {
        Apply(Raise("touchpoint-degradation", null, severity: Severity.Critical));
        Apply(Raise("repeated-failed-search", "c-1"));

        var cleared = _book.Apply(new AlertSignal { Kind = SignalKind.Resolve, RuleId = "touchpoint-degradation", Touchpoint = "web/search", At = Now }, Now, _options, new BookChanges());

        Assert.False(cleared.Incidents.Single().IsOpen);
        Assert.All(_book.ById.Values, a => Assert.Equal(AlertState.Resolved, a.State));
        Assert.Empty(_book.OpenIncidentByTouchpoint);
    }

    [Fact]
    public void The_same_condition_seen_again_rewords_its_alert_and_routes_it_so_that_its_prompt_says_the_same()
    {
        var first = Apply(Raise("long-wait", "c-1")).Alerts.Single().Alert;

        var again = Apply(Raise("long-wait", "c-1", evidence: "wait-2") with { Title = "Waited 9 min in a queue" }, Now.AddMinutes(20));

        var repeated = Assert.Single(again.Alerts).Alert;
        Assert.Equal((first.Id, "Waited 9 min in a queue", 2), (repeated.Id, repeated.Title, repeated.Occurrences));
        Assert.Equal(repeated, Assert.Single(again.ToRoute)); // the desk hears it: its pending prompt takes the words

        // In the same words and severity, the prompt has nothing to take: the desk is not told.
        Assert.Empty(Apply(Raise("long-wait", "c-1", evidence: "wait-4") with { Title = "Waited 9 min in a queue" }, Now.AddMinutes(21)).ToRoute);

        // Muted, nothing goes to the desk, as for a first raise, fresher words or not.
        _book.Silences["s-1"] = new Silence { Id = "s-1", CustomerId = "c-2", Author = "li", Comment = "test account", CreatedAt = Now, ExpiresAt = Now.AddHours(1) };
        Apply(Raise("long-wait", "c-2"));
        Assert.Empty(Apply(Raise("long-wait", "c-2", evidence: "wait-3") with { Title = "Waited 9 min in a queue" }, Now.AddMinutes(1)).ToRoute);
    }

    [Fact]
    public void A_silenced_alert_is_kept_but_marked_and_not_routed_until_the_silence_lapses()
    {
        _book.Silences["s-1"] = new Silence { Id = "s-1", RuleId = "long-wait", Author = "li", Comment = "queue migration", CreatedAt = Now, ExpiresAt = Now.AddHours(1) };

        var muted = Apply(Raise("long-wait", "c-1"));
        Assert.Equal("s-1", muted.Alerts.Single().Alert.SilencedBy);
        Assert.Empty(muted.ToRoute);
        Assert.Null(Apply(Raise("detractor", "c-1")).Alerts.Single().Alert.SilencedBy);
        Assert.Null(Apply(Raise("long-wait", "c-2"), Now.AddHours(1)).Alerts.Single().Alert.SilencedBy);

        _book.Tick(Now.AddHours(1), _options, new BookChanges());
        Assert.Empty(_book.Silences);
    }

    [Fact]
    public void A_touchpoint_silence_with_no_rule_also_mutes_the_experience_drop_its_moments_cause()
    {
        // docs/alerts.md: to keep all a test line causes off the wall, silence its touchpoint alone.
        var host = Apply(Raise("detractor", "c-1")).Alerts.Single().Alert;
        _book.Silences["s-1"] = new Silence { Id = "s-1", Touchpoint = "call-center/night-queue", Author = "li", Comment = "test line", CreatedAt = Now, ExpiresAt = Now.AddHours(1) };

        var wait = Apply(Raise("long-wait", "c-1", touchpoint: "call-center/night-queue", evidence: "w-1"), Now.AddMinutes(1)).Alerts.Single().Alert;
        var drop = Apply(Raise("experience-drop", "c-1", touchpoint: "call-center/night-queue", evidence: "w-1"), Now.AddMinutes(1)).Alerts.Single().Alert;

        Assert.Equal(("s-1", "s-1"), (wait.SilencedBy, drop.SilencedBy));
        Assert.Empty(_book.ById[host.Id].Folded);
        Assert.DoesNotContain("w-1", _book.ById[host.Id].Evidence);
    }

    [Fact]
    public void A_silenced_condition_of_a_customer_with_an_open_alert_is_kept_apart_muted_not_folded_into_it()
    {
        var host = Apply(Raise("repeated-failed-search", "c-1")).Alerts.Single().Alert;
        _book.Silences["s-1"] = new Silence { Id = "s-1", RuleId = "detractor", Author = "li", Comment = "survey vendor resent old answers", CreatedAt = Now, ExpiresAt = Now.AddHours(1) };

        var muted = Apply(Raise("detractor", "c-1", severity: Severity.Critical, evidence: "i-survey"), Now.AddMinutes(5));

        // Its own alert, raised silenced: recorded and queryable, routed to nobody.
        var change = Assert.Single(muted.Alerts);
        Assert.Equal(AlertChangeKind.Raised, change.Kind);
        Assert.NotEqual(host.Id, change.Alert.Id);
        Assert.Equal(("detractor", "s-1"), (change.Alert.RuleId, change.Alert.SilencedBy));
        Assert.Empty(muted.ToRoute);
        Assert.Empty(_book.FoldedInto);

        // The customer's open alert shows nothing of it: no folded rule, no evidence, no worse severity.
        var unchanged = _book.ById[host.Id];
        Assert.Equal((Severity.Warning, 1), (unchanged.Severity, unchanged.Occurrences));
        Assert.Empty(unchanged.Folded);
        Assert.DoesNotContain("i-survey", unchanged.Evidence);

        // A condition the silence does not match still folds into the open alert, as before.
        var folded = Apply(Raise("long-wait", "c-1", evidence: "i-wait"), Now.AddMinutes(6)).Alerts.Single().Alert;
        Assert.Equal((host.Id, "long-wait"), (folded.Id, folded.Folded.Single()));
    }

    [Fact]
    public void Ticks_wake_snoozed_alerts_escalate_unacknowledged_criticals_and_expire_stale_ones()
    {
        var critical = Apply(Raise("unanswered-complaint", "c-1", severity: Severity.Critical)).Alerts.Single().Alert;
        var snoozed = Apply(Raise("detractor", "c-2")).Alerts.Single().Alert;
        _book.Act(snoozed.Id, new AlertAction { Kind = AlertActionKind.Snooze, By = "li", Until = Now.AddMinutes(20) }, Now, new BookChanges());
        var stale = Apply(Raise("long-wait", "c-3"), Now.AddDays(-8)).Alerts.Single().Alert;

        Assert.Equal(Now.AddDays(-1), _book.NextDue(_options)); // the stale one is overdue: tick at once
        var at20 = new BookChanges();
        _book.Tick(Now.AddMinutes(20), _options, at20);
        Assert.Equal(AlertState.Open, _book.ById[snoozed.Id].State);
        Assert.Equal(AlertState.Resolved, _book.ById[stale.Id].State);
        Assert.Equal(AlertOutcome.Lost, _book.ById[stale.Id].Outcome);
        Assert.Null(_book.ById[critical.Id].EscalatedAt);

        var at30 = new BookChanges();
        _book.Tick(Now.AddMinutes(30), _options, at30);
        Assert.Equal(critical.Id, at30.Alerts.Single().Alert.Id);
        Assert.Equal(Now.AddMinutes(30), _book.ById[critical.Id].EscalatedAt);
    }

    [Fact]
    public void A_flood_of_criticals_escalates_each_at_its_own_moment_and_the_timer_then_waits_for_the_next()
    {
        var raised = Enumerable.Range(0, 500)
            .Select(i => Apply(Raise("unanswered-complaint", $"c-{i}", severity: Severity.Critical, at: Now.AddSeconds(i)), Now.AddSeconds(i)).Alerts.Single().Alert)
            .ToList();
        Assert.Equal(Now + _options.EscalateAfter, _book.NextDue(_options));

        var tick = new BookChanges();
        _book.Tick(Now + _options.EscalateAfter + TimeSpan.FromSeconds(9), _options, tick);

        Assert.Equal(raised.Take(10).Select(a => a.Id), tick.Alerts.Select(c => c.Alert.Id));
        Assert.All(tick.Alerts, c => Assert.NotNull(c.Alert.EscalatedAt));
        Assert.Null(_book.ById[raised[10].Id].EscalatedAt);
        Assert.Equal(Now + _options.EscalateAfter + TimeSpan.FromSeconds(10), _book.NextDue(_options));
    }

    [Fact]
    public void Positions_give_a_stable_cursor_newest_first_even_when_a_late_raise_lands_between_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            Apply(Raise("detractor", $"c-{i}"), Now.AddSeconds(i));
        }

        var first = _book.Query(new AlertQuery()).Take(2).ToList();
        Apply(Raise("detractor", "c-late"), Now.AddSeconds(2.5)); // another silo's clock lagged: it belongs on the next page
        var second = _book.Query(new AlertQuery { Before = AlertPosition.Of(first[^1]) }).Take(2).ToList();
        var third = _book.Query(new AlertQuery { Before = AlertPosition.Of(second[^1]) }).ToList();

        Assert.Equal(["c-4", "c-3"], first.Select(a => a.CustomerId));
        Assert.Equal(["c-late", "c-2"], second.Select(a => a.CustomerId));
        Assert.Equal(["c-1", "c-0"], third.Select(a => a.CustomerId));
    }

    [Fact]
    public void Every_change_is_numbered_in_its_partition_in_the_order_it_happened()
    {
        var book = new AlertBookState { Partition = 3 };
        var raised = book.Apply(Raise("detractor", "c-1"), Now, _options, new BookChanges());
        book.Seal(raised);
        var acknowledged = new BookChanges();
        book.Act(raised.Alerts[0].Alert.Id, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "li" }, Now, acknowledged);
        book.Seal(acknowledged);

        Assert.StartsWith("3-", raised.Alerts[0].Alert.Id);
        Assert.Equal((3, 1L), (raised.Alerts[0].Alert.Partition, raised.Alerts[0].Alert.Sequence));
        Assert.Equal((3, 2L), (acknowledged.Alerts[0].Alert.Partition, acknowledged.Alerts[0].Alert.Sequence));
        Assert.Equal(2, book.ById[raised.Alerts[0].Alert.Id].Sequence); // what queries return carries the number too
        Assert.Contains(BookRecords.AlertRecord(raised.Alerts[0].Alert.Id), book.Dirty);
    }

    [Fact]
    public void Stats_count_open_alerts_by_severity_time_to_acknowledge_and_resolve_and_the_recovery_rate()
    {
        var a = Apply(Raise("detractor", "c-1", severity: Severity.Critical)).Alerts.Single().Alert;
        var b = Apply(Raise("detractor", "c-2")).Alerts.Single().Alert;
        Apply(Raise("detractor", "c-3"));
        _book.Act(a.Id, new AlertAction { Kind = AlertActionKind.Acknowledge, By = "li" }, Now.AddMinutes(2), new BookChanges());
        _book.Act(a.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "li", Outcome = AlertOutcome.Recovered }, Now.AddMinutes(10), new BookChanges());
        _book.Act(b.Id, new AlertAction { Kind = AlertActionKind.Resolve, By = "li", Outcome = AlertOutcome.Lost }, Now.AddMinutes(20), new BookChanges());

        var stats = _book.Stats(Now.AddSeconds(30));
        Assert.Equal(1, stats.OpenBySeverity[Severity.Warning]);
        Assert.Equal(0, stats.OpenBySeverity[Severity.Critical]);
        Assert.Equal(120, stats.MeanSecondsToAcknowledge);
        Assert.Equal(900, stats.MeanSecondsToResolve);
        Assert.Equal(0.5, stats.RecoveryRate);
        Assert.Equal(3, stats.RaisedLastMinute);
        Assert.Equal(0, _book.Stats(Now.AddMinutes(2)).RaisedLastMinute);

        // The wall adds up the partitions' last reports: one that reported 50 s ago no longer adds
        // its raises 20 s later (the wall's figure jumped between 3 and 12 with 5 raised).
        var reported = _book.FiguresAt(Now.AddSeconds(10));
        Assert.Equal(3, PartitionFigures.Sum([reported], Now.AddSeconds(30)).RaisedLastMinute);
        Assert.Equal(0, PartitionFigures.Sum([reported], Now.AddSeconds(61)).RaisedLastMinute);
    }
}
