// One customer's live picture: score, alerts (the evidence rows are marked in the timeline), and
// the cross-channel timeline. Follows customerUpdated pushes (after each batch of their interactions)
// and reloads the alerts whenever one about them changes.
import { t, tn, translate, languagePicker, onLanguageChange, formatNumber, formatMoment, formatter } from "/i18n.js";
import { connectHub, keepConnected, subscribe, setStatus, currentStatus, refusedByHub, stopRefused } from "/hub.js";
import { fillTimeline, alertItem, incidentItem, outagesBesides, outageWatch, readFailed, newestOfCustomer } from "/timeline.js";
import { currentUser, showUser } from "/session.js";

// Her page is /customers/{id}; the page's file itself, /customer.html?id=…, is the same page (it
// read "customer.html" as the id and said she had no history).
const customerId = location.pathname.endsWith(".html")
  ? new URLSearchParams(location.search).get("id") ?? ""
  : decodeURIComponent(location.pathname.split("/").pop());
let view = null;

function render() {
  if (!view) return;
  // A customer CxLive has never heard of has no score yet: a made-up 50 would read as a real one.
  document.getElementById("score").textContent = view.experienceScore == null ? "—" : formatNumber(view.experienceScore, { maximumFractionDigits: 0 });
  document.getElementById("count").textContent = tn("customer.count", view.interactionCount);
  document.getElementById("none").hidden = view.timeline.length > 0;
  fillTimeline(document.getElementById("timeline"), view.timeline, view.openAlerts, view.incidents);
  const incidents = outagesBesides(view.incidents, [...view.openAlerts, ...resolved]);
  document.getElementById("no-alerts").hidden = view.openAlerts.length + resolved.length + incidents.length > 0;
  // Open alerts first, then the latest resolved ones and how they ended: what was already done for
  // them; then the outages her failures fell in.
  document.getElementById("alerts").replaceChildren(...[...view.openAlerts, ...resolved].map(a => alertItem(a, new Date(), agentNames)), ...incidents.map(incidentItem));
  watchOutages(view, load);
}

const watchOutages = outageWatch();

const RESOLVED_SHOWN = 10;
let resolved = [];
let agentNames = new Map(); // who an alert is assigned to, by name as the wall says it

async function loadAgentNames() {
  const response = await fetch("/api/agents").catch(() => null);
  if (!response?.ok) return; // ids then, as the API gives them
  agentNames = new Map((await response.json()).map(a => [a.id, a.name]));
  render();
}

// An agent who opens a customer they may not see is told so, instead of a page that never fills.
const denied = () => stopRefused(connection);

const NOTHING_YET = { experienceScore: null, interactionCount: 0, timeline: [], openAlerts: [] };

async function load() {
  const since = newest.reading();
  const [response, resolvedResponse] = await Promise.all([
    fetch(`/api/customers/${encodeURIComponent(customerId)}`).catch(() => null),
    fetch(`/api/alerts?customerId=${encodeURIComponent(customerId)}&state=resolved&limit=${RESOLVED_SHOWN}`).catch(() => null)]);
  if (readFailed(response)) {
    // Out of reach, or not ready (a 503 while the cluster changes shape): her last view stays rather than a blank page.
    if (!view) { view = NOTHING_YET; render(); }
    watchOutages(view, load, { failed: true });
    return;
  }
  if (response.status === 403) { denied(); return; }
  const read = response.ok ? await response.json() : NOTHING_YET; // 404: nothing recorded for her yet
  if (view && newest.overtaken(customerId, since, read.interactionCount)) return; // overtaken by a push: the read it queued follows
  view = read;
  resolved = resolvedResponse?.ok ? await resolvedResponse.json() : [];
  render();
  await drawCurve();
}

// The score after each interaction (uPlot, restored from npm), with the alerts' evidence marked.
let chart = null;
async function drawCurve() {
  const response = await fetch(`/api/customers/${encodeURIComponent(customerId)}/score`);
  const points = response.ok ? await response.json() : [];
  const evidence = new Set(view.openAlerts.flatMap(a => a.evidence));
  const data = [
    points.map(p => Date.parse(p.at) / 1000),
    points.map(p => p.score),
    points.map(p => (evidence.has(p.interactionId) ? p.score : null)),
  ];
  const container = document.getElementById("curve");
  container.dataset.points = points.length;
  chart?.destroy();
  chart = null;
  document.getElementById("no-curve").hidden = points.length > 0;
  if (points.length === 0) return;
  // uPlot widens a zero-length time range to years around it, and an hour either side squeezed a
  // burst (three failed searches in 40 s) into one red blob: 5 minutes either side at least, so a
  // burst's points stand apart. Not past now, though: an axis running on into minutes that have not
  // happened reads as a quiet spell after the last interaction.
  const first = data[0][0], last = data[0][data[0].length - 1];
  const pad = Math.max(300, (last - first) * 0.05);
  const end = Math.max(last + pad / 10, Math.min(last + pad, Date.now() / 1000)); // the last dot whole, not cut by the edge
  const x = { range: [first - pad, end] };
  container.dataset.axisEnd = end; // seconds; the browser tests check it
  // A canvas says nothing to a screen reader: the curve in words, as insights does its trends.
  const lowest = points.reduce((low, p) => (p.score < low.score ? p : low));
  container.setAttribute("role", "img");
  const marked = data[2].filter(v => v !== null).length;
  const words = {
    first: formatNumber(points[0].score, { maximumFractionDigits: 0 }), last: formatNumber(points.at(-1).score, { maximumFractionDigits: 0 }),
    lowest: formatNumber(lowest.score, { maximumFractionDigits: 0 }), when: formatMoment(lowest.at), evidence: formatNumber(marked) };
  // One interaction has no range or lowest to tell, and "alert evidence: 0" read as a form's field.
  container.setAttribute("aria-label", points.length === 1
    ? t(marked ? "customer.curveLabel.singleEvidence" : "customer.curveLabel.single", words)
    : tn("customer.curveLabel", points.length, words));
  // The time axis in the page's language ("08:40", not uPlot's "8:40am" on a Chinese page), with the
  // day when the curve spans more than one.
  const tick = formatter(Intl.DateTimeFormat, last - first + 2 * pad > 86_400
    ? { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" } : { timeStyle: "short" });
  chart = new uPlot({
    width: container.clientWidth || 600, height: 180,
    scales: { x: { time: true, ...x }, y: { range: [0, 100] } },
    // Ticks far enough apart for "12:25 AM" (uPlot's default spacing ran such labels together).
    axes: [{ stroke: "#8b98a5", grid: { stroke: "#26313c" }, space: 90, values: (u, splits) => labelled(container, splits.map(s => tick.format(new Date(s * 1000)))) },
      { stroke: "#8b98a5", grid: { stroke: "#26313c" } }],
    legend: { show: false },
    series: [{}, { stroke: "#4aa8ff", width: 2 }, { stroke: "#ff5c5c", width: 0, points: { show: true, size: 9, fill: "#ff5c5c" } }],
  }, data, container);
}

// The axis is drawn on a canvas, where nothing can read it back: its labels are also kept on the
// container (data-time-labels), which the browser tests check.
function labelled(container, labels) {
  container.dataset.timeLabels = labels.join(" | ");
  return labels;
}

// The snapshot carries counts and score, shown at once; the told timeline (sentences, results,
// evidence) and the curve are refetched at most once a second however fast the customer is acting.
let reloadQueued = false;
const newest = newestOfCustomer();
function followSnapshot(snapshot) {
  if (snapshot.customerId !== customerId) return;
  newest.pushed(customerId, snapshot.interactionCount);
  // Before her first read is answered there is nothing to update, but the read after it is still due.
  if (view) {
    view = { ...view, experienceScore: snapshot.experienceScore, interactionCount: snapshot.interactionCount };
    render();
  }
  if (reloadQueued) return;
  reloadQueued = true;
  setTimeout(() => { reloadQueued = false; load(); }, 1000);
}

const connection = connectHub();
connection.on("customerUpdated", followSnapshot);
connection.on("alertRaised", load);
connection.on("alertUpdated", load);
connection.onreconnecting(() => setStatus("reconnecting"));

document.getElementById("customer-id").textContent = customerId;
document.querySelector("title").dataset.subject = customerId;
languagePicker(document.getElementById("lang"));
currentUser().then(showUser);
loadAgentNames();
onLanguageChange(() => { setStatus(currentStatus()); render(); if (view) drawCurve(); });
// Only the hub's refusal ("Forbidden: ...") means this person may not see her: a subscription that
// failed while CxLive was not answering showed a supervisor "You may not see this customer", for good.
async function follow() {
  try {
    await subscribe(connection, "SubscribeCustomer", "alerts", customerId);
    setStatus("live");
    await load();
  } catch (error) {
    if (refusedByHub(error)) { denied(); return; }
    setStatus("reconnecting");
    throw error; // tried again by keepConnected while the connection is up
  }
}
await keepConnected(connection, follow, { first: true });
translate();
