// The agent console: pick who you are, watch your outreach prompts arrive, open one to see the
// customer's cross-channel timeline and what to say, and record the outcome.
import { t, translate, languagePicker, onLanguageChange, formatNumber, formatAge, formatLeft, formatMoment, wordsOf, channelName, ruleName, listOf, refusal } from "/i18n.js";
import { connectHub, keepConnected, subscribe, isNewer, setStatus, currentStatus, refusedByHub, stopRefused } from "/hub.js";
import { fillTimeline, alertLine, withdrawalOf, followUpEndOf, incidentItem, outagesBesides, outageWatch, readFailed, newestOfCustomer } from "/timeline.js";
import { currentUser, showUser } from "/session.js";
import { announcer, place, refocus } from "/dom.js";

const prompts = new Map(); // id -> prompt (pending ones, those followed up, and the open one once reported or withdrawn)
// The queue keeps the order prompts arrived in: a new one is appended below, an update (a worse
// severity, a folded condition) changes its row in place, so nothing moves under the agent's cursor.
const arrival = [];
let agentId = null;
let selected = null;

const picker = document.getElementById("agent");
const queue = document.getElementById("queue");
const followingList = document.getElementById("following");
const detail = document.getElementById("prompt");

// A prompt that leaves the queue while the pointer is over it (withdrawn, moved, reported in
// another tab) keeps its place, greyed and saying why, until the pointer leaves: the ones below slid
// up under it, and a click aimed at one customer opened another.
let rovingId = null; // the queue row the keyboard last reached: the queue's one Tab stop
let pointerOnQueue = false;
queue.addEventListener("pointerenter", () => { pointerOnQueue = true; });
queue.addEventListener("pointerleave", () => { pointerOnQueue = false; if (queue.querySelector("li.gone")) renderQueue(); });
// The follow-ups hold still under the pointer too: one that left (its alert closed, handed over)
// moved the rows below it up, under a click aimed at the next customer.
let pointerOnFollowing = false;
followingList.addEventListener("pointerenter", () => { pointerOnFollowing = true; });
followingList.addEventListener("pointerleave", () => { pointerOnFollowing = false; if (followingList.querySelector("li.gone")) renderQueue(); });
// A prompt as the server sent it, whole: a field it leaves out is null now (a snooze that ended
// stayed on the queue row when the push was spread over the copy held). Only the score this page
// follows is kept when the server sends none. What is not a whole prompt (a refusal's id and
// holder, a read that failed) only adds to the copy held: taken whole, it blanked the open prompt.
const fresher = (known, sent) => !sent?.customerId ? { ...known, ...sent }
  : { ...sent, experienceScore: sent.experienceScore ?? known?.experienceScore };
const isPending = p => p && !p.result && !p.withdrawnAt && !movedAway(p);
// Reached (contacted), and the alert still open: how it ended is the agent's to record (Resolved or Declined closes it).
// (Reported late once its moment passed: the alert stayed open, and theirs.)
const followable = p => Boolean(p && p.result === "contacted" && !p.alertClosed && (!p.withdrawnAt || p.withdrawal?.reason === "moment-passed"));
// A call that closes its alert by itself (a missed follow-up) leaves nothing to follow, from the
// report on: the rule's close reaches the desk a moment after the report's answer, and meanwhile the
// console said "record how it ended" with only Resolved and Declined left.
const isFollowing = p => followable(p) && !movedAway(p) && !p.contactResolves;
const goneBecause = p => t(p.alertClosed ? "agent.gone.closed"
  : p.result && !(followable(p) && movedAway(p)) ? "agent.gone.reported" : p.withdrawnAt ? "agent.gone.withdrawn" : "agent.gone.moved");

function renderQueue() {
  for (const id of prompts.keys()) if (!arrival.includes(id)) arrival.push(id);
  const pending = arrival.map(id => prompts.get(id)).filter(isPending);
  const shown = new Set([...queue.children].map(li => li.dataset.promptId));
  const listed = pointerOnQueue ? arrival.map(id => prompts.get(id)).filter(p => isPending(p) || (p && shown.has(p.id))) : pending;
  // Each item is a button, so a keyboard reaches and opens it; the list is rebuilt on every change,
  // so the item that had the focus gets it back (a prompt arriving must not throw the agent out).
  // The focused row left (greyed, held in place): the focus goes to the next row that can take it.
  const focused = queue.contains(document.activeElement) ? document.activeElement.closest("li")?.dataset.promptId : null;
  const at = Math.max(0, listed.findIndex(p => p.id === focused));
  const focusTo = focused ? [...listed.slice(at), ...listed.slice(0, at).reverse()].find(isPending)?.id : null;
  // One Tab stop for the whole queue and the follow-ups below it (the arrow keys move within them):
  // from an opened prompt, the note was six Tabs away, through every other prompt waiting.
  const following = [...prompts.values()].filter(isFollowing).sort((a, b) => Date.parse(a.reportedAt) - Date.parse(b.reportedAt));
  const rows = [...pending, ...following];
  const stop = [focusTo, rovingId, selected].find(id => id && rows.some(p => p.id === id)) ?? rows[0]?.id;
  updateRows(queue, listed.map(p => {
    const gone = !isPending(p);
    const { li, open } = promptRow(p, gone, stop);
    const meta = textSpan("meta", gone ? goneBecause(p) : `${t(`severity.${p.severity}`)} · ${formatAge(p.createdAt)}`);
    // How long the prompt stays worth a call: a failed search's 30 minutes sat unseen below two-day
    // detractors, in arrival order, and passed. The last ten minutes stand out.
    if (!gone && p.expiresAt) {
      const left = textSpan("left", formatLeft(p.expiresAt));
      left.toggleAttribute("data-ending", Date.parse(p.expiresAt) - Date.now() < 10 * 60000);
      meta.append(" · ", left);
    }
    // A supervisor snoozed its alert: the wall marked the card ("snoozed until 3:45 PM"), and the
    // queue showed the prompt as any other, to be called at once.
    const snoozed = !gone && snoozedUntil(p);
    li.toggleAttribute("data-snoozed", Boolean(snoozed));
    if (snoozed) meta.append(" · ", textSpan("snoozed", t("state.snoozedUntil", { time: formatMoment(snoozed) })));
    open.append(textSpan("title", wordsOf(p).title));
    // What else she went through: two "Waited 9 min in a queue" rows, one "23 h left" and one "3 h
    // left", did not say that the first had taken on an experience drop (which keeps it worth a call longer).
    if (p.also?.length > 0) open.append(textSpan("also", t("alert.also", { rules: listOf(p.also.map(ruleName)) })));
    open.append(textSpan("who", `${p.customerId} · ${channelName(p.channel)}`), meta);
    return li;
  }));
  if (focusTo) refocus([...queue.children].find(li => li.dataset.promptId === focusTo).querySelector("button"));
  document.getElementById("no-prompts").hidden = pending.length > 0 || !agentId; // nobody picked: no queue to call empty
  sayLoad(pending.length);
  renderFollowing(following, stop);
}

/**
 * A row of the queue or of the follow-ups: a button, so a keyboard reaches and opens it, greyed and
 * disabled once <gone>. <stop> is the one row of both lists that Tab reaches.
 */
function promptRow(p, gone, stop) {
  const li = document.createElement("li");
  li.dataset.promptId = p.id;
  li.dataset.severity = p.severity;
  li.dataset.selected = String(p.id === selected);
  li.classList.toggle("gone", gone);
  const open = document.createElement("button");
  open.type = "button";
  open.className = "open";
  open.disabled = gone;
  open.tabIndex = p.id === stop ? 0 : -1;
  open.setAttribute("aria-describedby", "queue-keys"); // Tab skips the other prompts: says how to reach them
  if (p.id === selected) open.setAttribute("aria-current", "true");
  li.append(open);
  return { li, open };
}

/** Until when a supervisor snoozed the prompt's alert, while that is still to come; null otherwise. */
const snoozedUntil = p => p.alertSnoozedUntil && Date.parse(p.alertSnoozedUntil) > Date.now() ? p.alertSnoozedUntil : null;

/** A follow-up a supervisor handed over: reached by a colleague, not the agent who holds it now. */
const reachedByOther = prompt => Boolean(prompt.reachedBy && prompt.reachedBy !== prompt.agentId);

// The customers the agent reached whose alert is still open, longest waiting first. Without it, an
// alert whose customer was reached stayed open, assigned to the agent, until a supervisor closed it.
function renderFollowing(list, stop) {
  const focused = followingList.contains(document.activeElement) ? document.activeElement.closest("li")?.dataset.promptId : null;
  // Under the pointer, the rows shown stay in their places (one that left, greyed), new ones below.
  const shown = [...followingList.children].map(li => prompts.get(li.dataset.promptId)).filter(Boolean);
  const listed = pointerOnFollowing ? [...shown, ...list.filter(p => !shown.some(row => row.id === p.id))] : list;
  document.getElementById("following-up").hidden = listed.length === 0;
  updateRows(followingList, listed.map(p => {
    const gone = !isFollowing(p);
    const { li, open } = promptRow(p, gone, stop);
    open.append(textSpan("title", wordsOf(p).title), textSpan("who", `${p.customerId} · ${channelName(p.channel)}`),
      textSpan("meta", gone ? goneBecause(p) : reachedByOther(p)
        ? t("agent.contactedAgoBy", { age: formatAge(p.reportedAt), agent: agentName(p.reachedBy) })
        : t("agent.contactedAgo", { age: formatAge(p.reportedAt) })));
    return li;
  }));
  // The focused row left (its alert closed, handed over): the focus goes to the next row, not the page's top.
  if (focused) refocus([...followingList.children].find(li => li.dataset.promptId === focused && !li.classList.contains("gone"))?.querySelector("button") ?? rowButtons()[0]);
}

/**
 * Puts <rows> (fresh ones from promptRow) in <list>, keeping the row already there for each prompt,
 * brought up to date in place: its button, and the focus on it, stay through a push about the open
 * customer, a new prompt, and the minute's new ages. Rebuilt, the focused row was focused again on
 * every push, and a screen reader read the whole row out each time (an accessibility trial).
 */
function updateRows(list, rows) {
  const old = new Map([...list.children].map(li => [li.dataset.promptId, li]));
  const kept = rows.map(row => {
    const li = old.get(row.dataset.promptId);
    if (!li) return row;
    old.delete(row.dataset.promptId);
    copyAttributes(li, row);
    const [was, now] = [li.querySelector("button"), row.querySelector("button")];
    copyAttributes(was, now);
    if (!was.isEqualNode(now)) was.replaceChildren(...now.childNodes);
    return li;
  });
  old.forEach(li => li.remove());
  kept.forEach((li, index) => { if (list.children[index] !== li) place(list, li, list.children[index] ?? null); });
}

/** Makes <to>'s attributes <from>'s: promptRow sets every attribute a row and its button have (one set elsewhere would be removed here). */
function copyAttributes(to, from) {
  for (const { name } of [...to.attributes]) if (!from.hasAttribute(name)) to.removeAttribute(name);
  for (const { name, value } of [...from.attributes]) if (to.getAttribute(name) !== value) to.setAttribute(name, value);
}

// How full the agent's queue is against what the desks hand them at once: at capacity nothing new
// arrives (the desks give new prompts to others or keep them waiting): the agent sees why the queue stays still.
function sayLoad(count) {
  const load = document.getElementById("queue-load");
  const capacity = agentList.find(a => a.id === agentId)?.capacity;
  // An empty queue said new prompts come "as soon as CxLive routes them to you" beside "the desks route you none".
  const empty = document.getElementById("no-prompts");
  empty.dataset.i18n = capacity === 0 ? "agent.noneRouted" : "agent.none";
  empty.textContent = t(empty.dataset.i18n);
  load.hidden = !Number.isInteger(capacity); // unknown: say nothing rather than "full"
  if (load.hidden) return;
  const full = count >= capacity;
  load.toggleAttribute("data-full", full);
  // Over it only when a supervisor assigned more by hand (their choice is not refused for capacity): "6 of at most 5" read as a fault.
  // At 0 the desks route her nothing: "0 of at most 0: full" read as a fault too.
  const key = capacity === 0 ? "agent.load.none" : count > capacity ? "agent.load.over" : full ? "agent.load.full" : "agent.load";
  load.textContent = t(key, { count: formatNumber(count), capacity: formatNumber(capacity) });
}

// A supervisor gave it to another agent: it leaves this queue, and an open one says so.
const movedAway = prompt => Boolean(agentId && prompt.agentId !== agentId);

function textSpan(className, text) {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  return span;
}

// The open prompt's customer is watched live: what they do while the agent reads lands in the timeline.
let watched = null;
const refused = new Set(); // customers the hub would not let her watch
async function watch(customerId) {
  if (watched === customerId || refused.has(customerId)) return;
  const before = watched;
  watched = customerId; // first: a reconnect meanwhile subscribes this one, not the last
  if (before) connection.invoke("UnsubscribeCustomer", before).catch(() => {}); // in order with what follows; lost with a lost connection
  await connection.invoke("SubscribeCustomer", customerId, null).catch(error => notWatched(error, customerId));
}

// Refused (where people sign in, the prompt moved to another agent, and its customer with it): the
// prompt's own timeline stands in, and she is not asked for again. Asked for again on a reconnect,
// the refusal stopped everything after it, and the console read "Disconnected — retrying" for good.
function notWatched(error, customerId) {
  if (!refusedByHub(error)) throw error;
  refused.add(customerId);
  if (watched === customerId) watched = null;
}

// The snapshot's score shows at once; the told timeline is refetched at most once a second.
let customerQueued = false;
const newest = newestOfCustomer();
function followSnapshot(snapshot) {
  const prompt = prompts.get(selected);
  if (!prompt || prompt.customerId !== snapshot.customerId) return;
  newest.pushed(snapshot.customerId, snapshot.interactionCount);
  prompts.set(prompt.id, { ...prompt, experienceScore: snapshot.experienceScore });
  show(prompts.get(prompt.id));
}

// What an agent types about a prompt is kept in this tab until it is sent: opening the customer's
// page and coming back, or opening another prompt first, loses nothing.
const draftKey = id => `cxlive.note.${id}`;
const openKey = "cxlive.openPrompt";

function show(prompt) {
  if (selected !== prompt.id) {
    document.getElementById("outcome-note").value = sessionStorage.getItem(draftKey(prompt.id)) ?? "";
    sayProblem(null);
    // The open prompt is in the address, so Back from the customer's page opens it again; and in
    // this tab's storage, so the customer page's "Agent console" link (no prompt in it) does too.
    history.replaceState(null, "", `/agent?agentId=${encodeURIComponent(agentId ?? "")}&prompt=${encodeURIComponent(prompt.id)}`);
    sessionStorage.setItem(openKey, JSON.stringify({ agentId, promptId: prompt.id }));
  }
  selected = prompt.id;
  if (!movedAway(prompt)) refused.delete(prompt.customerId); // hers (again): she may follow the customer, however the queue learnt it
  watch(prompt.customerId);
  document.getElementById("choose").hidden = true;
  detail.hidden = false;
  const words = wordsOf(prompt);
  detail.querySelector(".why").textContent = words.title;
  const customer = detail.querySelector(".customer");
  customer.textContent = prompt.customerId;
  customer.href = `/customers/${encodeURIComponent(prompt.customerId)}`;
  detail.querySelector(".channel").textContent = channelName(prompt.channel);
  detail.querySelector(".score-value").textContent = prompt.experienceScore == null ? "—" : formatNumber(prompt.experienceScore, { maximumFractionDigits: 0 });
  detail.querySelector(".detail").textContent = words.detail;
  // What else the customer went through that this prompt took on (a detractor score after failed
  // searches): the agent should not call about one and hear about the other.
  const also = prompt.also ?? [];
  detail.querySelector(".also-label").hidden = detail.querySelector(".also").hidden = also.length === 0;
  detail.querySelector(".also").textContent = listOf(also.map(ruleName));
  detail.querySelector(".context").textContent = words.context;
  detail.querySelector(".wording").textContent = words.wording;
  const moved = movedAway(prompt) && (!prompt.result || followable(prompt)); // withdrawn after it moved: the new agent's to report, not this one's; a follow-up too
  // Withdrawn is not settled: the agent may be on the phone with the customer already, and what
  // they did still goes on her journey (the buttons stay; the wording greys out).
  const withdrawn = Boolean(prompt.withdrawnAt && !prompt.result && !moved);
  // Reached earlier: only how it ended is left to record (the call's own report is in).
  const following = isFollowing(prompt);
  const settled = Boolean((prompt.result && !following) || moved);
  const focused = document.activeElement; // before a button it is on is hidden (the browser then lets it go)
  // Reported (here, from another tab, or late): the button pressed stays, as what was recorded, and
  // the others go. Four greyed buttons, "Contacted: the alert stays open" among them, read as "not allowed".
  const chosen = prompt.result && !moved && !following ? prompt.result : null;
  detail.querySelectorAll("button[data-outcome]").forEach(b => {
    b.disabled = settled;
    b.hidden = (following && !["resolved", "declined"].includes(b.dataset.outcome)) || (chosen !== null && b.dataset.outcome !== chosen);
    b.classList.toggle("chosen", b.dataset.outcome === chosen);
  });
  // A service visit owed a follow-up: reaching her is all the alert asks, so "Contacted" closes it
  // (recovered) instead of leaving it open. The button says which.
  const contactedEffect = detail.querySelector('button[data-outcome="contacted"] small');
  contactedEffect.dataset.i18n = prompt.contactResolves ? "outcome.contacted.effectResolves" : "outcome.contacted.effect";
  contactedEffect.textContent = t(contactedEffect.dataset.i18n);
  const noteBox = document.getElementById("outcome-note");
  noteBox.readOnly = settled; // a withdrawn prompt's unsent note is still there to copy
  // Words typed here that are not what was recorded (another tab, or a colleague, reported it
  // first) are kept to copy, and said to be unsent: in a read-only box they read as recorded.
  const typed = noteBox.value.replace(/\s+/g, " ").trim();
  if (following) { if (typed && typed === prompt.note) noteBox.value = ""; } // sent with "Contacted": the box is for how it ended
  else if (prompt.result && prompt.note && !typed) noteBox.value = prompt.note; // a reported prompt shows the note it recorded; words typed here are never replaced
  else if (settled && typed && typed !== (prompt.note ?? "") && !reportProblem) sayProblem("outcome.noteNotSent");
  const hint = document.getElementById("follow-up-hint");
  hint.hidden = !following;
  // Handed over by a supervisor: the call was a colleague's, and the note theirs ("You reached them" was untrue).
  const by = reachedByOther(prompt) ? "By" : "";
  if (following) hint.textContent = t(prompt.note ? `outcome.following${by}Said` : `outcome.following${by}`, { age: formatAge(prompt.reportedAt), note: prompt.note, agent: agentName(prompt.reachedBy) });
  // Contacted from another tab while the keyboard was on a button now hidden: to what the page says.
  if (focused?.matches?.("button[data-outcome][hidden]")) hint.focus();
  document.getElementById("record-anyway").hidden = !withdrawn;
  const recorded = document.getElementById("recorded");
  recorded.hidden = !settled && !withdrawn;
  // Taken back (withdrawn, moved to someone else): said at the top, over words no longer to be said.
  // Under the buttons, below the wording, an agent reading from the top could still make the call.
  // A report of their own stays under the buttons they pressed.
  const takenBack = (settled || withdrawn) && (!prompt.result || moved);
  const place = takenBack ? detail.querySelector(".why") : detail.querySelector(".outcomes");
  if (place.nextElementSibling !== recorded) place.after(recorded);
  detail.toggleAttribute("data-taken-back", takenBack);
  // Recorded is done (green); withdrawn is news, not success ("…customer lost" in green read as good).
  // Closed by the call itself (the rule saw her reached, or is about to): what the agent did, not news from elsewhere.
  const closedByCall = !moved && prompt.contactResolves && (followable(prompt) || prompt.alertClosed?.by?.startsWith("rule:"));
  recorded.dataset.kind = prompt.result && !moved && (!prompt.alertClosed || closedByCall) ? "recorded" : "withdrawn"; // a follow-up someone else closed is news too
  if (closedByCall) recorded.textContent = t("outcome.recordedResolves");
  else if (prompt.result && prompt.alertClosed) recorded.textContent = followUpEndOf(prompt, agentNamesById()); // reached, then closed without how it ended
  // Reported after it was withdrawn: why it was stays said ("Their note: handled by phone"), or the report wiped it.
  else if (prompt.result && !moved) recorded.textContent = t(prompt.withdrawnAt ? "outcome.recordedLate" : "outcome.recorded", { outcome: t(`outcome.${prompt.result}`), withdrawal: prompt.withdrawnAt ? withdrawalOf(prompt, agentNamesById()) : "" });
  else if (moved) recorded.textContent = prompt.agentId // then withdrawn or not: it was someone else's by then
    ? t("outcome.movedTo", { agent: agentName(prompt.agentId) })
    : t("outcome.movedToQueue");
  else if (prompt.withdrawnAt) recorded.textContent = withdrawalOf(prompt, agentNamesById());
  // Settled while the keyboard was on an outcome button (withdrawn, moved, reported from another
  // tab): the button is disabled now, and the focus goes to what the page says instead of the top.
  if (settled && document.activeElement?.matches?.("button[data-outcome]")) recorded.focus();
  sayOwnCleared(prompt, shownView?.customerId === prompt.customerId ? shownView.openAlerts : []); // reported or withdrawn: no longer said
  const snoozed = isPending(prompt) && snoozedUntil(prompt);
  const snoozeLine = detail.querySelector(".alert-snoozed");
  snoozeLine.hidden = !snoozed;
  if (snoozed) snoozeLine.textContent = t("agent.snoozed", { time: formatMoment(snoozed) });
  renderQueue();
  if (shownCustomer !== prompt.customerId) {
    shownCustomer = prompt.customerId;
    detail.querySelector("tbody").replaceChildren();
    showCustomer(prompt);
  } else {
    // Her alert closed (the word that withdrew the prompt says so): off her open ones now, not a read later.
    const closed = closedAlertOf(prompt);
    if (closed && shownView?.customerId === prompt.customerId && shownView.openAlerts.some(a => a.id === closed)) drawCustomer(shownView);
    if (customerQueued) return;
    customerQueued = true;
    setTimeout(() => { customerQueued = false; if (selected) showCustomer(prompts.get(selected)); }, 1000);
  }
}

// The customer's timeline as the API tells it (what happened, in the page's language, with the
// evidence of their unresolved alerts marked), and everything else still open for them, so the
// agent can settle it in the same call.
let shownCustomer = null;
let shownView = null;
async function showCustomer(prompt) {
  const reread = () => { if (selected === prompt.id) showCustomer(prompts.get(selected) ?? prompt); };
  const since = newest.reading();
  const response = await fetch(`/api/customers/${encodeURIComponent(prompt.customerId)}`).catch(() => null);
  if (selected !== prompt.id) return;
  // Out of reach, or not ready (a 503 while the cluster changes shape): her view already shown stays, and is read again.
  const failed = readFailed(response);
  if (failed && shownView?.customerId === prompt.customerId) {
    watchOutages(shownView, reread, { failed });
    return;
  }
  // Should the customer view be refused (the prompt moved to another agent), the prompt's own
  // timeline still says where and when, without the sentences.
  const view = response?.ok ? await response.json() : { timeline: prompt.timeline ?? [], openAlerts: [] };
  if (selected !== prompt.id) return;
  // Overtaken by a push: older than what is shown, and the read the push queued follows. Shown all
  // the same when nothing of hers is shown yet (better than the last customer's open alerts).
  if (response?.ok && shownView?.customerId === prompt.customerId && newest.overtaken(prompt.customerId, since, view.interactionCount)) return;
  shownView = failed ? null : view; // nothing read yet: the next answer replaces it whole
  // Her score now, not the one the prompt was made with: the console said 44 while her page, one
  // click away, said 62, until she did something. Set here, not through show(): that reads her again.
  if (response?.ok && view.experienceScore != null) {
    const held = prompts.get(prompt.id);
    if (held) prompts.set(prompt.id, { ...held, experienceScore: view.experienceScore });
    detail.querySelector(".score-value").textContent = formatNumber(view.experienceScore, { maximumFractionDigits: 0 });
  }
  drawCustomer(view, { unknown: failed });
  watchOutages(view, reread, { failed });
}

// Her timeline and open alerts. The open prompt's own alert, closed (the word that withdrew the
// prompt says so), is left out at once: for the second until her next read, the page said
// "Withdrawn: … closed the alert" above "open · assigned to Li Na".
function drawCustomer(view, { unknown = false } = {}) {
  const closed = closedAlertOf(prompts.get(selected));
  const open = view.openAlerts.filter(a => a.id !== closed);
  // Her moments stop being the closed alert's evidence too (the server marks them for open alerts).
  const timeline = closed ? view.timeline.map(i => i.evidenceOf?.includes(closed) ? { ...i, evidenceOf: i.evidenceOf.filter(id => id !== closed) } : i) : view.timeline;
  fillTimeline(detail.querySelector("tbody"), timeline, open, view.incidents);
  fillOpenAlerts(open, view.incidents, { unknown });
  sayOwnCleared(prompts.get(selected), open);
}

// The prompt's own condition cleared (the complaint answered) while what folded into its alert has
// not: the suggested words were for the cleared one ("sorry we haven't answered your complaint"),
// and only the open alerts' small "this has cleared" said so. Said above them, which grey out.
function sayOwnCleared(prompt, open) {
  const alert = prompt && !prompt.result && !prompt.withdrawnAt ? open.find(a => a.id === prompt.alertId && a.ownConditionClearedAt) : null;
  const line = detail.querySelector(".own-cleared");
  line.hidden = !alert;
  detail.toggleAttribute("data-own-cleared", Boolean(alert));
  if (!alert) return;
  // What it stays open for is not named: "folded" keeps rules that cleared since; *Also seen* lists them.
  line.textContent = t("agent.ownCleared", { rule: ruleName(alert.ruleId), ago: formatAge(alert.ownConditionClearedAt) });
}
const watchOutages = outageWatch();

/** The prompt's own alert when the word that withdrew the prompt says it closed; null otherwise. */
function closedAlertOf(prompt) {
  return prompt?.withdrawal?.reason === "alert-resolved" || prompt?.alertClosed?.reason === "alert-resolved" ? prompt.alertId : null;
}

// The customer's open alerts, then an outage her failures fell in that is still going on (what
// she may bring up on the call; past ones are marked in her timeline).
// Not read (CxLive not answering): it says so, not "None open", which was false.
function fillOpenAlerts(open, incidents = [], { unknown = false } = {}) {
  const outages = outagesBesides(incidents, open).filter(incident => !incident.resolvedAt);
  detail.querySelector(".customer-unavailable").hidden = !unknown;
  detail.querySelector(".no-open-alerts").hidden = unknown || open.length + outages.length > 0;
  detail.querySelector(".open-alerts").replaceChildren(...open.map(a => {
    const li = document.createElement("li");
    li.textContent = alertLine(a, agentNamesById());
    return li;
  }), ...outages.map(incidentItem));
}

// The report's problem, kept as what to say rather than the words, so a language change rewords it.
let reportProblem = null;
function sayProblem(key, vars = {}) {
  reportProblem = key ? { key, vars } : null;
  const problem = document.getElementById("report-problem");
  problem.hidden = !key;
  problem.textContent = key ? t(key, vars) : "";
}

// The agent's note goes with the outcome into the prompt and the alert's history (on one line:
// the API keeps control characters, line breaks among them, out of notes). A report that does not
// go through is said under the buttons: a 409 brings the prompt as it now is (reported from another
// tab, or withdrawn), which the notice above then explains. The buttons wait for the answer, and
// an answer about a prompt the agent has since left changes nothing on the one now open.
async function report(outcome) {
  const promptId = selected;
  const note = document.getElementById("outcome-note");
  const buttons = detail.querySelectorAll("button[data-outcome]");
  buttons.forEach(b => { b.disabled = true; });
  let response;
  try {
    response = await fetch(`/api/outreach/${encodeURIComponent(promptId)}/outcome`, {
      method: "POST", headers: { "content-type": "application/json" },
      // Who reports: a prompt a supervisor has moved to someone else is refused, not credited to them.
      body: JSON.stringify({ outcome, note: note.value.replace(/\s+/g, " ").trim() || undefined, agentId }),
    });
  } catch {
    response = null;
  }
  const body = await response?.json().catch(() => ({})) ?? {};
  const prompt = body.prompt;
  if (prompt && isNewer(prompt, prompts.get(prompt.id))) prompts.set(prompt.id, fresher(prompts.get(prompt.id), prompt)); // not over a push that came first
  if (selected !== promptId) return;
  if (response?.ok) sessionStorage.removeItem(draftKey(promptId));
  if (!response) sayProblem("outcome.offline");
  else if (response.ok) sayProblem(null);
  else if (response.status === 503) sayProblem("outcome.unconfirmed"); // kept if the prompt says recorded: the desk finishes it
  else if (prompt && movedAway(prompt) && (!prompt.result || followable(prompt))) sayProblem(note.value.trim() ? "outcome.noteNotSent" : null);
  else if (prompt) sayProblem("outcome.tooLate");
  else sayProblem(...refusal(response.status, body));
  const now = prompts.get(promptId); // gone only if the queue was read again meanwhile
  if (now) show(now); // the buttons as the prompt now allows
  // The button pressed is disabled now: the keyboard goes to the next prompt waiting, or to what
  // the page says about this one, never back to the top of the page.
  if (now && (now.result || now.withdrawnAt || movedAway(now))) {
    (queue.querySelector("li:not(.gone) button.open") ?? document.getElementById(isFollowing(now) ? "follow-up-hint" : "recorded")).focus(); // a greyed row held in place cannot take it
  }
}

// Prompts pushed while the queue is being read again: kept over what the read says when newer.
let pushedWhileLoading = null;

async function loadQueue() {
  const open = selected && prompts.get(selected);
  pushedWhileLoading = new Map();
  const list = kind => fetch(`/api/outreach?agentId=${encodeURIComponent(agentId)}&${kind}=true&limit=1000`).catch(() => null);
  const [response, followingResponse] = await Promise.all([list("pending"), list("following")]);
  // Newest first from the API; the queue reads oldest first, new arrivals below. Cleared only once
  // read: cleared before, a push drawn while the read was on its way found the queue empty, and the
  // keyboard's focus went from the prompt it was on to another.
  // Not read (CxLive not answering): the queue it had stays.
  const read = response?.ok ? (await response.json()).reverse() : null;
  const followed = followingResponse?.ok ? await followingResponse.json() : null;
  const pushed = pushedWhileLoading;
  pushedWhileLoading = null;
  if (read) {
    const kept = followed ? [] : [...prompts.values()].filter(isFollowing); // not read again: the ones it had stay
    prompts.clear();
    arrival.length = 0;
    for (const p of [...read, ...kept]) prompts.set(p.id, p);
  }
  if (read || followed) {
    for (const p of followed ?? []) if (isNewer(p, prompts.get(p.id))) prompts.set(p.id, p);
    for (const p of pushed?.values() ?? []) if (isNewer(p, prompts.get(p.id))) prompts.set(p.id, fresher(prompts.get(p.id), p)); // none when another read overlapped this one and took them
    // New work pushed while the queue was read, which the read did not have: said now (a queue
    // just opened is not all "new").
    const readIds = new Set((read ?? []).map(p => p.id));
    if (read) sayNew([...pushed?.values() ?? []].filter(p => !readIds.has(p.id) && isPending(prompts.get(p.id))));
  }
  // The open prompt is no longer pending here (reported, withdrawn or moved meanwhile): read as it
  // now is, so the detail says what became of it rather than losing it.
  if (open && !prompts.has(open.id)) {
    prompts.set(open.id, fresher(open, await promptNow(open.id)));
    if (selected === open.id) show(prompts.get(open.id));
  }
  renderQueue();
}

/** A prompt as it now is (reported, withdrawn or moved since the queue last heard of it); null when it cannot be read. */
async function promptNow(id) {
  const response = await fetch(`/api/outreach/${encodeURIComponent(id)}`).catch(() => null);
  return response?.ok ? await response.json() : null;
}

setInterval(() => { if (agentId) renderQueue(); }, 60000); // ages move on

const sayNew = announcer(document.getElementById("arrivals"),
  p => t("announce.prompt", { title: wordsOf(p).title, customer: p.customerId, severity: t(`severity.${p.severity}`) }),
  news => t("announce.prompts", { count: formatNumber(news.length), title: wordsOf(news[0]).title, customer: news[0].customerId }));

const connection = connectHub();
connection.on("customerUpdated", followSnapshot);
// New prompts, and prompts withdrawn because their alert closed (they leave the queue; an open one says why).
connection.on("outreachPrompt", prompt => {
  // Another agent's, unless it was this queue's until a supervisor moved it (then it leaves the queue).
  const known = prompts.get(prompt.id);
  // Moved away: the hub stopped her following its customer, and will refuse it. Asked for again
  // should it come back to her (a supervisor undoing a move), not taken as still followed.
  if (known && !movedAway(known) && movedAway(prompt) && watched === prompt.customerId) watched = null;
  if ((prompt.agentId !== agentId && !known) || !isNewer(prompt, known)) return;
  prompts.set(prompt.id, fresher(known, prompt));
  if (!known && isPending(prompt) && !pushedWhileLoading) sayNew([prompt]); // new work, said to a screen reader (the queue itself is not live); not while the queue is read (another agent's queue opened: all "new")
  pushedWhileLoading?.set(prompt.id, prompts.get(prompt.id));
  if (prompt.id === selected) show(prompts.get(prompt.id));
  else renderQueue();
});
connection.onreconnecting(() => setStatus("reconnecting"));
// Back after a network loss: the hub first sends the prompts that changed meanwhile; the queue is
// reloaded only when that was more than it sends at once.
async function resume() {
  const reload = agentId ? await subscribe(connection, "SubscribeAgent", "prompts", agentId).catch(notHers) : false;
  if (reload === refusedQueue) return;
  const customer = watched;
  if (customer) await subscribe(connection, "SubscribeCustomer", "alerts", customer).catch(error => notWatched(error, customer));
  // Catch-up sends the prompts this agent holds; one a supervisor moved away meanwhile is not among
  // them, so the queue is read again whenever it could hold one (it holds any at all).
  if (reload || prompts.size > 0) await loadQueue();
  setStatus("live");
}

// Her sign-in no longer holds this queue: an admin gave her another agent id (or took the role
// that let her read anyone's) while the console was open. The server closed her connection, and
// the queue, refused on the way back, left "Disconnected — retrying" for good. The console starts
// again as whoever she now is, once: refused again straight after (a web server that has not read
// the new settings yet), or refused from the start, it says so and stops, rather than showing an
// empty queue as live or reloading at every reconnect.
const refusedQueue = Symbol("refused");
const startedAgainKey = "cxlive.queueRefused";
function notHers(error) {
  if (!refusedByHub(error)) throw error;
  if (sessionStorage.getItem(startedAgainKey)) {
    sessionStorage.removeItem(startedAgainKey); // a reload later, once the servers agree, may start over again
    stopRefused(connection);
  } else {
    sessionStorage.setItem(startedAgainKey, "1");
    connection.stopForGood().catch(() => {});
    location.replace("/agent");
  }
  return refusedQueue;
}

// An agent id from the link or the browser's memory that the roster does not know: said, and nobody's queue opened.
let unknownAgent = null;
let mustPick = false; // nobody chosen yet: the first agent's queue was opened as the reader's own
function sayUnknownAgent() {
  const line = document.getElementById("unknown-agent");
  line.hidden = !unknownAgent && !mustPick;
  line.textContent = unknownAgent ? t("agent.unknown", { id: unknownAgent }) : mustPick ? t("agent.pickFirst") : "";
}

async function become(id) {
  if (!id) return;
  unknownAgent = null;
  mustPick = false;
  sayUnknownAgent();
  if (agentId) await connection.invoke("UnsubscribeAgent", agentId);
  agentId = id;
  localStorage.setItem("cxlive.agent", id);
  history.replaceState(null, "", `/agent?agentId=${encodeURIComponent(id)}`);
  const open = JSON.parse(sessionStorage.getItem(openKey) ?? "null");
  if (open?.agentId !== id) sessionStorage.removeItem(openKey); // another agent's queue: their prompt is not this one's
  if (await connection.invoke("SubscribeAgent", id, null).catch(notHers) === refusedQueue) return;
  sessionStorage.removeItem(startedAgainKey); // hers: a later refusal may start the console again
  selected = null;
  detail.hidden = true;
  document.getElementById("choose").hidden = false;
  prompts.clear(); // the other agent's queue goes at once, whatever the read of this one does
  arrival.length = 0;
  queue.replaceChildren(); // not "nothing waiting" yet: this agent's queue is not read
  await loadQueue();
}

// The queue's one Tab stop is the row last reached; ↑ ↓ Home End move between the rows that can be opened.
// The follow-ups below the queue are its continuation: the same Tab stop, the same keys.
const listButtons = () => [...queue.querySelectorAll("button.open"), ...followingList.querySelectorAll("button.open")];
const rowButtons = () => listButtons().filter(b => !b.disabled); // a greyed row held in place is passed over
for (const list of [queue, followingList]) list.addEventListener("focusin", event => {
  const li = event.target.closest("li[data-prompt-id]");
  if (!li) return;
  rovingId = li.dataset.promptId;
  for (const button of listButtons()) button.tabIndex = button.closest("li") === li ? 0 : -1;
});
for (const list of [queue, followingList]) list.addEventListener("keydown", event => {
  const moves = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  if (!(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return; // the browser's own (Alt+↑, Ctrl+Home...)
  const buttons = rowButtons();
  const at = buttons.indexOf(document.activeElement);
  if (at < 0 || buttons.length === 0) return;
  event.preventDefault();
  buttons[Math.max(0, Math.min(buttons.length - 1, at + moves[event.key]))].focus();
});
for (const list of [queue, followingList]) list.addEventListener("click", event => {
  const li = event.target.closest("li[data-prompt-id]:not(.gone)");
  if (!li) return;
  rovingId = li.dataset.promptId; // a click focuses no button in some browsers: the Tab stop follows it all the same
  show(prompts.get(li.dataset.promptId));
});
// Words typed with the focus on an outcome button (one Tab too many) go into the note: a space
// pressed the button, and recorded "Declined" for good in the middle of "she will call back". A
// space too, then: the buttons answer Enter and a click, and an outcome is never a slip of the space bar.
detail.addEventListener("keydown", event => {
  if (!event.target.matches("button[data-outcome]") || event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
  const note = document.getElementById("outcome-note");
  if (note.readOnly) return;
  note.focus(); // the character goes where the focus now is
  note.setSelectionRange(note.value.length, note.value.length);
});
document.getElementById("outcome-note").addEventListener("input", event => {
  if (selected) sessionStorage.setItem(draftKey(selected), event.target.value);
});
detail.addEventListener("click", event => {
  const button = event.target.closest("button[data-outcome]");
  if (button) report(button.dataset.outcome);
});
// ↓ on the closed picker changes the choice at once: an agent looking for the fourth name opened
// three queues on the way. A choice made with the keys is taken once they rest (or at Enter, or
// when the focus leaves); one made with the pointer, or in the open list, at once.
const keyedChoiceRest = 700; // ms
let choosingByKey = false;
let keyedChoice = 0;
function takeChoice() {
  clearTimeout(keyedChoice);
  keyedChoice = 0;
  if (picker.value === agentId) return; // ↓ then ↑ back: the queue open is the one chosen
  become(picker.value).catch(() => {
    // Not connected (the hub is reconnecting): the picker goes back to the queue still open, so
    // it never names one agent over another's queue; choosing again works once it is live.
    picker.value = agentId ?? "";
    showWholeChoice();
  });
}
picker.addEventListener("keydown", event => {
  if (event.key === "Enter" && keyedChoice) takeChoice();
  else choosingByKey = true;
});
// Cleared when the key is up, and on leaving (Tab's keyup lands elsewhere) or a press of the pointer.
picker.addEventListener("keyup", () => { choosingByKey = false; });
picker.addEventListener("pointerdown", () => { choosingByKey = false; });
picker.addEventListener("blur", () => {
  choosingByKey = false;
  if (keyedChoice) takeChoice();
});
picker.addEventListener("change", () => {
  showWholeChoice();
  if (!choosingByKey) return takeChoice();
  clearTimeout(keyedChoice);
  keyedChoice = setTimeout(takeChoice, keyedChoiceRest);
});

// Each agent with the channels they reach customers on, in the page's language.
let agentList = [];
const agentNamesById = () => new Map(agentList.map(a => [a.id, a.name]));
const agentName = id => agentNamesById().get(id) ?? id;
function nameAgents(agents) {
  agentList = agents;
  for (const option of picker.options) {
    const agent = agents.find(a => a.id === option.value);
    if (agent) option.text = t("agent.withSkills", { name: agent.name, skills: listOf(agent.skills.map(channelName)) });
  }
  showWholeChoice();
}
// The choice whole on hover: an agent of many channels can be longer than the queue column.
const showWholeChoice = () => { picker.title = picker.selectedOptions[0]?.text ?? ""; };

async function start() {
  // Read before the address names the agent alone: the prompt in the address (Back from a
  // customer's page), else the one this tab had open (the nav link back, which names none).
  const remembered = JSON.parse(sessionStorage.getItem(openKey) ?? "null");
  const reopenId = new URLSearchParams(location.search).get("prompt") ?? remembered?.promptId;
  languagePicker(document.getElementById("lang"));
  onLanguageChange(() => { setStatus(currentStatus()); nameAgents(agentList); renderQueue(); if (selected) show(prompts.get(selected)); if (shownView) drawCustomer(shownView); if (reportProblem) sayProblem(reportProblem.key, reportProblem.vars); sayUnknownAgent(); });
  const user = await currentUser();
  showUser(user);
  const agents = await (await fetch("/api/agents")).json();
  for (const a of agents) picker.add(new Option("", a.id));
  nameAgents(agents);
  // A signed-in agent is who they are; supervisors (and the open demo) may look at any agent's queue.
  const seesAll = !user || user.open || user.roles.includes("supervisor") || user.roles.includes("admin");
  // The agent in the address, else this tab's (its open prompt's), else the last one any tab chose:
  // a supervisor with two consoles open came back by the nav link to the other tab's agent.
  const wanted = seesAll ? new URLSearchParams(location.search).get("agentId") ?? remembered?.agentId ?? localStorage.getItem("cxlive.agent") : user.agentId;
  // A mistyped or stale id opens nobody's queue, and so does no id at all (a first visit, the open
  // demo): not the first agent's, whose customers the reader would then work as their own. An
  // install with one agent opens theirs.
  const only = agents.length === 1 ? agents[0].id : null;
  const chosen = agents.some(a => a.id === wanted) ? wanted : !wanted ? only : null;
  if (!chosen && agents.length > 0) {
    const nobody = new Option("—", "");
    nobody.disabled = true; // a placeholder, not a choice: picking it would unsubscribe and remember nobody
    picker.add(nobody, 0);
    unknownAgent = wanted || null;
    mustPick = !wanted;
  }
  picker.value = chosen ?? "";
  showWholeChoice();
  sayUnknownAgent();
  renderQueue();
  picker.disabled = true; // a queue chosen before the hub answers could not be followed
  await keepConnected(connection, resume);
  picker.disabled = !seesAll;
  setStatus("live");
  if (picker.value) await become(picker.value);
  // Back from a customer's page: the prompt that was open opens again, with its draft; one settled
  // meanwhile is read as it now is, so the agent learns what became of it (withdrawn, and the
  // supervisor's note; reported from another tab) rather than seeing it vanish.
  let reopen = prompts.get(reopenId);
  if (!reopen && reopenId && agentId) {
    const settled = await promptNow(reopenId);
    if (settled?.agentId === agentId) prompts.set(settled.id, reopen = settled);
  }
  if (reopen) {
    show(reopen);
    // The keyboard is back where it was, on the prompt's row (the customer link one Tab on), not at
    // the top of the page (the user trial); a prompt settled meanwhile has no row to take it.
    [...queue.children, ...followingList.children].find(li => li.dataset.promptId === reopen.id)?.querySelector("button:not(:disabled)")?.focus();
  }
  translate();
}

start();
