// One customer's live picture: score, alerts (the evidence rows are marked in the timeline), and
// the cross-channel timeline. Refreshes whenever an alert about them changes.
import { t, translate, languagePicker, onLanguageChange, formatNumber } from "/i18n.js";
import { fillTimeline } from "/timeline.js";

const customerId = decodeURIComponent(location.pathname.split("/").pop());
const status = document.getElementById("connection");
let view = null;

function setStatus(state) {
  status.dataset.state = state;
  status.dataset.i18n = `status.${state}`;
  status.textContent = t(`status.${state}`);
}

function render() {
  if (!view) return;
  document.getElementById("score").textContent = formatNumber(view.experienceScore, { maximumFractionDigits: 0 });
  document.getElementById("count").textContent = t("customer.count", { count: formatNumber(view.interactionCount) });
  document.getElementById("none").hidden = view.timeline.length > 0;
  fillTimeline(document.getElementById("timeline"), view.timeline);
  const evidence = new Set(view.openAlerts.flatMap(a => a.evidence));
  document.querySelectorAll("#timeline tr").forEach(row => { row.classList.toggle("evidence", evidence.has(row.dataset.interactionId)); });
  document.getElementById("alerts").replaceChildren(...view.openAlerts.map(a => {
    const li = document.createElement("li");
    li.dataset.severity = a.severity;
    li.textContent = `${a.title} · ${t(`state.${a.state}`)}`;
    return li;
  }));
}

async function load() {
  const response = await fetch(`/api/customers/${encodeURIComponent(customerId)}`);
  view = response.ok ? await response.json() : { experienceScore: 50, interactionCount: 0, timeline: [], openAlerts: [] };
  render();
}

const connection = new signalR.HubConnectionBuilder().withUrl("/hubs/cx").withAutomaticReconnect().build();
connection.on("alertRaised", load);
connection.on("alertUpdated", load);
connection.onreconnecting(() => setStatus("reconnecting"));
connection.onreconnected(async () => { await connection.invoke("SubscribeCustomer", customerId); await load(); setStatus("live"); });

document.getElementById("customer-id").textContent = customerId;
languagePicker(document.getElementById("lang"));
onLanguageChange(() => { setStatus(status.dataset.state); render(); });
await connection.start();
await connection.invoke("SubscribeCustomer", customerId);
setStatus("live");
await load();
translate();
