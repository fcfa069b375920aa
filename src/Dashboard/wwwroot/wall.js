// The supervisor's alert wall: loads the current alerts, then follows the hub's pushes.
// Renders at most once per animation frame, however many messages arrive, and keeps a bounded list.
// Supervisors act from the cards (acknowledge, assign, snooze, resolve, mute) through the REST API; the
// change comes back over the hub like any other, so every open wall shows it.
import { t, tn, translate, language, languagePicker, onLanguageChange, formatNumber, formatSeconds, formatTime, formatStepTime, localTimes, formatAge, wordsOf, channelName, ruleName, listOf, setWords, refusal } from "/i18n.js";
import { connectHub, keepConnected, subscribe, isNewer, setStatus, currentStatus, refusedByHub, stopRefused } from "/hub.js";
import { currentUser, showUser } from "/session.js";
import { customerFinder } from "/find.js";
import { stateOf, whoDid, byPerson, outreachStand } from "/timeline.js";
import { openMute, closeMute, relabelMute, submitMute, loadSilences } from "/mute.js";
import { textElement, announcer, place, refocus } from "/dom.js";
import { pageHold } from "/pagehold.js";

const MAX_SHOWN = 200;
// At a few thousand alerts a minute the page keeps only the most pressing ones (the API has them
// all); pruning in a slab of KEPT_SLACK keeps it from sorting on every message.
const MAX_KEPT = 1000;
const KEPT_SLACK = 250;
const RESOLVED_KEPT_MS = 60_000;
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

const WALL_MODE = new URLSearchParams(location.search).get("mode") === "wall";
// Wall mode shows the cards a page at a time, turning every PAGE_MS (10 s, or ?seconds=N): a screen
// across the room has no scroll bar, and 200 alerts must not hide behind the first four. A page is
// as many cards as fit whole on the screen (up to PAGE_MAX besides the pinned incidents): six a page
// once left a 1080p wall showing three and a half, the rest never seen, and a 720p one half a card.
const PAGE_MAX = 12;
const PINNED = 3; // incident cards that stay on every page, while they leave room for another card
const PAGE_MS = Math.max(0.5, Number(new URLSearchParams(location.search).get("seconds")) || 10) * 1000;
const wallPage = {
  pinned: PINNED,   // how many incidents may stay; fewer while they leave no room for another card
  pinnedShown: 0,   // how many stay on this page
  rest: [],         // the cards that turn, in order
  first: null,      // the id of this page's first turning card: the page starts there whatever arrives or resolves before it
  cursor: 0,        // that card's place in rest
  shown: 1,         // how many turning cards this page has room for
  number: 0,        // pages turned since the round began
  rank: null,       // incident alert id -> failed events now, as the round began (visibleAlerts)
};
const hold = WALL_MODE ? pageHold(document.getElementById("page"), held => { scheduleRender(); if (!held) turnPagesFromNow(); }) : { held: false }; // someone reading holds the page

const alerts = new Map();      // id -> alert
const touchpointsNow = new Map(); // incident touchpoint -> its last GET /api/touchpoints/{id}
const filters = document.getElementById("filters");
const incidents = new Map();   // id -> incident
let serverStats = null;        // the last wallStats: counts over every alert, not only those kept here
let renderQueued = false;
let loaded = false;             // the current alerts have been read once: till then counters show "—"
let agentNames = new Map();     // agent id -> name (GET /api/agents), for the cards
// What the page did, for the benchmark that floods it (docs/benchmarks.md): renders and their cost.
const perf = window.cxWallPerf = { messages: 0, renders: 0, renderMs: 0, pruned: 0 };

const list = document.getElementById("alerts");
const empty = document.getElementById("empty");
const held = document.getElementById("held");
const template = document.getElementById("alert-card");

function upsert(alert) {
  if (!isNewer(alert, alerts.get(alert.id))) return; // a copy this page has, or an older one that arrived late
  alerts.set(alert.id, alert);
  perf.messages++;
  if (alerts.size > MAX_KEPT + KEPT_SLACK) prune();
  scheduleRender();
}

// Drops the least pressing alerts (resolved first, then the least severe and oldest) beyond MAX_KEPT.
function prune() {
  const ranked = [...alerts.values()].sort(byPressure);
  for (const alert of ranked.slice(MAX_KEPT)) {
    alerts.delete(alert.id);
    perf.pruned++;
    if (alert.state !== "resolved") knowsEveryUnresolved = false;
  }
}

function byPressure(a, b) {
  return (a.state === "resolved") - (b.state === "resolved")
    || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
    || (a.raisedAt < b.raisedAt) - (a.raisedAt > b.raisedAt); // ISO times sort as plain strings; localeCompare cost most of a flooded frame
}

function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

// A touchpoint rule's alert opens an incident (and stands for its customers on the wall); the
// alert says so itself (opensIncident), so a new touchpoint rule needs no change here.
const isIncident = alert => Boolean(alert.opensIncident && alert.incidentId);

// The filters of the interactive wall: severity, state (all by default, a resolved card staying a
// minute; "not resolved" is the counters' own definition), rule (its own or one folded into it, as
// the API's ruleId), touchpoint and the agent who holds it (or nobody), read once per render. Wall mode shows everything.
function filter() {
  if (WALL_MODE) return () => true;
  const want = Object.fromEntries(new FormData(filters));
  return alert => {
    if (want.severity && alert.severity !== want.severity) return false;
    if (want.state === "unresolved" ? alert.state === "resolved" : want.state && alert.state !== want.state) return false;
    if (want.rule && alert.ruleId !== want.rule && !alert.folded?.includes(want.rule)) return false;
    if (want.agent && (want.agent === NOBODY ? Boolean(alert.assignedTo) : alert.assignedTo !== want.agent)) return false;
    return !want.touchpoint || alert.touchpoint === want.touchpoint;
  };
}

function visibleAlerts() {
  const now = Date.now();
  for (const [id, alert] of alerts) {
    if (alert.state === "resolved" && now - Date.parse(alert.resolvedAt ?? alert.updatedAt) > RESOLVED_KEPT_MS) alerts.delete(id);
  }
  // A customer alert that an incident absorbed is shown by its incident's card, not on its own; the
  // heat map and the counters count it too (it is not resolved), so the count says how many stand
  // behind incident cards and the numbers on the wall add up. Incidents come first: one card stands
  // for many customers.
  const passes = filter();
  const all = [];
  let inside = 0;
  let hidden = 0; // unresolved cards the filters leave out: "0 of 0 alerts shown" beside 121 unresolved read as none
  unresolvedInside.clear();
  for (const alert of alerts.values()) {
    const ownCard = !alert.incidentId || alert.opensIncident; // not absorbed: its own card, or an incident's
    const unresolved = alert.state !== "resolved";
    if (!ownCard && unresolved) unresolvedInside.set(alert.incidentId, (unresolvedInside.get(alert.incidentId) ?? 0) + 1);
    if (!passes(alert)) {
      if (ownCard && unresolved) hidden++;
      continue;
    }
    if (ownCard) all.push(alert);
    else if (unresolved) inside++;
  }
  // Incidents first, the one whose touchpoint fails the most events now first (a login down for
  // everyone, with no customer alert yet, ranked under a 21 % outage with eight), then by customers
  // with alerts; then the most pressing alerts.
  const affected = alert => (isIncident(alert) ? incidents.get(alert.incidentId)?.affectedCustomers ?? 0 : 0);
  const failingNow = alert => (isIncident(alert) && alert.state !== "resolved" ? touchpointsNow.get(alert.touchpoint)?.figures?.last5Minutes.failures ?? 0 : 0);
  // Wall mode ranks by the figures as they stood when the round began: re-ranked as figures came
  // (every 10 s, two outages' counts crossing as they age), an outage blinked in and out of the
  // pinned ones and one sorted ahead of the page being shown was skipped for the round.
  if (WALL_MODE && (wallPage.rank === null || !loaded)) wallPage.rank = new Map(all.filter(isIncident).map(a => [a.id, failingNow(a)]));
  const failing = alert => (WALL_MODE ? wallPage.rank.get(alert.id) ?? failingNow(alert) : failingNow(alert));
  all.sort((a, b) => isIncident(b) - isIncident(a) || failing(b) - failing(a) || affected(b) - affected(a) || byPressure(a, b));
  // Resolved cards fade out for a minute: said apart, so that the unresolved cards and those inside
  // incidents still add up to the heat map's total.
  const fading = all.filter(alert => alert.state === "resolved").length;
  document.getElementById("shown").textContent = tn("filter.shown", all.length, { shown: formatNumber(Math.min(all.length, MAX_SHOWN)) })
    + (fading > 0 ? " " + tn("filter.justResolved", fading) : "") + (inside > 0 ? " " + tn("filter.inside", inside) : "")
    + (hidden > 0 ? " " + tn("filter.hidden", hidden) : "");
  matchedInside = inside;
  if (!WALL_MODE) return all.slice(0, MAX_SHOWN);
  // Wall mode: the incidents failing the most events now stay (at most PINNED: six incidents once left
  // room for one other card a page, "page 1 of 80"), then as many of the rest as fit (fitWallPage),
  // further incidents first; the summary counts the rest by rule.
  const incidentCards = all.filter(isIncident);
  const pinned = incidentCards.slice(0, wallPage.pinned);
  wallPage.pinnedShown = pinned.length;
  const rest = wallPage.rest = [...incidentCards.slice(wallPage.pinned).filter(a => a.state !== "resolved"), ...all.filter(a => !isIncident(a) && a.state !== "resolved")];
  const at = wallPage.first === null ? 0 : rest.findIndex(a => a.id === wallPage.first);
  // Its first card resolved: the page starts where it stood.
  wallPage.cursor = at >= 0 ? at : wallPage.cursor < rest.length ? wallPage.cursor : 0;
  if (wallPage.cursor === 0) wallPage.number = 0;
  renderSummary(rest);
  return [...pinned, ...rest.slice(wallPage.cursor, wallPage.cursor + PAGE_MAX)];
}

function renderSummary(rest) {
  const byRule = new Map();
  for (const alert of rest) byRule.set(alert.ruleId, (byRule.get(alert.ruleId) ?? 0) + 1);
  document.getElementById("summary").hidden = false;
  document.getElementById("groups").replaceChildren(...[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, count]) => {
    const li = document.createElement("li");
    li.dataset.rule = rule;
    li.dataset.count = count;
    li.textContent = t("wallmode.group", { rule: ruleName(rule), count: formatNumber(count) });
    return li;
  }));
}

// Wall mode, once the cards are in place: the first card that does not fit whole on the screen
// and those after it are the next page's (the first card stays whatever its size: a screen showing
// nothing would say nothing). When the pinned incidents leave no room for any other card, one fewer
// is pinned, until the page turns. Measured before the browser paints, so no card is ever seen cut.
// Answers false to render again.
function fitWallPage() {
  const limit = window.innerHeight - 8;
  // The histogram ends the column beside the cards: on a short screen (720 px in Chinese) it is
  // left out rather than cut.
  // On a wide screen the count of the other cards by rule follows it (styles.css), and goes before
  // it: the cards the wall is not showing matter more than the spread of scores.
  const histogram = [document.getElementById("scores-title"), document.getElementById("scores")];
  const groups = [document.querySelector("#summary h2"), document.getElementById("groups")];
  const summary = document.getElementById("summary");
  const failingList = document.getElementById("top-touchpoints");
  const failing = [...failingList.children];
  for (const element of [...histogram, ...groups, ...failing]) element.style.display = "";
  // On a 4 : 3 wall the failing touchpoints and the count by rule stand beside the heat map, above
  // the cards: they end where the heat map ends. Five touchpoints and four rows of rules ran 110 px
  // below it, over empty space, and a 1024 × 768 wall had room for an outage and one or two
  // customers. With no card to make room for, the column keeps what it has (the screen's end aside).
  const heatEnd = document.getElementById("heat-total");
  const besideHeat = list.children.length > 0 &&
    failingList.getBoundingClientRect().left >= heatEnd.parentElement.getBoundingClientRect().right;
  const overflows = () => Math.max(histogram[1].getBoundingClientRect().bottom, summary.getBoundingClientRect().bottom) >
    (besideHeat ? Math.min(limit, heatEnd.getBoundingClientRect().bottom) : limit);
  if (overflows()) for (const element of histogram) element.style.display = "none";
  // Then the least failing touchpoints down to three, then the count by rule loses its smallest
  // rules ("other rules: 40") rather than all of them: left out whole, a 720p wall hid what its
  // pages were turning through. Still over (Chinese at 720p cut the page number in half): the
  // failing touchpoints down to one. Beside the heat map, where what is over only moves the cards
  // down, the count by rule keeps its largest rule and the touchpoints stay at three.
  for (let i = failing.length - 1; i > 2 && overflows(); i--) failing[i].style.display = "none";
  fitGroups(overflows, groups, besideHeat ? 1 : 0);
  if (!besideHeat) for (let i = Math.min(2, failing.length - 1); i > 0 && overflows(); i--) failing[i].style.display = "none";
  // Every position is read before a card is removed: a later, shorter card moving up into a gap
  // would otherwise be kept, and the one it passed never shown.
  const cards = [...list.children];
  // Pinned incidents take at most half the cards' column while other cards wait: three of them once
  // filled a 720p wall and left one customer card a page, a round of 36 minutes.
  if (wallPage.pinnedShown > 1 && wallPage.rest.length > 0) {
    const top = list.getBoundingClientRect().top;
    if (cards[wallPage.pinnedShown - 1].getBoundingClientRect().bottom - top > (limit - top) / 2) {
      wallPage.pinned = wallPage.pinnedShown - 1;
      return false;
    }
  }
  let kept = cards.findIndex((li, index) => index > 0 && li.offsetTop + li.offsetHeight > limit);
  if (kept < 0) kept = cards.length;
  for (const li of cards.slice(kept)) li.remove();
  const turning = Math.max(0, kept - wallPage.pinnedShown);
  if (turning === 0 && wallPage.rest.length > 0 && wallPage.pinnedShown > 0) { wallPage.pinned = wallPage.pinnedShown - 1; return false; }
  wallPage.first = wallPage.rest[wallPage.cursor]?.id ?? null;
  wallPage.shown = Math.max(1, turning);
  // "page 3 of 9": pages turned in this round, and as many more as the cards left need at this page's count.
  const page = wallPage.number + 1;
  const pages = page + Math.ceil(Math.max(0, wallPage.rest.length - wallPage.cursor - turning) / wallPage.shown);
  list.dataset.pageCards = turning;
  document.getElementById("page").textContent = t(hold.held ? "wallmode.pagePaused" : "wallmode.page", { page: formatNumber(page), pages: formatNumber(pages) });
  return true;
}

// Takes the smallest rules off the count by rule until the column fits, saying how many cards they
// hold, down to the largest <keep> rules; with none left that fits, the count goes.
function fitGroups(overflows, groups, keep) {
  if (!overflows()) return;
  const chips = [...groups[1].children];
  if (!chips.length) { for (const element of groups) element.style.display = "none"; return; } // a heading over nothing
  if (chips.length <= keep) return;
  const more = document.createElement("li");
  more.className = "more";
  groups[1].append(more);
  let hidden = 0;
  for (let i = chips.length - 1; i >= keep && overflows(); i--) {
    hidden += Number(chips[i].dataset.count);
    chips[i].remove();
    more.textContent = t("wallmode.groupsMore", { count: formatNumber(hidden) });
  }
  if (!hidden) more.remove();
  if (keep === 0 && (overflows() || chips.every(chip => !chip.isConnected))) for (const element of groups) element.style.display = "none";
}

// The next page starts with the first card this one had no room for; after the last, the round begins again.
// Not while the page is not live: pages turning made a stale wall look alive (the pill says since when).
// Nor while someone holds the page to read it (pagehold.js).
function turnWallPage() {
  if (document.body.dataset.feed === "stale" || hold.held) return;
  const next = wallPage.cursor + wallPage.shown;
  const wraps = next >= wallPage.rest.length;
  wallPage.first = wraps ? null : wallPage.rest[next].id;
  wallPage.cursor = wraps ? 0 : next;
  wallPage.number = wraps ? 0 : wallPage.number + 1;
  if (wraps) wallPage.rank = null; // a new round ranks the outages afresh
  scheduleRender();
}

const NOBODY = "-"; // the agent filter's "nobody holds it": no agent id has that form
let filterChoices = null;
// The filters are in the address (?agent=li.na&state=acknowledged): Back from a customer's page, a
// reload or a shared link finds the wall as it was left. It came back unfiltered, "172 of 172".
const FILTERS = ["severity", "state", "rule", "touchpoint", "agent"];
let wantedFromAddress = WALL_MODE ? {} : Object.fromEntries(FILTERS.map(name => [name, new URLSearchParams(location.search).get(name)]).filter(([, value]) => value));
function rememberFilters() {
  const address = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const value = filters.elements[name].value;
    if (value) address.set(name, value); else address.delete(name);
  }
  history.replaceState(history.state, "", `${location.pathname}${address.size ? `?${address}` : ""}${location.hash}`);
}
// The filters offer the rules and touchpoints of the alerts the page holds, and the agents, kept sorted.
function refreshFilterChoices() {
  if (WALL_MODE) return;
  const fillSelect = (select, values, label) => {
    const chosen = select.value || wantedFromAddress[select.name] || "";
    const options = [new Option(t("filter.all"), ""), ...values.map(v => new Option(label(v), v))];
    if (chosen && !values.includes(chosen)) options.push(new Option(label(chosen), chosen));
    select.replaceChildren(...options);
    select.value = chosen;
  };
  const kept = [...alerts.values()];
  const rules = [...new Set(kept.flatMap(a => [a.ruleId, ...(a.folded ?? [])]))].sort();
  const touchpoints = [...new Set(kept.map(a => a.touchpoint).filter(Boolean))].sort();
  // Every agent of the roster (and any other holding an alert here), not only those holding alerts
  // now: the list, and so the filter bar's width, stays as it is while the desks assign.
  const agentName = id => id === NOBODY ? t("filter.nobody") : agentNameOf(id);
  const holders = [...new Set([...agentNames.keys(), ...kept.map(a => a.assignedTo).filter(Boolean)])].sort((a, b) => agentName(a).localeCompare(agentName(b)));
  // Rebuilt only when the choices or the language change: replacing options closes an open list.
  const key = `${language()}|${rules.join()}|${touchpoints.join()}|${holders.map(agentName).join()}`;
  if (key === filterChoices) return;
  filterChoices = key;
  fillSelect(filters.elements.severity, ["critical", "warning", "info"], v => t(`severity.${v}`));
  fillSelect(filters.elements.state, ["unresolved", "open", "acknowledged", "snoozed", "resolved"], v => v === "unresolved" ? t("filter.unresolved") : t(`state.${v}`));
  fillSelect(filters.elements.rule, rules, ruleName);
  fillSelect(filters.elements.touchpoint, touchpoints, v => v);
  fillSelect(filters.elements.agent, [...holders, NOBODY], agentName);
  wantedFromAddress = {}; // chosen now: the selects hold them
}

// refit: again within one render, with fewer incidents pinned (fitWallPage); a fresh render starts
// from three again, so that one squeezed by a moment's layout (the side column still loading) does
// not leave an incident unpinned, and skipped by the page, until the page turns.
function render(refit = false) {
  if (WALL_MODE && !refit) wallPage.pinned = PINNED;
  const started = performance.now();
  // Wall mode draws the counters and the heat map before it places the cards: on a 4 : 3 wall the
  // heat map stands above them, and drawn after them it pushed the last ones below the screen. Once a
  // render: a refit changes neither. The interactive wall draws them after its cards, whose scroll
  // bar narrows the page the heat map is measured against (fitHeatmap).
  if (loaded && WALL_MODE && !refit) renderStats();
  const shown = visibleAlerts();
  if (list.querySelector(".assign:not([hidden]), .resolve:not([hidden]), .mute:not([hidden]), [data-opening]")) {
    // A supervisor is choosing an agent, how an alert ended or what to mute: the cards hold still (the card they
    // are on must not slide away under the pointer); each keeps up with its alert, and new ones come
    // when the form closes.
    [...list.children].forEach(li => { if (alerts.has(li.dataset.alertId)) fill(li, alerts.get(li.dataset.alertId)); });
    // A filter changed or an alert came meanwhile: say why the cards do not follow yet.
    held.hidden = shown.length === list.children.length && shown.every((alert, index) => list.children[index].dataset.alertId === alert.id);
  } else {
    held.hidden = true;
    const existing = new Map([...list.children].map(li => [li.dataset.alertId, li]));
    const focusedAt = [...list.children].findIndex(li => li.contains(document.activeElement)); // before the cards shown move ahead of those leaving
    const hadFocus = list.contains(document.activeElement) ? document.activeElement : null;
    shown.forEach((alert, index) => {
      const li = existing.get(alert.id) ?? newCard();
      existing.delete(alert.id);
      fill(li, alert);
      if (list.children[index] !== li) place(list, li, list.children[index] ?? null);
    });
    // A card moved up past one leaving its place (a resolved card going to the end) loses the
    // keyboard where the browser cannot move a node keeping its focus (moveBefore): a trial's focus
    // fell to the page's top within two minutes of waiting on a card. It stays where it was.
    refocus(hadFocus, { preventScroll: true });
    // A card leaving with the keyboard on it (resolved a minute ago, filtered out): the focus goes to the card now in its place.
    existing.forEach(li => {
      const focused = li.contains(document.activeElement);
      li.remove();
      if (focused && !pendingFocus) focusAfterRender(li, null, focusedAt);
    });
    if (WALL_MODE && !fitWallPage()) return render(true);
  }
  settleFocus();
  sayArrivals();
  // Until the first list has come, the page knows nothing: "no open alerts" and zeros would be a claim.
  empty.hidden = !loaded || shown.length > 0;
  if (!empty.hidden) explainEmpty();
  sayFiltered();
  refreshFilterChoices();
  list.dataset.kept = alerts.size;
  if (loaded && !WALL_MODE) renderStats();
  perf.renders++;
  perf.renderMs += performance.now() - started;
}

// New cards said to a screen reader once they are on the wall (a filter can keep one off: said if
// it comes on within a minute). The list itself is not live: it would be read whole on every change.
const arrived = new Map(); // alert id -> when its raise was pushed
const whoOf = alert => alert.customerId ?? alert.touchpoint ?? "";
const sayNew = announcer(document.getElementById("arrivals"),
  alert => t("announce.alert", { severity: t(`severity.${alert.severity}`), title: wordsOf(alert).title, who: whoOf(alert) }),
  news => t("announce.alerts", { count: formatNumber(news.length), critical: formatNumber(news.filter(a => a.severity === "critical").length), title: wordsOf(news[0]).title, who: whoOf(news[0]) }));
function sayArrivals() {
  if (arrived.size === 0) return;
  const news = [...list.children].filter(li => arrived.delete(li.dataset.alertId)).map(li => alerts.get(li.dataset.alertId));
  for (const [id, at] of arrived) if (Date.now() - at > 60_000 || !alerts.has(id)) arrived.delete(id);
  sayNew(news.filter(alert => alert && alert.state !== "resolved")); // in the list's order: the most pressing first
}

// An empty list under filters is not "no open alerts": during an outage, filtering by the customers'
// rule leaves nothing, because those alerts stand behind their incident's card. Say which it is.
let matchedInside = 0;
// Unresolved customer alerts inside each incident (filters aside), told on its card beside how many
// it absorbed, so "9 absorbed" and the filter line's "2 more unresolved inside incidents" add up.
// Said only while this page holds every unresolved alert (none pruned, the first read not cut short).
const unresolvedInside = new Map();
let knowsEveryUnresolved = false;
// What a filter left, said once when it changes (not on every push): a screen reader heard nothing
// after choosing a rule, and "No card matches these filters" only by finding it (an accessibility trial).
let filterChanged = false;
function sayFiltered() {
  if (!filterChanged) return;
  filterChanged = false;
  const shown = document.getElementById("shown").textContent;
  const said = document.getElementById("filter-said");
  const words = empty.hidden ? shown : `${empty.querySelector(".headline").textContent} ${shown}`;
  // The same words as the last choice's are not a change a screen reader hears: emptied first, then said.
  said.textContent = "";
  requestAnimationFrame(() => { said.textContent = words; });
}

function explainEmpty() {
  const filtering = !WALL_MODE && alerts.size > 0 && [...new FormData(filters).values()].some(Boolean);
  // Resolved cards fade out after a minute: "Other alerts are on the wall" read as though the
  // supervisor's closed alerts were lost. Their history is on the customer's page.
  const [headline, body] = !filtering ? ["empty.headline", "empty.body"]
    : matchedInside > 0 ? ["empty.filtered", "empty.filteredInside"]
    : filters.elements.state.value === "resolved" ? ["empty.filtered", "empty.filteredResolved"] : ["empty.filtered", "empty.filteredNone"];
  for (const [element, key] of [[empty.querySelector(".headline"), headline], [empty.querySelector(".body"), body]]) {
    element.dataset.i18n = key;
    element.textContent = t(key);
  }
}

// A card is refilled only when its alert, its incident or the language changed: at a few thousand
// alerts a minute most cards on screen are the same from one frame to the next.
// Up to 200 cards each have an "Acknowledge" and a "Resolve": their group is named by the card's
// title (aria-labelledby), so a screen reader tabbing from card to card hears which alert it is on.
let cardsMade = 0;
function newCard() {
  const li = template.content.firstElementChild.cloneNode(true);
  const title = li.querySelector(".title");
  title.id = `card-title-${++cardsMade}`;
  li.querySelector(".actions").setAttribute("aria-labelledby", title.id);
  return li;
}

function fill(li, alert) {
  const incident = alert.incidentId ? incidents.get(alert.incidentId) : null;
  if (incident && isIncident(alert)) followTouchpoint(incident);
  const now = incident ? touchpointsNow.get(incident.touchpoint)?.figures : null;
  const inside = incident && knowsEveryUnresolved ? unresolvedInside.get(incident.id) ?? 0 : null; // told by absorbedWords
  const when = li.querySelector(".when");
  const ages = agesOn(alert);
  if (li.cxAlert !== alert || li.cxIncident !== incident || li.cxNow !== now || li.cxInside !== inside || li.cxLanguage !== language() || li.cxAgents !== agentNames || li.cxAges !== ages) {
    const focused = li.contains(document.activeElement) ? document.activeElement : null;
    fillCard(li, alert, incident, now);
    if (focused?.disabled && !pendingFocus) {
      // Someone else acted on the card under the keyboard (resolved it, acknowledged it): the
      // button disabled dropped the focus to the top of the page, and nothing said why.
      focusAfterRender(li, focused);
      document.getElementById("card-news").textContent = t("card.news", { title: li.querySelector(".title").textContent, state: li.querySelector(".state").textContent });
    }
    Object.assign(li, { cxAlert: alert, cxIncident: incident, cxNow: now, cxInside: inside, cxLanguage: language(), cxAgents: agentNames, cxAges: ages });
    when.dateTime = since(alert);
    when.title = formatTime(since(alert));
  }
  when.textContent = formatAge(since(alert));
}

// The ages a card's notes tell ("reached the customer 2 min ago", "new since someone acted on it:
// ..., just now"), which change with the clock, not with the alert: a wall open for a while read
// "just now" on a note four minutes old, and kept a fifteen-minute "new" note past its time.
// Only the ages shown: a card is refilled when one of them reads differently, not on every frame.
const STAND_SINCE = { following: "reachedAt", unreached: "unreachedAt", awaiting: "awaitingAgentSince", ownCleared: "ownConditionClearedAt" };
function agesOn(alert) {
  const news = newSinceHandled(alert);
  const since = alert[STAND_SINCE[outreachStand(alert)]];
  return `${news ? formatAge(news.at) : ""}|${since ? formatAge(since) : ""}`;
}

function fillCard(li, alert, incident, now) {
  // An action CxLive could not confirm (503) may still go through: once the card changes, its words are stale.
  if (li.cxUnconfirmed && li.cxUnconfirmed !== alert) {
    li.cxUnconfirmed = null;
    showProblem(li);
  }
  if (li.cxReword && li.cxLanguage !== language()) showProblem(li, li.cxReword);
  li.dataset.alertId = alert.id;
  li.dataset.severity = alert.severity;
  li.dataset.state = alert.state;
  li.dataset.outcome = alert.outcome ?? ""; // "resolved · Lost" is not said in the colour of a recovery
  li.dataset.rule = alert.ruleId;
  li.dataset.folded = (alert.folded ?? []).join(" ");
  li.dataset.customer = alert.customerId ?? "";
  li.classList.toggle("incident-card", isIncident(alert)); // wall mode draws it compact (styles.css)
  li.querySelector(".severity").textContent = t(`severity.${alert.severity}`);
  const words = wordsOf(alert);
  // An open outage's title gives the failure rate now, as the line under it does: the rate it was
  // raised with ("52%" above "now: 30%") read as two numbers that disagree.
  const openOutage = incident && now && alert.ruleId === "touchpoint-degradation" && alert.state !== "resolved";
  const failingNow = openOutage && now.last5Minutes.events > 0;
  // A touchpoint gone quiet is not "failing: 100%" above "now: no traffic at all".
  const silentNow = openOutage && now.last5Minutes.events === 0;
  const title = failingNow
    ? t("incident.failingNow", { touchpoint: alert.touchpoint, rate: formatNumber(failureRate(now.last5Minutes), { style: "percent" }) })
    : silentNow ? t("incident.silentTitle", { touchpoint: alert.touchpoint })
    : words.title;
  // Wall mode leaves the count of customers to the line under it ("40 customer alerts absorbed"):
  // said twice, it wrapped the title to three lines.
  li.querySelector(".title").textContent = incident && incident.affectedCustomers > 0 && !WALL_MODE
    ? `${title} — ${tn("incident.affected", incident.affectedCustomers)}` : title;
  // The alert's detail keeps the figures it was raised with; an incident's card also says where its
  // touchpoint stands now (re-read every 10 s) and how many customer alerts it has absorbed.
  // A resolved one is over: "now: 23% failed" under it read as an outage still going on.
  const live = li.querySelector(".live");
  live.hidden = !(incident && now) || alert.state === "resolved";
  li.classList.toggle("has-live", !live.hidden); // wall mode leaves out the picture at raise time beside it
  live.dataset.affected = incident?.affectedCustomers ?? "";
  // A touchpoint that fell silent is not at "0% of 0 failed", which reads as recovered. Wall mode's
  // line is one line, and says less ("in the last 5 min" is in the title, "since it opened" goes
  // without saying): at 1280 × 720 it was cut at "(3 st…", the customers still waiting.
  live.textContent = live.hidden ? ""
    : now.last5Minutes.events === 0 ? t(WALL_MODE ? "incident.nowSilentWall" : "incident.nowSilent", { absorbed: absorbedWords(incident) })
    : t(WALL_MODE ? "incident.nowWall" : "incident.now", {
      rate: formatNumber(failureRate(now.last5Minutes), { style: "percent" }),
      events: formatNumber(now.last5Minutes.events),
      absorbed: absorbedWords(incident),
    });
  li.querySelector(".state").textContent = stateOf(alert); // "resolved · Lost": how it ended, as its history says
  // Beside the live line, the detail says it is the picture at raise time ("20 of 20 failed" above "now: 23").
  li.querySelector(".detail").textContent = live.hidden ? words.detail : t("incident.raisedWith", { detail: words.detail });
  const customer = li.querySelector(".customer");
  customer.textContent = alert.customerId ?? "—";
  if (alert.customerId) customer.href = `/customers/${encodeURIComponent(alert.customerId)}`; else customer.removeAttribute("href");
  if (WALL_MODE) customer.tabIndex = -1; // drawn as plain text on a screen across the room: not a stop for Tab either
  // The agent by name, as the Assign picker lists them (their id on hover).
  const assigned = li.querySelector(".assigned");
  assigned.textContent = alert.assignedTo ? agentNameOf(alert.assignedTo) : "—";
  assigned.title = alert.assignedTo ?? "";
  enableActions(li, alert);
  if (alert.state === "resolved") resolvedMeanwhile(li, alert); // muting stays possible
  if (drafts.has(alert.id)) restoreDraft(li, alert);
  li.querySelector(".resolve .outcome").hidden = !alert.customerId; // an incident's card: no one customer's ending to record
  translate(li);
  li.querySelector(".touchpoint").textContent = alert.touchpoint ?? "—";
  li.querySelector(".stage").textContent = alert.stage ? t(`stage.${alert.stage}`) : "—";
  const rule = li.querySelector(".rule");
  rule.textContent = ruleName(alert.ruleId);
  rule.title = alert.ruleId; // the API's word, for a search or a silence
  // Something new on a card someone already handles (acknowledged, assigned, snoozed): said on it
  // for a while, or a payment failure folded into it read as the same "acknowledged · 4 min ago".
  const news = newSinceHandled(alert);
  const fresh = li.querySelector(".fresh");
  fresh.hidden = !news;
  fresh.textContent = news ? t("card.newSinceHandled", { rule: listOf(news.rules.map(ruleName)), ago: formatAge(news.at) }) : "";
  // Conditions the customer's alert budget folded into this card: the supervisor acts on the customer.
  li.querySelector(".also-row").hidden = !alert.folded?.length;
  li.querySelector(".also").textContent = listOf((alert.folded ?? []).map(ruleName));
  // An incident's card lists the customers it hurts (read when opened: an outage may hurt thousands).
  const affected = li.querySelector(".affected");
  affected.hidden = !(incident && isIncident(alert) && incident.affectedCustomers > 0);
  affected.querySelector(".count").textContent = affected.hidden ? "" : t("count.paren", { count: formatNumber(incident.affectedCustomers) });
  // The channel only when it is one to reach a customer on: an incident's action is for the team
  // ("other", "check web/search now"), a suggested action rather than outreach.
  const channel = alert.suggestedAction?.channel;
  const outreach = Boolean(channel && channel !== "other");
  const suggestion = li.querySelector(".suggestion");
  // Where the outreach stands, said where the suggestion was. Following: what to say was said (the
  // card read as any acknowledged one, as though nobody had called). Unreached, or awaiting another
  // try's agent: "acknowledged · Li Na" over the suggestion read as though Li Na had it in hand.
  // Its own condition cleared (the complaint answered): the suggestion was the cleared condition's
  // ("sorry we haven't answered your complaint") under its stale title.
  const stand = outreachStand(alert);
  const [following, unreached, awaiting, ownCleared] = ["following", "unreached", "awaiting", "ownCleared"].map(s => stand === s);
  suggestion.dataset.label = t(following ? "meta.followingUp" : unreached ? "meta.unreached" : awaiting ? "meta.awaitingAgent" : ownCleared ? "meta.ownCleared" : outreach ? "meta.suggestion" : "meta.suggestion.team");
  suggestion.textContent = following
    ? (alert.reachedBy === alert.assignedTo || !alert.assignedTo
      ? t("card.reached", { agent: agentNameOf(alert.reachedBy), ago: formatAge(alert.reachedAt) })
      : t("card.reachedHandedOver", { reacher: agentNameOf(alert.reachedBy), agent: agentNameOf(alert.assignedTo), ago: formatAge(alert.reachedAt) }))
    : unreached ? t("card.unreached", { agent: agentNameOf(alert.unreachedBy), ago: formatAge(alert.unreachedAt) })
    : awaiting ? t("card.awaitingAgent", { ago: formatAge(alert.awaitingAgentSince) })
    // What else it stays open for is not named: "folded" keeps every rule that ever folded in, cleared
    // or not, and a second case of its own rule is among what keeps it open. The card's "Also seen" lists them.
    : ownCleared ? t("card.ownCleared", { rule: ruleName(alert.ruleId), ago: formatAge(alert.ownConditionClearedAt) })
    : !alert.suggestedAction || alert.state === "resolved" ? "" // closed: nothing left to suggest (a missed follow-up closed by the call read as though nobody had called)
    : outreach ? t("suggestion.channel", { wording: words.wording, channel: channelName(channel) }) : words.wording;
  const history = li.querySelector(".history");
  history.querySelector(".count").textContent = t("count.paren", { count: formatNumber(alert.history?.length ?? 0) });
  if (history.open) fillHistory(history, alert);
}

// The conditions that folded in (or moved on) since a person last acted on the alert, and when the
// latest did, within the last NEWS_KEPT: null when nobody has acted yet (the whole card is news
// then) or it is resolved.
const NEWS_KEPT = 15 * 60_000;
function newSinceHandled(alert) {
  const steps = alert.history ?? [];
  const handled = steps.findLastIndex(step => byPerson(step.by));
  if (handled < 0 || alert.state === "resolved") return null;
  const news = steps.slice(handled + 1).filter(step => step.foldedRule);
  const at = news.at(-1)?.at;
  return at && Date.now() - Date.parse(at) < NEWS_KEPT ? { rules: [...new Set(news.map(step => step.foldedRule))], at } : null;
}

// "9 customer alerts absorbed since it opened (2 still unresolved)": the second figure while this page can tell.
function absorbedWords(incident) {
  const absorbed = incident.absorbedAlerts ?? 0;
  const words = tn(WALL_MODE ? "incident.absorbedWall" : "incident.absorbed", absorbed);
  if (absorbed === 0 || !knowsEveryUnresolved) return words;
  const open = unresolvedInside.get(incident.id) ?? 0;
  return words + (open > 0 ? tn("incident.stillUnresolved", open) : t("incident.noneUnresolved"));
}

// Who made a step: a rule, CxLive itself, the outreach desk, an agent (by name, as on the card),
// or a person by the name the server recorded.
function who(by) {
  return whoDid(by, agentNames);
}

// A card's time: when it was raised, or when it closed. "resolved · Recovered  11 min ago" read as
// closed 11 minutes ago for a card resolved seconds before.
const since = alert => alert.state === "resolved" ? alert.resolvedAt ?? alert.updatedAt : alert.raisedAt;

/** An agent by name, as the Assign picker lists them; one the roster does not know, by id. */
const agentNameOf = id => agentNames.get(id) ?? id;

// What happened to the alert, oldest first: raised, folded, acknowledged by whom, escalated,
// resolved. Drawn only while a supervisor has it open: most cards are never opened.
function fillHistory(history, alert) {
  const steps = alert.history ?? [];
  history.querySelector(".transitions").replaceChildren(...steps.map((step, index) => {
    const row = document.createElement("li");
    const when = document.createElement("time");
    when.dateTime = step.at;
    when.textContent = formatStepTime(step.at);
    when.title = formatTime(step.at); // the date too, on hover
    const what = document.createElement("span");
    what.className = "to";
    // How a resolved customer alert ended (recovered or lost), on the step that resolved it.
    const ending = step.state === "resolved" && index === steps.length - 1 && alert.outcome ? ` · ${t(`insights.${alert.outcome}`)}` : "";
    what.textContent = t(`state.${step.state}`) + ending;
    const by = document.createElement("span");
    by.className = "by";
    by.textContent = whoDid(step.by, agentNames, { atStart: true });
    const note = document.createElement("span");
    note.className = "note";
    // The step's words in the page's language (a person's own note inside them as written). A step
    // stored before notes were translated has its English, except the raising one: the alert's
    // title, which the page has in its language.
    const words = step.translations?.[language()] ?? (index === 0 && !step.translations ? wordsOf(alert).title : step.note);
    note.textContent = localTimes(words);
    row.append(when, what, by, note);
    return row;
  }));
}

// Counters come from the server's wallStats (over every alert, pushed at most once a second). The
// page's own alerts are a part of those, pushed at once: a counter never shows fewer than the page
// holds, so a critical card is never listed under "0 critical" for the second before the next stats.
function renderStats() {
  const open = [...alerts.values()].filter(a => a.state !== "resolved");
  const minuteAgo = Date.now() - 60_000;
  const held = { critical: 0, warning: 0, info: 0 };
  for (const alert of open) if (alert.severity in held) held[alert.severity]++;
  const bySeverity = severity => Math.max(serverStats?.openBySeverity?.[severity] ?? 0, held[severity]);
  const counts = { critical: bySeverity("critical"), warning: bySeverity("warning"), info: bySeverity("info") };
  document.getElementById("stat-open").textContent = formatNumber(counts.critical + counts.warning + counts.info);
  for (const severity of ["critical", "warning", "info"]) {
    document.getElementById(`stat-${severity}`).textContent = formatNumber(counts[severity]);
  }
  document.getElementById("stat-rate").textContent = formatNumber(Math.max(serverStats?.raisedLastMinute ?? 0,
    [...alerts.values()].filter(a => Date.parse(a.raisedAt) >= minuteAgo).length));
  renderHeatmap(open);
}

// Where each open incident's touchpoint stands now, for its card: read when the incident changes
// (incidentUpdated: a customer joined it) and every 10 s.
function followTouchpoint(incident) {
  const known = touchpointsNow.get(incident.touchpoint);
  if (known?.asOf === incident.updatedAt) return;
  touchpointsNow.set(incident.touchpoint, { ...known, asOf: incident.updatedAt });
  readTouchpoint(incident.touchpoint);
}

async function readTouchpoint(touchpoint) {
  const response = await fetch(`/api/touchpoints/${touchpoint.split("/").map(encodeURIComponent).join("/")}`);
  if (!response.ok) return;
  touchpointsNow.set(touchpoint, { ...touchpointsNow.get(touchpoint), figures: await response.json() });
  scheduleRender();
  renderTopTouchpoints(); // an incident's touchpoint joins the list with its latest figures
}

function loadIncidentTouchpoints() {
  return Promise.all([...incidents.values()].filter(incident => !incident.resolvedAt).map(incident => readTouchpoint(incident.touchpoint).catch(() => {})));
}

// Journey stage × channel of every unresolved alert the page holds (the counters' definition), those
// without a stage in a row of their own and those without a touchpoint under "other", so its total
// is the counter's while the page holds them all. The channel is the touchpoint's first segment
// (touchpoints are named channel/place: web/search, call-center/billing-queue).
const STAGES = ["discover", "research", "purchase", "receive", "service", "share", "none"];
function renderHeatmap(open) {
  const cells = new Map();
  const critical = new Map(); // cells holding a critical alert: an outage counts one, the faintest shade
  const channels = new Set();
  for (const alert of open) {
    const channel = alert.touchpoint ? alert.touchpoint.split("/")[0] : "other";
    const key = `${alert.stage ?? "none"}|${channel}`;
    channels.add(channel);
    cells.set(key, (cells.get(key) ?? 0) + 1);
    if (alert.severity === "critical") critical.set(key, (critical.get(key) ?? 0) + 1);
  }
  const columns = [...channels].sort();
  const max = Math.max(1, ...cells.values());
  const table = document.getElementById("heatmap");
  const criticalCount = [...critical.values()].reduce((sum, n) => sum + n, 0);
  document.getElementById("heat-total").textContent = tn("heat.total", open.length)
    + (criticalCount ? t("heat.criticalOutlined", { count: formatNumber(criticalCount) }) : "");
  if (!columns.length) { table.replaceChildren(); return; }
  // Built as elements, never as markup: the channel comes from integrators' touchpoint names.
  const head = row(header("", null), ...columns.map(c => header(channelName(c), "col")));
  const holdsAlerts = stage => columns.some(c => cells.has(`${stage}|${c}`));
  const used = STAGES.filter(stage => stage !== "none" || holdsAlerts(stage));
  const rows = used.map(stage => {
    const tr = row(header(stage === "none" ? t("heat.none") : t(`stage.${stage}`), "row"), ...columns.map(c => {
      const n = cells.get(`${stage}|${c}`) ?? 0;
      const td = document.createElement("td");
      td.dataset.count = n;
      td.style.setProperty("--heat", n / max);
      td.textContent = n || "";
      const severe = critical.get(`${stage}|${c}`) ?? 0;
      td.classList.toggle("critical", severe > 0);
      td.title = severe ? tn("heat.critical", severe) : "";
      return td;
    }));
    // A wall whose heat map stands above its cards leaves out the stages with nothing (styles.css).
    tr.classList.toggle("quiet", !holdsAlerts(stage));
    return tr;
  });
  table.replaceChildren(head, ...rows);
  fitHeatmap(table, `${columns.join("|")} ${used.length} ${language()} ${innerWidth}×${innerHeight}`);
}

// The channels' names stand upright when side by side they would run the table past the page's
// right edge (twelve channels on a 1280 px wall hid the last columns). Measured only when the
// columns, the language or the window change: a layout read on every render would cost a flood.
let heatFitted = "";
function fitHeatmap(table, key) {
  if (key === heatFitted) return;
  heatFitted = key;
  table.classList.remove("upright");
  if (table.getBoundingClientRect().right > document.documentElement.clientWidth) table.classList.add("upright");
}

function row(...cells) {
  const tr = document.createElement("tr");
  tr.append(...cells);
  return tr;
}

function header(text, scope) {
  const th = document.createElement("th");
  if (scope) th.scope = scope;
  th.textContent = text;
  return th;
}

// An incident's touchpoint belongs in the list of those failing most as soon as its card is on the
// wall, not up to 10 s later: the list is read again a second after an incident opens or grows (once
// for a burst of them).
let topReload = null;
function reloadTopSoon() {
  topReload ??= setTimeout(() => { topReload = null; loadTopTouchpoints(); }, 1_000);
}

// The touchpoints failing most right now, from the server (refreshed every 10 s, and after incidents).
let failingTop = [];
// The outage rule (touchpoint-degradation), read once: its fewest events and failures in its
// window, and the line it draws against the hour before (at least factor times that rate, and
// margin above it), which the list can quote only while the window is the list's 5 minutes.
let outageMinEvents = null;
let outageRule = null;
async function loadOutageRule() {
  const response = await fetch("/api/rules/touchpoint-degradation").catch(() => null);
  if (!response?.ok) return renderTopTouchpoints();
  const { enabled, parameters } = await response.json();
  outageMinEvents = Number(parameters?.minEvents) || null;
  outageRule = {
    enabled: enabled !== false,
    minFailures: Number(parameters?.minFailures) || 0,
    factor: Number(parameters?.factor),
    margin: Number(parameters?.margin),
    fiveMinutes: parameters?.window === "00:05:00",
  };
  renderTopTouchpoints();
}

// Why the outage rule has no incident for a touchpoint failing this much, if the list can say.
function noIncidentBecause(tp) {
  if (!outageMinEvents || !outageRule?.enabled) return null;
  const now = tp.last5Minutes;
  if (now.events < outageMinEvents) return t("top.tooFew", { min: formatNumber(outageMinEvents) });
  if (now.failures < outageRule.minFailures) return t("top.fewFailures", { min: formatNumber(outageRule.minFailures) });
  const before = { events: tp.lastHour.events - now.events, failures: tp.lastHour.failures - now.failures };
  const usual = failureRate(before);
  // Under the line: it fails about as much as it did. Over it with no incident (one resolved by hand
  // while still failing), the hour before would read as "this is normal": nothing is said.
  return outageRule.fiveMinutes && before.events >= outageMinEvents && failureRate(now) < Math.max(outageRule.factor * usual, usual + outageRule.margin)
    ? t("top.usual", { rate: formatNumber(usual, { style: "percent" }) }) : null;
}

async function loadTopTouchpoints() {
  const response = await fetch("/api/touchpoints?top=5");
  if (!response.ok) return;
  failingTop = (await response.json()).filter(tp => tp.last5Minutes.failures > 0); // "failing most": a clean touchpoint is not news
  renderTopTouchpoints();
}

/** A window's share of failed events (the API's failureRate; 0 for a window with none). */
function failureRate(counts) {
  return counts.failureRate ?? (counts.events ? counts.failures / counts.events : 0);
}

function renderTopTouchpoints() {
  // An open incident's touchpoint is listed beside its card even when small touchpoints failing at
  // a higher rate would push it out of the five (web/search at 34 % of 85 under three at 100 % of 6).
  const inIncident = new Set([...incidents.values()].filter(i => !i.resolvedAt).map(i => i.touchpoint));
  const outages = [...inIncident].map(touchpoint => touchpointsNow.get(touchpoint)?.figures).filter(tp => tp?.last5Minutes.failures > 0);
  const others = failingTop.filter(tp => !outages.some(o => o.touchpoint === tp.touchpoint)).slice(0, Math.max(0, 5 - outages.length));
  const listed = [...new Map([...outages, ...others].map(tp => [tp.touchpoint, tp])).values()]
    .sort((a, b) => failureRate(b.last5Minutes) - failureRate(a.last5Minutes) || b.last5Minutes.events - a.last5Minutes.events);
  document.getElementById("top-touchpoints").replaceChildren(...listed.map(tp => {
    const li = document.createElement("li");
    li.dataset.touchpoint = tp.touchpoint;
    li.style.setProperty("--rate", failureRate(tp.last5Minutes));
    li.textContent = t("top.entry", {
      touchpoint: tp.touchpoint,
      rate: formatNumber(failureRate(tp.last5Minutes), { style: "percent" }),
      events: formatNumber(tp.last5Minutes.events),
    });
    // "app/orders: 100% of 13 failed" with no card beside it asks why: too few events or failures
    // for the outage rule to call it one, or no worse than the hour before ("app/rewards: 47% of 36
    // failed" topped a demo wall with no card). Asked of the incidents themselves, not of their
    // figures, which come a moment after an incident's card.
    const why = inIncident.has(tp.touchpoint) ? null : noIncidentBecause(tp);
    if (why) {
      // " · " after the figures; on a line of its own (the wide wall mode) it is left out.
      const because = textElement("span", "why", "");
      because.append(textElement("span", "sep", " · "), why);
      li.append(because);
    }
    return li;
  }));
}

// How many customers stand in each tenth of the experience score (0–9 … 90–100), from the server.
async function loadScores() {
  const response = await fetch("/api/experience/distribution");
  if (!response.ok) return;
  const { tenths } = await response.json();
  const max = Math.max(1, ...tenths);
  document.getElementById("scores").replaceChildren(...tenths.map((count, i) => {
    const tenth = document.createElement("div");
    tenth.className = "tenth";
    tenth.dataset.tenth = i;
    tenth.dataset.count = count;
    tenth.title = tn("scores.bar", count, { from: i * 10, to: i === 9 ? 100 : i * 10 + 9 });
    const n = document.createElement("span");
    n.className = "n";
    n.textContent = count ? formatNumber(count) : "";
    const fill = document.createElement("div");
    fill.className = "fill";
    fill.style.setProperty("--share", count / max);
    // Where each bar starts, printed: a wall nobody hovers never shows the tooltip's range.
    const from = document.createElement("span");
    from.className = "from";
    from.textContent = formatNumber(i * 10);
    // A screen reader hears each bar's sentence, not its count and its axis label run together.
    n.setAttribute("aria-hidden", "true");
    from.setAttribute("aria-hidden", "true");
    tenth.setAttribute("role", "listitem");
    tenth.append(Object.assign(document.createElement("span"), { className: "sr-only", textContent: tenth.title }), n, fill, from);
    return tenth;
  }));
}

// "75.2 s": the number as large as the other counters, its unit smaller beside it (one line).
function showFigure(element, text) {
  const space = text.lastIndexOf(" ");
  if (space < 0) { element.textContent = text; return; }
  const unit = document.createElement("span");
  unit.className = "unit";
  unit.textContent = text.slice(space);
  element.replaceChildren(text.slice(0, space), unit);
}

// "100%" says how many outcomes it is made of, in its label: "100%" alone beside dozens of unresolved
// alerts read as every customer recovered, when three had an outcome so far.
function showRecovery(element, stats) {
  const outcomes = (stats.recovered ?? 0) + (stats.lost ?? 0);
  element.textContent = stats.recoveryRate == null ? "—" : formatNumber(stats.recoveryRate, { style: "percent" });
  setWords(document.getElementById("stat-recovery-of"), stats.recoveryRate == null ? "" : tn("stat.recovery.of", outcomes));
}

// The server's figures over every alert (not only those on screen): times and recovery rate.
function showStats(stats) {
  serverStats = stats;
  scheduleRender();
  showFigure(document.getElementById("stat-mtta"), formatSeconds(stats.meanSecondsToAcknowledge));
  showFigure(document.getElementById("stat-mttr"), formatSeconds(stats.meanSecondsToResolve));
  showRecovery(document.getElementById("stat-recovery"), stats);
  // Prompts no agent holds: amber while any wait, the sign that outreach needs hands.
  const waiting = document.getElementById("stat-waiting");
  waiting.textContent = formatNumber(stats.promptsWaiting ?? 0);
  waiting.parentElement.toggleAttribute("data-some", stats.promptsWaiting > 0);
  // A "—" says why on hover and to a screen reader (words it reads, not a label a span may not
  // carry): nothing to average yet, not a figure still loading.
  for (const [id, value] of [["mtta", stats.meanSecondsToAcknowledge], ["mttr", stats.meanSecondsToResolve], ["recovery", stats.recoveryRate]]) {
    const figure = document.getElementById(`stat-${id}`);
    figure.title = value == null ? t(`stat.none.${id}`) : id === "recovery" ? t("stat.recovery.title", { recovered: formatNumber(stats.recovered ?? 0), lost: formatNumber(stats.lost ?? 0) }) : "";
    if (value == null) figure.append(Object.assign(document.createElement("span"), { className: "sr-only why", textContent: t("stat.why", { why: t(`stat.none.${id}`) }) }));
  }
}

// What the alert's state allows; none while one of the card's actions is on its way (a second
// click would only be refused as "already done").
function enableActions(li, alert, busy = false) {
  li.querySelector("[data-action=mute]").disabled = busy;
  li.querySelector("[data-action=ack]").disabled = busy || alert.state === "acknowledged" || alert.state === "resolved";
  li.querySelectorAll("[data-action=assign], [data-action=snooze], [data-action=resolve], .assign button[type=submit], .resolve button[type=submit]")
    .forEach(b => { b.disabled = busy || alert.state === "resolved"; });
}

// The step that put the alert where it is now (later steps, such as an assignment, left its state alone).
function stepInto(alert) {
  const history = alert.history ?? [];
  let i = history.length - 1;
  while (i > 0 && history[i - 1].state === alert.state) i--;
  return history[i];
}

// say: a function that words the problem, kept to say it again in another language (a card's words
// follow the picker; its message did not); nothing clears it.
function showProblem(li, say = null) {
  const problem = li.querySelector(".problem");
  problem.textContent = say?.() ?? "";
  problem.hidden = !say;
  li.cxReword = say;
}

// A refusal is said on the card it concerns (a 409 also brings the alert as it now is, which the
// card then shows, and who moved it there); the next action that works clears it.
async function act(li, action, body = {}) {
  if (action === "snooze") body = { until: new Date(Date.now() + 3_600_000).toISOString() };
  const button = li.querySelector(`.actions [data-action=${action}]`);
  // Its place now: the push of the change may take the card off a filtered wall before the answer
  // comes, and the focus then went to the Severity filter at the top, not the card in its place.
  const place = [...list.children].indexOf(li);
  enableActions(li, li.cxAlert, true);
  let response;
  try {
    response = await fetch(`/api/alerts/${encodeURIComponent(li.dataset.alertId)}/${action}`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...body, by: "supervisor" }),
    });
  } catch {
    response = null;
  }
  const details = await response?.json().catch(() => ({})) ?? {};
  enableActions(li, li.cxAlert);
  focusAfterRender(li, button, place);
  if (response?.ok) {
    showProblem(li);
    upsert(details);
    return { ok: true };
  }
  if (details.alert) upsert(details.alert);
  const moved = details.alert && stepInto(details.alert);
  // Storage or the silos not answering: not "Redis did not answer", which a supervisor cannot act on.
  if (response?.status === 503) li.cxUnconfirmed = li.cxAlert;
  const say = () => !response ? t("action.unreachable")
    : moved ? t("action.movedOn", { state: t(`state.${details.alert.state}`), by: who(moved.by) }) // a 409: someone was quicker
    : t(...refusal(response.status, details)); // a 503 among them: "Not confirmed"
  showProblem(li, say);
  return { ok: false, alert: details.alert };
}

// "toggle" does not bubble: caught on its way down.
list.addEventListener("toggle", event => {
  if (event.target.matches?.(".history") && event.target.open) fillHistory(event.target, event.target.closest("li").cxAlert);
  if (event.target.matches?.(".affected") && event.target.open) fillAffected(event.target, event.target.closest("li").cxAlert.incidentId);
}, true);

const AFFECTED_LISTED = 100;
// The incident's customers, each linked to their view, as the incident has them now.
async function fillAffected(details, incidentId) {
  const response = await fetch(`/api/incidents/${encodeURIComponent(incidentId)}`).catch(() => null);
  const customers = response?.ok ? (await response.json()).customers ?? [] : null;
  const items = customers === null ? [textElement("li", "", t("action.unreachable"))] : customers.slice(0, AFFECTED_LISTED).map(id => {
    const li = document.createElement("li");
    const a = document.createElement("a");
    a.href = `/customers/${encodeURIComponent(id)}`;
    a.textContent = id;
    li.append(a);
    return li;
  });
  if (customers?.length > AFFECTED_LISTED) items.push(textElement("li", "", t("incident.more", { count: formatNumber(customers.length - AFFECTED_LISTED) })));
  details.querySelector(".customers").replaceChildren(...items);
}

// One form at a time on a card: Assign, Resolve and Mute opened together stacked three forms, and
// Escape closed only the one it was in. A resolve note typed stays in its hidden form, for when it
// opens again; one someone else's resolve overtook stays in view, read-only, as the card's line
// says ("it is still here to copy"): the card's Resolve cannot open it again.
function closeOtherForms(li, keep) {
  if (keep !== "assign") li.querySelector(".assign").hidden = true;
  const resolve = li.querySelector(".resolve");
  if (keep !== "resolve" && !resolve.elements.note.readOnly) resolve.hidden = true;
  if (keep !== "mute") closeMute(li, { focus: false });
}

// Assign opens a picker of the configured agents (the API takes no other), each with the
// channels they reach customers on and how many prompts already wait for them.
async function openAssign(li) {
  const form = li.querySelector(".assign");
  let agents;
  li.dataset.opening = ""; // the cards hold still from the click on: a card arriving meanwhile pushed this one 230 px down before its form opened
  try {
    const response = await fetch("/api/agents");
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    agents = await response.json();
  } catch {
    showProblem(li, () => t("action.unreachable"));
    return;
  } finally {
    delete li.dataset.opening;
    scheduleRender(); // a failed read left the cards held until the next push
  }
  learnAgents(agents);
  closeOtherForms(li, "assign");
  fillAgents(li, agents);
  form.hidden = false;
  form.elements.agentId.focus();
  form.scrollIntoView({ block: "nearest" }); // clear of the note about held cards (scroll-margin-bottom)
}

// The picker's choices in the page's language (again when it changes while the picker is open).
function fillAgents(li, agents) {
  const form = li.querySelector(".assign");
  const select = form.elements.agentId;
  form.cxAgents = agents;
  const chosen = form.hidden ? li.cxAlert?.assignedTo : select.value; // opened again: keep what was picked
  // The API lets a supervisor pick anyone; an agent without the channel the outreach goes by is
  // marked, so that choice is made knowingly.
  const channel = li.cxAlert?.suggestedAction?.channel;
  const reaches = a => !channel || channel === "other" || a.skills.some(skill => skill === "*" || skill.toLowerCase() === channel); // as the desk matches them
  // Full: the desks hand them no more; a supervisor may still (the prompt moves to them regardless).
  const full = a => Number.isInteger(a.capacity) && a.pending >= a.capacity; // capacity 0: the desks route them nothing
  select.replaceChildren(...agents.map(a => new Option(
    t(full(a) ? "assign.agentFull" : "assign.agent", { agent: t("agent.withSkills", { name: a.name, skills: listOf(a.skills.map(channelName)) }), pending: formatNumber(a.pending) })
      + (reaches(a) ? "" : ` · ${t("assign.notOn", { channel: channelName(channel) })}`), a.id)));
  if (chosen) select.value = chosen;
}

function learnAgents(agents) {
  agentNames = new Map(agents.map(a => [a.id, a.name]));
  scheduleRender();
}

// Closing the picker gives the focus back to the card's Assign button, for keyboard users.
function closeAssign(li) {
  li.querySelector(".assign").hidden = true;
  li.querySelector("[data-action=assign]").focus();
  scheduleRender(); // what arrived while the cards held still
}

// Resolve asks how it ended, as an agent's outcome does: a supervisor who knows the customer is
// fine (or gave up) says so; left to CxLive, the customer's timeline decides (docs/alerts.md).
function openResolve(li) {
  const form = li.querySelector(".resolve");
  closeOtherForms(li, "resolve");
  form.hidden = false;
  (form.querySelector(".outcome").hidden ? form.elements.note : form.elements.outcome).focus();
  form.scrollIntoView({ block: "nearest" });
}

function closeResolve(li) {
  const form = li.querySelector(".resolve");
  if (form.elements.note.readOnly) showProblem(li); // its "resolved meanwhile" goes with it
  form.hidden = true;
  form.reset();
  setResolveFormLocked(form, false);
  const resolve = li.querySelector("[data-action=resolve]");
  (resolve.disabled ? li.querySelector(".actions button:not(:disabled)") : resolve)?.focus(); // a resolved card's Resolve can act no more
  scheduleRender(); // what arrived while the cards held still
}

// Someone else resolved the alert while this supervisor had its forms open. A picker closes; a
// resolve form with words typed in stays, read-only, to copy, and the card says who got there first
// (their words would otherwise vanish with the form, as if sent).
function resolvedMeanwhile(li, alert) {
  li.querySelector(".assign").hidden = true;
  const form = li.querySelector(".resolve");
  if (form.hidden) return;
  if (!form.elements.note.readOnly) {
    if (!form.elements.note.value.trim()) {
      form.hidden = true;
      return;
    }
    setResolveFormLocked(form, true);
  }
  const last = alert.history?.at(-1);
  showProblem(li, () => t("resolve.meanwhile", { by: last ? who(last.by) : "—" }));
}

// A resolve note being typed is kept in the tab: a sign-in that ran out sent the page to sign in,
// and the half-typed note was gone. Back on the wall, the card's form opens with it as it was.
// The drafts are read once, as the page loads, and each is restored once: a card drawn again (a
// new language, a filter) reopened a form its supervisor had just closed for another. A card drawn
// for the first time looks in this map, not in the tab's storage.
const draftPrefix = "cxlive.resolveDraft.";
const draftKey = id => draftPrefix + id;
const drafts = new Map(Object.keys(sessionStorage).filter(key => key.startsWith(draftPrefix))
  .map(key => [key.slice(draftPrefix.length), JSON.parse(sessionStorage.getItem(key))]));

function keepDraft(li) {
  const form = li.querySelector(".resolve");
  const note = form.elements.note.value;
  if (!li.cxAlert || form.elements.note.readOnly) return;
  if (note.trim()) sessionStorage.setItem(draftKey(li.cxAlert.id), JSON.stringify({ note, outcome: form.elements.outcome.value }));
  else sessionStorage.removeItem(draftKey(li.cxAlert.id));
}

function forgetDraft(li) {
  if (li.cxAlert) sessionStorage.removeItem(draftKey(li.cxAlert.id));
}

function restoreDraft(li, alert) {
  const draft = drafts.get(alert.id);
  drafts.delete(alert.id);
  if (alert.state === "resolved" || WALL_MODE) { sessionStorage.removeItem(draftKey(alert.id)); return; }
  const form = li.querySelector(".resolve");
  form.elements.note.value = draft.note;
  if (draft.outcome) form.elements.outcome.value = draft.outcome;
  form.hidden = false;
}

function setResolveFormLocked(form, locked) {
  form.elements.note.readOnly = locked;
  form.elements.outcome.disabled = locked;
  form.querySelector("button[type=submit]").disabled = locked;
}

function closeMuteForm(li) {
  closeMute(li);
  scheduleRender(); // what arrived while the cards held still
}

list.addEventListener("click", event => {
  const button = event.target.closest("button[data-action]");
  if (!button) return;
  const li = button.closest("li");
  if (button.dataset.action === "assign") openAssign(li);
  else if (button.dataset.action === "cancel-assign") closeAssign(li);
  else if (button.dataset.action === "resolve") openResolve(li);
  else if (button.dataset.action === "cancel-resolve") { forgetDraft(li); closeResolve(li); }
  else if (button.dataset.action === "mute") { closeOtherForms(li, "mute"); openMute(li, li.cxAlert); }
  else if (button.dataset.action === "cancel-mute") closeMuteForm(li);
  else act(li, button.dataset.action);
});

list.addEventListener("input", event => { if (event.target.closest(".resolve")) keepDraft(event.target.closest("li")); });
list.addEventListener("change", event => { if (event.target.closest(".resolve")) keepDraft(event.target.closest("li")); });

list.addEventListener("keydown", event => {
  if (event.key !== "Escape") return;
  if (event.target.closest(".assign")) closeAssign(event.target.closest("li"));
  else if (event.target.closest(".resolve")) { forgetDraft(event.target.closest("li")); closeResolve(event.target.closest("li")); }
  else if (event.target.closest(".mute")) closeMuteForm(event.target.closest("li"));
});

list.addEventListener("submit", async event => {
  event.preventDefault();
  const form = event.target;
  const li = form.closest("li");
  if (form.matches(".mute")) {
    const problem = await submitMute(form);
    showProblem(li, problem);
    if (!problem) closeMuteForm(li);
    return;
  }
  if (form.matches(".resolve")) {
    const outcome = form.querySelector(".outcome").hidden ? "" : form.elements.outcome.value;
    const note = form.elements.note.value.trim();
    closeResolve(li);
    const done = await act(li, "resolve", { ...(outcome && { outcome }), ...(note && { note }) });
    if (done.ok) forgetDraft(li);
    if (!done.ok && note && done.alert?.state === "resolved") {
      // Someone resolved it just before this one arrived: the note comes back, to copy, as when theirs reaches the page first.
      form.elements.note.value = note;
      form.hidden = false;
      resolvedMeanwhile(li, done.alert);
    } else if (!done.ok) {
      // Not done (out of reach, not confirmed, refused) and the card says to try again: Resolve
      // opens the form as it was sent, note and all, where the note was lost.
      form.elements.note.value = note;
      if (outcome) form.elements.outcome.value = outcome;
    }
    return;
  }
  const agentId = form.elements.agentId.value;
  closeAssign(li);
  await act(li, "assign", { agentId });
});

// Keyboard users keep their place: a button disabled while its action is on the way drops the
// focus to the page, and a resolved card may leave the list. After the next render the focus goes
// back to the button if it can still act, else to the card's first action that can, else to the
// card now where this one was.
let pendingFocus = null;
function focusAfterRender(li, button, place = -1) {
  pendingFocus = { li, button, index: li.isConnected ? [...list.children].indexOf(li) : place };
  scheduleRender();
}

function settleFocus() {
  if (!pendingFocus) return;
  const { li, button, index } = pendingFocus;
  pendingFocus = null;
  const active = document.activeElement;
  if (active && active !== document.body && active !== button) return; // the person has moved on
  const usable = card => card?.querySelector(".actions button:not(:disabled)") ?? card?.querySelector("a.customer[href]");
  const target = li.isConnected
    ? (button && !button.disabled ? button : usable(li))
    : usable(list.children[Math.min(index, list.children.length - 1)]);
  (target ?? filters.elements[0])?.focus();
}

// Every unresolved alert (up to the page's MAX_KEPT): the newest alerts of any state would leave out
// the oldest ones still open, the very ones waiting longest. The newest resolutions end cards this
// page holds but missed the push for (it was away).
async function loadCurrent() {
  const [response, resolvedResponse, incidentsResponse, statsResponse] = await Promise.all([
    fetch(`/api/alerts?open=true&silenced=false&limit=${MAX_KEPT}`), fetch(`/api/alerts?state=resolved&limit=${MAX_SHOWN}`),
    fetch("/api/incidents?open=true"), fetch("/api/alerts/stats")]);
  if (incidentsResponse.ok) for (const incident of await incidentsResponse.json()) if (isNewer(incident, incidents.get(incident.id))) incidents.set(incident.id, incident);
  if (statsResponse.ok) showStats(await statsResponse.json());
  loadTopTouchpoints();
  if (outageMinEvents === null) loadOutageRule();
  loadScores();
  // The outages' figures before their cards: wall mode ranks its round by them.
  await loadIncidentTouchpoints();
  if (!WALL_MODE) loadSilences();
  if (!response.ok) return;
  const current = await response.json();
  knowsEveryUnresolved = current.length < MAX_KEPT;
  for (const alert of current) upsert(alert);
  if (resolvedResponse.ok) for (const alert of await resolvedResponse.json()) if (alerts.has(alert.id)) upsert(alert);
  loaded = true;
  scheduleRender();
}

const connection = connectHub();

connection.on("alertRaised", alert => {
  if (loaded && !alerts.has(alert.id)) arrived.set(alert.id, Date.now());
  upsert(alert);
  if (isIncident(alert)) reloadTopSoon();
});
connection.on("alertUpdated", upsert);
connection.on("incidentUpdated", incident => {
  if (!isNewer(incident, incidents.get(incident.id))) return;
  incidents.set(incident.id, incident);
  reloadTopSoon();
  scheduleRender();
});
connection.on("wallStats", showStats);
connection.onreconnecting(() => setStatus("reconnecting"));

// Subscribes and reloads the current alerts when the hub could not send everything missed, or
// when they were never read (the first load failed).
async function follow() {
  try {
    if (await subscribe(connection, "SubscribeWall", "alerts") || !loaded) await loadCurrent();
  } catch (error) {
    if (refusedByHub(error)) denied();
    throw error; // keepConnected tries again unless it was refused
  }
  setStatus("live");
}

// A supervisor made an agent while her wall is open: the hub refuses the wall when her connection
// starts again. The page says so and stops, rather than "Disconnected — retrying" over cards that
// no longer change. Nothing is followed then, so no connection state is shown.
function denied() {
  document.querySelector('.nav a[href="/insights"]')?.remove(); // for supervisors too
  readings.forEach(clearInterval); // each would be refused, every 10 s, for as long as the screen stays on
  stopRefused(connection);
}

async function start() {
  await keepConnected(connection, follow, { first: true });
}

const readings = [
  setInterval(scheduleRender, 15_000), // keeps "2 min ago" honest
  setInterval(() => { loadTopTouchpoints(); loadScores(); loadIncidentTouchpoints(); }, 10_000),
  ...(WALL_MODE ? [] : [setInterval(loadSilences, 60_000)]), // mutes lapse, and other supervisors add theirs
];
filters.addEventListener("change", () => { rememberFilters(); filterChanged = true; scheduleRender(); });
refreshFilterChoices(); // the address's filters chosen before the first cards are drawn
let pageTurner = null;
function turnPagesFromNow() {
  clearInterval(pageTurner);
  pageTurner = setInterval(turnWallPage, PAGE_MS);
}
if (WALL_MODE) turnPagesFromNow();
if (WALL_MODE) addEventListener("resize", scheduleRender);
// What sits above or beside the cards grows after they were placed (the failing touchpoints and the
// histogram load on their own; the language changes): placed again in the next frame. (Within the
// observer's own callback a render that resized what it observes is an error the page reports.) The
// side column's parts are observed one by one: on a 4 : 3 wall it has no box of its own
// (display: contents), and an observer of it never heard a thing.
if (WALL_MODE) {
  const above = new ResizeObserver(scheduleRender);
  for (const element of document.querySelectorAll(".stats, .insights, .insights > *, #summary")) above.observe(element);
}
// Wall mode (/?mode=wall): large type and no controls, for a screen across the room.
if (WALL_MODE) document.body.classList.add("wall-mode");
customerFinder(document.getElementById("find"));
fetch("/api/agents").then(r => r.ok ? r.json() : []).then(learnAgents, () => {});
languagePicker(document.getElementById("lang"));
currentUser().then(showUser);
onLanguageChange(() => {
  setStatus(currentStatus());
  [...list.children].forEach(li => fill(li, alerts.get(li.dataset.alertId)));
  // An open form's choices too: they kept the language they were opened in.
  for (const form of list.querySelectorAll(".assign:not([hidden])")) fillAgents(form.closest("li"), form.cxAgents);
  for (const form of list.querySelectorAll(".mute:not([hidden])")) relabelMute(form.closest("li"));
  if (serverStats) showStats(serverStats); else if (loaded) renderStats();
  loadTopTouchpoints();
  if (outageMinEvents === null) loadOutageRule();
  loadScores();
  if (!WALL_MODE) loadSilences(); // the muted panel's lines, in the new language now rather than at the next minute's refresh
});
start();
