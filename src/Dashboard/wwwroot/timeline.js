// One row per interaction, across every channel, newest first: shared by the agent console and the
// customer view. Each row tells what happened in the page's language (the server writes the
// sentence in every language, as it does for alerts), the result derived from it (a search that
// found nothing reads "found nothing", never the outcome field's default "success"), the stage
// (marked when inferred from the type), and whether it is evidence of an unresolved alert.
import { formatStepTime, formatDateAndClock, formatMoment, formatAge, t, language, channelName, wordsOf, ruleName, listOf } from "/i18n.js";
import { textElement } from "/dom.js";

// An unresolved alert in a customer's list: its title, its state, and whether a silence keeps it off
// the wall and away from agents (else a supervisor looks for it on the wall in vain).
/** An alert's state as the pages say it: "snoozed until 3:45 PM", "acknowledged", "resolved · Lost" (how it ended). */
export function stateOf(alert) {
  if (alert.state === "snoozed" && alert.snoozedUntil) return t("state.snoozedUntil", { time: formatMoment(alert.snoozedUntil) });
  if (alert.state === "resolved" && alert.outcome) return `${t("state.resolved")} · ${t(`insights.${alert.outcome}`)}`;
  return t(`state.${alert.state}`);
}

/** Whether a step was a person's (or an agent's) doing, not CxLive's own: a rule, the system, the outreach desk. */
export const byPerson = by => Boolean(by) && !by.startsWith("rule:") && by !== "system" && by !== "outreach-desk";

/**
 * Who acted on an alert, in the page's language: CxLive itself, the outreach desk, a rule, an agent
 * (by name where <names> knows them), the open demo's "supervisor", or a signed-in person's name.
 */
export function whoDid(by, names = new Map(), { atStart = false } = {}) {
  if (!by) return "";
  // CxLive's own words start a history row with a capital ("Rule Long wait", "A supervisor"); inside
  // a sentence they do not ("Withdrawn: a supervisor closed the alert"). A name stays as it was sent.
  const said = (key, values) => atStart ? capitalized(t(key, values)) : t(key, values);
  if (by === "system") return said("history.system");
  if (by === "outreach-desk") return said("history.desk");
  if (by === "supervisor") return said("history.supervisor"); // an open install's actions (no one signed in)
  // A tool's "supervisor:ada" (the API's example of `by`): the role in the page's language, not "supervisor:ada已关闭告警".
  if (by.startsWith("supervisor:") && by.length > 11) return said("history.supervisorNamed", { name: by.slice(11) });
  if (by.startsWith("rule:")) return said("history.rule", { rule: ruleName(by.slice(5)) });
  if (by.startsWith("agent:")) return names.get(by.slice(6)) ?? by.slice(6);
  return by;
}

const capitalized = words => words.charAt(0).toLocaleUpperCase(language()) + words.slice(1);

/** Why the desk took a prompt back, in the page's language (the server's English sentence for records kept before it said so as data). */
export function withdrawalOf(prompt, names) {
  const w = prompt.withdrawal;
  if (!w) return t("outcome.withdrawn", { reason: prompt.withdrawnBecause ?? "" });
  if (w.reason === "moment-passed") return t("withdrawn.momentPassed");
  return closedWords(w, names, "withdrawn");
}

/** A prompt reported contacted whose alert closed without the agent's word on how it ended: what happened since. */
export function followUpEndOf(prompt, names) {
  return closedWords(prompt.alertClosed, names, "followUp");
}

/** How an alert closed (or an outage took it in), worded under <keys> ("withdrawn" or "followUp"). */
function closedWords(w, names, keys) {
  if (w.reason === "joined-incident") return t(`${keys}.incident`, { touchpoint: w.touchpoint ?? "" });
  // Closed by its own rule: the condition cleared (a search that found something, an outreach that worked).
  if (w.by?.startsWith("rule:")) return t(`${keys}.cleared`);
  const how = w.outcome ? t(`ended.${w.outcome}`) : null;
  const by = w.by ? whoDid(w.by, names) : null;
  const why = t(`${keys}.${by && how ? "byHow" : by ? "by" : how ? "how" : "closed"}`, { by, how });
  // What they wrote on closing it ("handled by phone"): the agent knows how she was dealt with.
  return w.note ? t("withdrawn.said", { why, note: w.note }) : why;
}

/**
 * Where the outreach on an open alert no outage took in stands, when the suggested outreach no
 * longer says it: "following" (an agent reached the customer and follows it up), "unreached" (an
 * agent could not reach her, no other try handed out since), "awaiting" (another try waits for an
 * agent with room), "ownCleared" (its own condition cleared; it stays open for what folded in); null
 * otherwise. The wall card says it where the suggestion was, her alert line beside its state.
 */
export function outreachStand(alert) {
  if (alert.state === "resolved" || alert.incidentId) return null; // once an outage took it in, the incident's card speaks for it
  return alert.reachedAt ? "following" : alert.unreachedAt ? "unreached" : alert.awaitingAgentSince ? "awaiting" : alert.ownConditionClearedAt ? "ownCleared" : null;
}

export function alertLine(alert, names = new Map()) {
  const absorbed = alert.incidentId && !alert.opensIncident;
  const stand = outreachStand(alert);
  const agent = id => names.get(id) ?? id;
  return [wordsOf(alert).title,
    // What else the customer went through that this alert took in (a detractor score after failed searches).
    ...(alert.folded?.length > 0 ? [t("alert.also", { rules: listOf(alert.folded.map(ruleName)) })] : []),
    stateOf(alert),
    // Its own condition cleared, and it stays open for what it took in: the title above is over (a
    // missed follow-up the call made up for still read as "no follow-up 4 days after a visit").
    ...(alert.ownConditionClearedAt && alert.state !== "resolved" ? [t("alert.ownCleared")] : []),
    // Who has it in hand: whoever looks her up before calling knows a colleague may be on it.
    ...(alert.assignedTo && alert.state !== "resolved" ? [t("alert.assignedTo", { agent: agent(alert.assignedTo) })] : []),
    // How the outreach went: "acknowledged" alone, after an agent could not reach her, read as
    // though someone had it in hand (the user trial), as the wall card once did.
    ...(stand === "following" ? [t("alert.reached", { agent: agent(alert.reachedBy), ago: formatAge(alert.reachedAt) })] : []),
    ...(stand === "unreached" ? [t("alert.unreached", { agent: agent(alert.unreachedBy), ago: formatAge(alert.unreachedAt) })] : []),
    ...(stand === "awaiting" ? [t("alert.awaitingAgent", { ago: formatAge(alert.awaitingAgentSince) })] : []),
    // Absorbed by an outage: the incident is being fixed, so nobody is prompted to call about it;
    // once it closed with the outage, whether she recovered is not known (no one was prompted).
    ...(absorbed && alert.state !== "resolved" ? [t("alert.inIncident", { touchpoint: alert.touchpoint ?? "" })] : []),
    ...(absorbed && alert.state === "resolved" && !alert.outcome ? [t("alert.closedWithIncident", { touchpoint: alert.touchpoint ?? "" })] : []),
    ...(alert.silencedBy ? [t("alert.silenced")] : [])].join(" · ");
}

/**
 * An outage the customer's failures fell in (an incident at that touchpoint): she raised no alert of
 * her own for a single failure, and whoever looks her up should know what she ran into.
 */
export function incidentLine(incident) {
  return incident.resolvedAt
    ? t("customer.incidentResolved", { touchpoint: incident.touchpoint, since: formatDateAndClock(incident.openedAt),
      until: formatMoment(incident.resolvedAt, incident.openedAt) })
    : t("customer.incident", { touchpoint: incident.touchpoint, since: formatDateAndClock(incident.openedAt) });
}


/**
 * One of the customer's alerts as her page lists it: what it says, and when it was raised ("raised
 * 14:05", with the date when not today), so an older alert is not read as what just happened.
 */
export function alertItem(alert, now = new Date(), names = new Map()) {
  const li = document.createElement("li");
  li.dataset.severity = alert.severity;
  li.dataset.state = alert.state;
  const raised = textElement("time", "meta", t("customer.raisedAt", { time: formatMoment(alert.raisedAt, now) }));
  raised.dateTime = alert.raisedAt;
  li.append(textElement("span", "line", alertLine(alert, names)), raised);
  return li;
}

/**
 * What keeps the outage lines true: an outage opening or ending changes nothing of the customer's
 * and reaches none of the groups an agent may join (incidents go to the wall and to touchpoints,
 * which are for supervisors). So while an outage she ran into is open, or one opening could still
 * take in a failure of hers (the view's mayJoinOutageUntil), <reread> reads her view again every
 * 10 s: no one tells her of an outage that is over, or misses one that began just after she failed.
 * Call the returned function with each view read, and with the view still shown and { failed: true }
 * when a read failed (the server out of reach, or not ready while the cluster changes shape, which
 * is when outages happen): that view stays, and is read again in 10 s all the same.
 */
/**
 * Whether a read of her view failed rather than was answered: out of reach (no response), or
 * refused for now (a 503 while the cluster is not ready). A 403 (not hers to see) and a 404
 * (nothing recorded for her) are answers.
 */
export function readFailed(response) {
  return !response || (!response.ok && response.status !== 403 && response.status !== 404);
}

/**
 * Orders what a page learns of one customer: a push (customerUpdated) can overtake a read of her
 * view in flight, and the read, answered last, put her score and timeline back to before until
 * her next move. A read is older than what is shown when a push came while it was on its way with
 * more of her interactions than the read holds; the push has queued a fresh read. (Counts are
 * compared only then: they start again from nothing when her state is erased or, embedded, the
 * process restarts, and a later read is still news.)
 */
export function newestOfCustomer() {
  let customerId = null, pushes = 0, count = -1;
  return {
    pushed(id, n) { customerId = id; pushes++; count = n ?? -1; },
    /** Taken before a read, to tell whether a push overtook it. */
    reading: () => pushes,
    overtaken: (id, since, n) => id === customerId && pushes !== since && n != null && n < count,
  };
}

export function outageWatch() {
  let timer = null;
  return (view, reread, { failed = false } = {}) => {
    clearTimeout(timer);
    const watching = failed || (view?.incidents ?? []).some(incident => !incident.resolvedAt) || view?.mayJoinOutageUntil;
    timer = watching ? setTimeout(reread, 10_000) : null;
  };
}

/** An outage line for a list: marked as one, and dimmed like a resolved alert once it is over. */
export function incidentItem(incident) {
  const li = document.createElement("li");
  li.className = "incident";
  li.dataset.incidentId = incident.id;
  li.dataset.state = incident.resolvedAt ? "resolved" : "open";
  li.textContent = incidentLine(incident);
  return li;
}

/** The outages to list beside <alerts>: not one an unresolved alert there already says it is part of. */
export function outagesBesides(incidents = [], alerts = []) {
  const named = new Set(alerts.filter(a => a.incidentId && a.state !== "resolved").map(a => a.incidentId));
  return incidents.filter(incident => !named.has(incident.id));
}

// A prompt's own timeline (shown when the customer's view is refused: the prompt moved to another
// agent) has no sentences: English keeps its raw type ("search · web/search"), Chinese says where.
export function sentenceOf(item) {
  return item.translations?.[language()] ?? item.sentence ?? t("timeline.untold", { type: item.type, touchpoint: item.touchpoint });
}

/**
 * <openAlerts>: the customer's open alerts, so a marked row names what it is evidence of ("evidence:
 * Experience drop"): a push marked beside a detractor's survey is otherwise a puzzle. <incidents>:
 * the customer view's outages, so a failure marked as part of one says whether it came as it began
 * (one of the failures that opened it) or while it was open.
 */
export function fillTimeline(tbody, items, openAlerts = [], incidents = []) {
  // An alert's evidence is its own rule's, but for what a condition folded into it brought.
  const alerts = new Map(openAlerts.map(a => [a.id, a]));
  const openedAt = new Map(incidents.map(x => [x.id, x.openedAt]));
  const ruleOf = (alertId, interactionId) => {
    const alert = alerts.get(alertId);
    return alert?.foldedEvidence && Object.hasOwn(alert.foldedEvidence, interactionId) ? alert.foldedEvidence[interactionId] : alert?.ruleId;
  };
  tbody.replaceChildren(...items.map(i => {
    const row = document.createElement("tr");
    row.dataset.interactionId = i.id;
    row.dataset.result = i.result ?? "";
    const evidence = i.evidenceOf?.length > 0;
    row.classList.toggle("evidence", evidence);
    cell(row, formatStepTime(i.timestamp), "time"); // today's by the time of day, as a card's history does
    const what = cell(row, "", "what");
    const sentence = document.createElement("span");
    sentence.className = "sentence";
    sentence.textContent = sentenceOf(i);
    what.append(sentence);
    if (evidence) {
      const badge = document.createElement("span");
      badge.className = "badge";
      const named = [...new Set(i.evidenceOf.map(id => ruleOf(id, i.id)).filter(Boolean))].map(ruleName);
      badge.textContent = named.length > 0 ? t("timeline.evidenceOf", { rules: listOf(named) }) : t("timeline.evidence");
      badge.title = t("timeline.evidence");
      what.append(" ", badge);
    }
    if (i.duringIncident) {
      const outage = document.createElement("span");
      outage.className = "badge outage";
      // A failure in the minutes before the incident opened is one of those that opened it: "during"
      // would contradict the outage line's "open since".
      const opened = openedAt.get(i.duringIncident);
      const began = opened !== undefined && Date.parse(i.timestamp) < Date.parse(opened);
      outage.textContent = t(began ? "timeline.incidentBegan" : "timeline.incident", { touchpoint: i.touchpoint });
      what.append(" ", outage);
    }
    cell(row, i.result ? t(`result.${i.result}`) : t(`result.${i.outcome ?? "success"}`), `result tone-${i.tone ?? "neutral"}`);
    const stage = cell(row, i.stage ? t(`stage.${i.stage}`) : "—", i.stageInferred ? "stage inferred" : "stage");
    if (i.stageInferred) stage.title = t("timeline.inferred");
    // The touchpoint is a name: it wraps only after the channel, never inside ("app/recommen|dations").
    const where = cell(row, `${channelName(i.channel)} · `, "where");
    const touchpoint = document.createElement("span");
    touchpoint.className = "touchpoint";
    touchpoint.textContent = i.touchpoint;
    touchpoint.title = i.touchpoint;
    where.append(touchpoint);
    return row;
  }));
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  td.className = className;
  return td;
}
