// Muting from the wall. A supervisor mutes what a card is about (its customer, or its rule at its
// touchpoint) for a while and says why; the "Muted" panel above the cards lists every active mute and
// ends one early. A mute is a silence of the API (POST / GET / DELETE /api/silences): alerts raised
// while it matches are recorded but kept off every wall, out of agents' queues and out of the
// counts (docs/alerts.md#silences). The card that was muted stays: it was raised before the mute.
import { t, formatMoment, formatNumber, ruleName, refusal } from "/i18n.js";
import { textElement } from "/dom.js";
import { whoDid } from "/timeline.js";

const HOURS = [1, 8, 24];
const panel = document.getElementById("silences");

/** What a silence mutes, in words: "customer c-42", "Repeated failed search at web/search". */
function describe(silence) {
  if (silence.customerId) return t("mute.customer", { customer: silence.customerId }) + (silence.ruleId ? ` · ${ruleName(silence.ruleId)}` : "");
  if (silence.ruleId && silence.touchpoint) return t("mute.ruleAt", { rule: ruleName(silence.ruleId), touchpoint: silence.touchpoint });
  if (silence.ruleId) return t("mute.ruleEverywhere", { rule: ruleName(silence.ruleId) });
  return t("mute.touchpoint", { touchpoint: silence.touchpoint });
}

/** The scopes a card offers: a customer's alert its customer, or its rule at its touchpoint; an incident its rule at its touchpoint. */
function scopesOf(alert) {
  const scopes = [];
  if (alert.customerId) scopes.push({ customerId: alert.customerId });
  if (alert.touchpoint) scopes.push({ ruleId: alert.ruleId, touchpoint: alert.touchpoint });
  else scopes.push({ ruleId: alert.ruleId });
  return scopes;
}

/** Opens the card's mute form, its choices in the page's language, the first field focused. */
export function openMute(li, alert) {
  const form = li.querySelector(".mute");
  form.cxScopes = scopesOf(alert);
  fillChoices(form);
  // Spaces alone pass `required`, and the API refused them in English ("comment: must be a non-empty string").
  const why = form.elements.comment;
  why.oninput = () => why.setCustomValidity(why.value && !why.value.trim() ? t("mute.whyBlank") : "");
  why.oninput(); // the form was reset when it closed: nothing typed, nothing to say
  form.hidden = false;
  form.elements.scope.focus();
  form.scrollIntoView({ block: "nearest" });
}

/** The choices in the page's language, what was picked kept: an open form switched to Chinese kept "customer trial-ivan". */
export function relabelMute(li) {
  const form = li.querySelector(".mute");
  if (!form.hidden) fillChoices(form);
  form.elements.comment.oninput?.(); // "spaces alone are not a reason", in the new language
}

function fillChoices(form) {
  const picked = [form.elements.scope.value, form.elements.hours.value];
  form.elements.scope.replaceChildren(...form.cxScopes.map((scope, i) => new Option(describe(scope), String(i))));
  form.elements.hours.replaceChildren(...HOURS.map(h => new Option(t("mute.hours", { hours: h }), String(h))));
  if (picked[0]) [form.elements.scope.value, form.elements.hours.value] = picked;
}

/** Closes the form; the focus goes back to the card's Mute button unless another of the card's forms takes it. */
export function closeMute(li, { focus = true } = {}) {
  const form = li.querySelector(".mute");
  form.hidden = true;
  form.reset();
  if (focus) li.querySelector("[data-action=mute]").focus();
}

/** Sends the form's mute; null when it went through, else what to say on the card (a function: said again in the page's language when it changes). */
export async function submitMute(form) {
  const scope = form.cxScopes[Number(form.elements.scope.value)];
  const expiresAt = new Date(Date.now() + Number(form.elements.hours.value) * 3_600_000).toISOString();
  let response;
  try {
    response = await fetch("/api/silences", {
      method: "POST", headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...scope, comment: form.elements.comment.value.trim(), expiresAt, author: "supervisor" }),
    });
  } catch {
    return () => t("action.unreachable");
  }
  if (!response.ok) {
    const why = refusal(response.status, await response.json().catch(() => null));
    return () => t(...why);
  }
  await loadSilences(true);
  return null;
}

/**
 * Reads the active mutes into the panel (opened when asked: right after a supervisor muted
 * something). Hidden while none is on, except right after the last one was ended here (and while
 * the keyboard is in it): the panel stays, saying none is on, so the keyboard keeps its place and
 * the note on the alerts kept meanwhile is still there to read.
 */
export async function loadSilences(open = false, stayShown = false) {
  const response = await fetch("/api/silences").catch(() => null);
  if (!response?.ok) return;
  const silences = (await response.json()).sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt));
  panel.hidden = silences.length === 0 && !(!panel.hidden && (stayShown || panel.contains(document.activeElement)));
  panel.querySelector(".count").textContent = t("count.paren", { count: formatNumber(silences.length) });
  panel.querySelector("ul").replaceChildren(...silences.map(silence => {
    const li = document.createElement("li");
    li.dataset.silenceId = silence.id;
    const what = textElement("span", "what", describe(silence));
    const why = textElement("span", "why", t("mute.until", { time: formatMoment(silence.expiresAt), comment: silence.comment, author: whoDid(silence.author) }));
    const end = document.createElement("button");
    end.type = "button";
    end.textContent = t("mute.end");
    end.addEventListener("click", async () => {
      end.disabled = true;
      await fetch(`/api/silences/${encodeURIComponent(silence.id)}`, { method: "DELETE" }).catch(() => null);
      await loadSilences(false, true);
      panel.querySelector("summary").focus(); // the button is gone: keep the keyboard's place
    });
    li.append(what, " ", why, " ", end);
    return li;
  }));
  if (silences.length === 0) panel.querySelector("ul").replaceChildren(textElement("li", "none", t("mute.none")));
  if (open && silences.length) panel.open = true;
}
