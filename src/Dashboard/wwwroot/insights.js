// Insights: what hurt customers over a window of days, per rule, touchpoint, stage or channel, for
// how many, whether they recovered, and in their own words (GET /api/insights/pain-points), with a
// trend of alerts raised per day for each group and the same figures as CSV.
import { t, tn, translate, languagePicker, onLanguageChange, formatNumber, formatSeconds, formatter, channelName, ruleName, refusal } from "/i18n.js";
import { currentUser, showUser } from "/session.js";
import { customerFinder } from "/find.js";

const form = document.getElementById("window");
const template = document.getElementById("group");
let report = null;
const charts = [];

const isoDay = date => date.toISOString().slice(0, 10);

// A value in the address the form cannot hold (from=2026-13-40, groupBy=weather) left the field
// empty: the page failed with "Invalid time value", or said no alerts were raised. The default is
// shown instead, and the page says which values it did not take.
let notTaken = [];
function defaults() {
  const params = new URLSearchParams(location.search);
  const today = new Date();
  // A week up to "to": from the day asked for, or today.
  const weekBefore = () => isoDay(new Date(new Date(`${form.elements.to.value}T00:00:00Z`).getTime() - 6 * 86_400_000));
  const fallback = { to: () => isoDay(today), from: weekBefore, groupBy: () => "rule" };
  notTaken = [];
  for (const name of ["to", "from", "groupBy"]) {
    const asked = params.get(name);
    form.elements[name].value = asked ?? fallback[name]();
    if (asked !== null && (asked === "" || form.elements[name].value !== asked)) { // "?to=" is no day either
      notTaken.push(`${name}=${asked}`);
      form.elements[name].value = fallback[name]();
    }
  }
  sayNotTaken();
}

function sayNotTaken() {
  const notice = document.getElementById("not-taken");
  notice.hidden = notTaken.length === 0;
  notice.textContent = notTaken.length ? t("insights.notTaken", { values: notTaken.join(", ") }) : "";
}

// The form's days are whole UTC days, "to" included; the API's "to" is exclusive.
function query(extra = {}) {
  const to = new Date(`${form.elements.to.value}T00:00:00Z`);
  return new URLSearchParams({ from: form.elements.from.value, to: isoDay(new Date(to.getTime() + 86_400_000)), groupBy: form.elements.groupBy.value, ...extra });
}

async function load() {
  document.getElementById("csv").href = `/api/insights/pain-points?${query({ format: "csv" })}`;
  history.replaceState(null, "", `/insights?${new URLSearchParams({ from: form.elements.from.value, to: form.elements.to.value, groupBy: form.elements.groupBy.value })}`);
  // Days the wrong way round are said in the page's language, not as the API's English field error,
  // and with no "no alerts in this window" under it: there is no window.
  if (form.elements.from.value > form.elements.to.value) return showProblem(t("insights.reversed"));
  const response = await fetch(`/api/insights/pain-points?${query()}`);
  if (!response.ok) {
    const problem = await response.json().catch(() => null);
    // In the page's language: a window longer than insights are kept (the one refusal a supervisor
    // can make here), servers not answering, a sign-in ended; the API's English only for another 400.
    return showProblem(problem?.retentionDays ? t("insights.tooLong", { days: problem.retentionDays })
      : response.status === 503 ? t("insights.unavailable")
      : response.status === 400 ? t("insights.failed", { reason: problem?.detail ?? response.status })
      : t(...refusal(response.status, problem)));
  }
  report = await response.json();
  render();
}

function showProblem(text) {
  report = { groups: [] };
  render();
  document.getElementById("none").hidden = true;
  document.getElementById("summary").textContent = text;
}

function days() {
  const list = [];
  for (let d = new Date(`${form.elements.from.value}T00:00:00Z`); isoDay(d) <= form.elements.to.value; d = new Date(d.getTime() + 86_400_000)) list.push(isoDay(d));
  return list;
}

function groupName(name) {
  const by = report.groupBy;
  if (name === "(none)") return t("insights.noneGroup");
  if (by === "stage") return t(`stage.${name}`);
  if (by === "channel") return channelName(name);
  if (by === "rule") return ruleName(name);
  return name;
}

// One unit down a column, on every group's table: the largest figure of the report picks it.
const minutes = (value, largest) => (value == null ? "—" : formatSeconds(value * 60, largest * 60));
const largestOf = (groups, field) => Math.max(0, ...groups.flatMap(g => g.days.map(d => d.figures?.[field] ?? 0)));

// A touchpoint's incident names no customer (those it hurt have alerts of their own, under their
// own rules): "0 customers" beside its alerts read as "nobody was hurt".
const touchpointWide = figures => figures.raised > 0 && figures.customers === 0;

// Every customer alert is counted once: recovered, lost, still open, or closed with the outage that
// absorbed it (how it ended for her is not known). "28 alerts · 0 recovered · 1 lost" left a
// supervisor asking where the other 27 went. Recovered and lost are customers' endings: a group of
// touchpoint incidents has none to count.
// A touchpoint's own alerts (its outage) are still open or ended: "2 alerts · 1 still open" left
// the other unexplained, and a touchpoint's group of 12 added up to 11 without its outage.
function totals(f) {
  const raised = tn("insights.alerts", f.raised);
  const open = t("insights.totals.open", { count: formatNumber(f.open ?? 0) });
  const ended = f.ended > 0 ? ` · ${tn("insights.totals.ended", f.ended)}` : "";
  if (touchpointWide(f)) return `${t("insights.totals.touchpointWide", { raised })} · ${open}${ended}`;
  const unknown = f.outcomeUnknown > 0 ? ` · ${tn("insights.totals.outcomeUnknown", f.outcomeUnknown)}` : "";
  return `${t("insights.totals", { raised, customers: tn("insights.customerCount", f.customers), recovered: formatNumber(f.recovered), lost: formatNumber(f.lost) })} · ${open}${unknown}${ended}`;
}

function render() {
  charts.splice(0).forEach(chart => chart.destroy());
  const groups = report.groups ?? [];
  document.getElementById("none").hidden = groups.length > 0;
  const raised = groups.reduce((sum, g) => sum + g.total.raised, 0);
  if (report.groupBy) document.getElementById("summary").textContent = tn("insights.summary", raised, { groups: tn("insights.groupCount", groups.length) });
  const window = days();
  const [ackUnit, resolveUnit] = [largestOf(groups, "meanMinutesToAcknowledge"), largestOf(groups, "meanMinutesToResolve")];
  const dayFormat = formatter(Intl.DateTimeFormat, { month: "short", day: "numeric", timeZone: "UTC" });
  document.getElementById("groups").replaceChildren(...groups.map(group => {
    const li = template.content.firstElementChild.cloneNode(true);
    translate(li); // the template's headings, in the page's language
    li.dataset.group = group.group;
    li.dataset.raised = group.total.raised;
    li.querySelector(".name").textContent = groupName(group.group);
    li.querySelector(".totals").textContent = totals(group.total);
    const byDay = new Map(group.days.map(d => [d.day, d.figures]));
    // A row per day that had something; the quiet days are one line (the chart above shows them):
    // a week of zeros under a group raised once buried the day that mattered.
    const busy = day => { const f = byDay.get(day); return Boolean(f && (f.raised || f.recovered || f.lost)); };
    const quiet = window.filter(day => !busy(day)).length;
    const quietRow = document.createElement("tr");
    quietRow.className = "quiet";
    Object.assign(quietRow.insertCell(), { colSpan: 9, textContent: tn("insights.quietDays", quiet) });
    li.querySelector("tbody").replaceChildren(...window.filter(busy).map(day => {
      const f = byDay.get(day);
      const tr = document.createElement("tr");
      tr.dataset.day = day;
      for (const text of [dayFormat.format(new Date(`${day}T00:00:00Z`)), formatNumber(f?.raised ?? 0), f && touchpointWide(f) ? "—" : formatNumber(f?.customers ?? 0),
        formatNumber(f?.recovered ?? 0), formatNumber(f?.lost ?? 0), formatNumber(f?.open ?? 0), formatNumber(f?.outcomeUnknown ?? 0), minutes(f?.meanMinutesToAcknowledge, ackUnit), minutes(f?.meanMinutesToResolve, resolveUnit)]) {
        tr.insertCell().textContent = text;
      }
      return tr;
    }), ...(quiet > 0 ? [quietRow] : []));
    li.querySelector(".words").replaceChildren(...group.examples.map(e => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = `/customers/${encodeURIComponent(e.customerId)}`;
      link.textContent = e.customerId;
      const words = document.createElement("q");
      words.textContent = e.words;
      item.append(words, " — ", link);
      return item;
    }));
    li.querySelector("h3").hidden = group.examples.length === 0;
    li.cxTrend = [window.map(day => Date.parse(`${day}T12:00:00Z`) / 1000), window.map(day => byDay.get(day)?.raised ?? 0)];
    return li;
  }));
  // A trend of alerts raised per day for each group (uPlot, restored from npm).
  for (const li of document.querySelectorAll("#groups .group")) {
    const container = li.querySelector(".trend");
    // A canvas says nothing to a screen reader: the same days and counts, in words.
    const [days, raised] = li.cxTrend;
    const names = dayLabels(days, 1);
    container.setAttribute("role", "img");
    // In the page's punctuation: Chinese read "每日告警数: 11月16日 1, 11月17日 2" with ASCII marks.
    container.setAttribute("aria-label", t("insights.trendLabel", { days: days.map((_, i) => `${names[i]} ${formatNumber(raised[i])}`).join(t("insights.trendJoin")) }));
    charts.push(new uPlot({
      width: container.clientWidth || 600, height: 110, legend: { show: false },
      scales: { x: { time: true }, y: { range: (_, min, max) => [0, Math.max(1, max)] } },
      // One point per day: the x axis names days (at most ~10 of them), the y axis only 0 and the top,
      // both whole numbers (uPlot's own ticks were hours, and "2.5" alerts).
      axes: [
        { stroke: "#8b98a5", grid: { stroke: "#26313c" }, splits: u => u.data[0], values: (u, splits) => dayLabels(splits) },
        { stroke: "#8b98a5", grid: { stroke: "#26313c" }, splits: (u, axis, min, max) => [0, max], values: (u, splits) => splits.map(v => formatNumber(v)) },
      ],
      series: [{}, { stroke: "#ff5c5c", width: 2, points: { show: true, size: 6, fill: "#ff5c5c" } }],
    }, li.cxTrend, container));
  }
}

// Days as "Nov 26" in the page's language (the points sit at noon UTC of their day); every k-th
// when there are many, so the labels never run into each other.
function dayLabels(splits, step = Math.ceil(splits.length / 10)) {
  const format = formatter(Intl.DateTimeFormat, { month: "short", day: "numeric", timeZone: "UTC" });
  return splits.map((seconds, i) => i % step === 0 ? format.format(new Date(seconds * 1000)) : "");
}

form.addEventListener("submit", event => { event.preventDefault(); load(); });
form.elements.groupBy.addEventListener("change", load);
customerFinder(document.getElementById("find"));
languagePicker(document.getElementById("lang"));
onLanguageChange(() => { sayNotTaken(); if (report) load(); }); // a problem said in the old language is said again in the new one
currentUser().then(showUser);
defaults();
translate();
await load();
document.body.dataset.loaded = "true";
