// The supervisor's alert wall: loads the current alerts, then follows the hub's pushes.
// Renders at most once per animation frame, however many messages arrive, and keeps a bounded list.

const MAX_SHOWN = 200;
const RESOLVED_KEPT_MS = 60_000;
const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

const alerts = new Map();      // id -> alert
const incidents = new Map();   // id -> incident
let resolvedCount = 0;
let renderQueued = false;

const list = document.getElementById("alerts");
const empty = document.getElementById("empty");
const template = document.getElementById("alert-card");
const status = document.getElementById("connection");

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function upsert(alert) {
  const before = alerts.get(alert.id);
  if (before && before.updatedAt > alert.updatedAt) return; // an older copy arrived late
  if (alert.state === "resolved" && before && before.state !== "resolved") resolvedCount++;
  alerts.set(alert.id, alert);
  scheduleRender();
}

function scheduleRender() {
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => { renderQueued = false; render(); });
}

function visibleAlerts() {
  const now = Date.now();
  for (const [id, alert] of alerts) {
    if (alert.state === "resolved" && now - Date.parse(alert.resolvedAt ?? alert.updatedAt) > RESOLVED_KEPT_MS) alerts.delete(id);
  }
  // A customer alert that an incident absorbed is shown by its incident's card, not on its own.
  return [...alerts.values()]
    .filter(a => !a.incidentId || a.ruleId === "touchpoint-degradation")
    .sort((a, b) => (a.state === "resolved") - (b.state === "resolved")
      || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]
      || b.raisedAt.localeCompare(a.raisedAt))
    .slice(0, MAX_SHOWN);
}

function render() {
  const shown = visibleAlerts();
  const existing = new Map([...list.children].map(li => [li.dataset.alertId, li]));
  shown.forEach((alert, index) => {
    const li = existing.get(alert.id) ?? template.content.firstElementChild.cloneNode(true);
    existing.delete(alert.id);
    fill(li, alert);
    if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
  });
  existing.forEach(li => li.remove());
  empty.hidden = shown.length > 0;
  renderStats();
}

function fill(li, alert) {
  li.dataset.alertId = alert.id;
  li.dataset.severity = alert.severity;
  li.dataset.state = alert.state;
  li.dataset.rule = alert.ruleId;
  li.querySelector(".severity").textContent = alert.severity;
  const incident = alert.incidentId ? incidents.get(alert.incidentId) : null;
  li.querySelector(".title").textContent = incident && incident.affectedCustomers > 0
    ? `${alert.title} — incident, ${incident.affectedCustomers} customers affected` : alert.title;
  li.querySelector(".state").textContent = alert.state;
  li.querySelector(".detail").textContent = alert.detail;
  li.querySelector(".customer").textContent = alert.customerId ?? "—";
  li.querySelector(".touchpoint").textContent = alert.touchpoint ?? "—";
  li.querySelector(".stage").textContent = alert.stage ?? "—";
  li.querySelector(".rule").textContent = alert.ruleId;
  li.querySelector(".suggestion").textContent = alert.suggestedAction
    ? `${alert.suggestedAction.wording} (${alert.suggestedAction.channel})` : "";
  const when = li.querySelector(".when");
  when.dateTime = alert.raisedAt;
  when.textContent = timeAgo(alert.raisedAt);
  when.title = new Date(alert.raisedAt).toLocaleString();
}

function renderStats() {
  const open = [...alerts.values()].filter(a => a.state !== "resolved");
  const minuteAgo = Date.now() - 60_000;
  document.getElementById("stat-open").textContent = open.length;
  for (const severity of ["critical", "warning", "info"]) {
    document.getElementById(`stat-${severity}`).textContent = open.filter(a => a.severity === severity).length;
  }
  document.getElementById("stat-rate").textContent = [...alerts.values()].filter(a => Date.parse(a.raisedAt) >= minuteAgo).length;
  document.getElementById("stat-resolved").textContent = resolvedCount;
}

function timeAgo(iso) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  return `${Math.floor(seconds / 3600)} h ago`;
}

async function loadCurrent() {
  const response = await fetch(`/api/alerts?limit=${MAX_SHOWN}`);
  if (!response.ok) return;
  for (const alert of await response.json()) {
    if (alert.state !== "resolved") alerts.set(alert.id, alert);
  }
  scheduleRender();
}

const connection = new signalR.HubConnectionBuilder()
  .withUrl("/hubs/cx")
  // Retry forever, backing off to 10 s: a wall screen must come back by itself.
  .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
  .build();

connection.on("alertRaised", upsert);
connection.on("alertUpdated", upsert);
connection.on("incidentUpdated", incident => { incidents.set(incident.id, incident); scheduleRender(); });
connection.on("wallStats", () => {}); // the counters above are computed from the alerts shown
connection.onreconnecting(() => setStatus("reconnecting", "Reconnecting…"));
connection.onreconnected(async () => {
  await connection.invoke("SubscribeWall");
  await loadCurrent(); // catch up on what happened while away
  setStatus("live", "Live");
});
connection.onclose(() => { setStatus("disconnected", "Disconnected — retrying"); setTimeout(start, 5_000); });

async function start() {
  try {
    await connection.start();
    await connection.invoke("SubscribeWall");
    await loadCurrent();
    setStatus("live", "Live");
  } catch {
    setStatus("disconnected", "Disconnected — retrying");
    setTimeout(start, 5_000);
  }
}

setInterval(scheduleRender, 15_000); // keeps "2 min ago" honest
start();
