// What every page shares about the hub: one connection that retries forever (backing off to
// 10 s: a page left open on a screen must come back by itself), and the header's live indicator.
import { t } from "/i18n.js";

export function connectHub() {
  return new signalR.HubConnectionBuilder()
    .withUrl("/hubs/cx")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
    .build();
}

/** Shows connecting / live / reconnecting / disconnected in the current language. */
export function setStatus(state) {
  const status = document.getElementById("connection");
  status.dataset.state = state;
  status.dataset.i18n = `status.${state}`;
  status.textContent = t(`status.${state}`);
}

/** The indicator's current state, to show it again after a language change. */
export function currentStatus() {
  return document.getElementById("connection").dataset.state;
}
