// What every page shares about the hub: one connection that retries forever (backing off to
// 10 s: a page left open on a screen must come back by itself) unless its person was signed out
// or it was refused, resumes where it left off, and the header's live indicator.
import { t, formatTime } from "/i18n.js";
import { statusLineAfter } from "/dom.js";
import { toSignIn } from "/session.js";

// The hub answered 401: this person may have been signed out meanwhile (a new password after a
// leak, removed from the people, a cookie run out), and every try would be refused: their pages read
// "Reconnecting…" for good. A web server that cannot read the cookie (its key ring out of reach
// while Redis is down) answers 401 too, and that passes: /api/me tells a sign-out from that.
const unauthorized = error => /Status code '401'/.test(error?.message ?? "");
const signedOut = async () => (await fetch("/api/me").catch(() => null))?.status === 401;

/** The hub would not let this person have what a page asked for (a HubException "Forbidden: ..."), as opposed to a connection that failed. */
export const refusedByHub = error => /HubException: Forbidden:/.test(error?.message ?? "");

// Every second the server says how far it has sent each partition's changes (feedPosition). A
// page hands the last one back when it subscribes again after a reconnect, and the server first
// sends what changed since: nothing is missed, and nothing is reloaded that did not change.
// Short network blips do not even get that far: stateful reconnect replays what was in flight.
export function connectHub() {
  const connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/cx")
    // A 401 ends the reconnecting: keepConnected, on the close, looks into it and starts again.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => unauthorized(ctx.retryReason) ? null : Math.min(10_000, 500 * 2 ** ctx.previousRetryCount) })
    .withStatefulReconnect()
    .build();
  // The server says on connecting, and whenever it changes, whether it can take and pass on what
  // happens: connected to a server that cannot (Redis stalled), a quiet page is not a calm one.
  connection.on("serviceStatus", status => {
    notReady = status.ready ? null : status;
    const shown = currentStatus();
    if (shown) setStatus(shown);
  });
  connection.position = null;
  // Stopped on purpose (a customer this reader may not see): not started again.
  connection.stoppedForGood = false;
  connection.stopForGood = () => { connection.stoppedForGood = true; return connection.stop(); };
  // Between losing the connection and subscribing again, a kind's position stays where this page
  // got to: a position pushed meanwhile (by the front it reconnected to, maybe another one) counts
  // changes this page never received, and handed back it would skip them.
  connection.resuming = new Set();
  connection.onreconnecting(() => { connection.resuming = new Set(["alerts", "prompts"]); });
  connection.on("feedPosition", position => {
    const kept = connection.position;
    connection.position = Object.fromEntries(Object.entries(position)
      .map(([kind, at]) => [kind, connection.resuming.has(kind) ? kept?.[kind] ?? null : at]));
  });
  return connection;
}

/**
 * The page is refused for good (this person may not have it): its #denied notice shows, and nothing
 * else under the header (body.denied); nothing is followed any more, so no connection state is
 * shown: "Disconnected — retrying" read as a fault to wait out.
 */
export function stopRefused(connection) {
  document.body.classList.add("denied");
  document.getElementById("denied").hidden = false;
  document.getElementById("connection").hidden = true;
  connection.stopForGood().catch(() => {});
}

/**
 * Starts the connection and keeps it started: resolves once it first is, trying again while it
 * cannot be (the server restarting or draining as the page opens), and starts it again whenever it
 * closes instead of reconnecting. The agent console and a customer's page opened during a restart
 * stayed "Connecting…" for good, and one whose connection closed stayed "Disconnected".
 * After each start but the first (and the first too with `{ first: true }`), and after each
 * reconnect, `subscribed` subscribes the page again; if it fails while the connection is up it is tried again,
 * unless it was refused ("Forbidden: ..."), which is the page's to show. Tries back off to 10 s
 * apart, as reconnects do. A page that gives up on purpose calls `connection.stopForGood()`.
 */
export function keepConnected(connection, subscribed, { first: subscribeFirst = false } = {}) {
  let failures = 0;
  let started = false;
  const later = attempt => setTimeout(attempt, Math.min(10_000, 500 * 2 ** failures++));
  async function subscribe() {
    try {
      await subscribed();
      failures = 0;
    } catch (error) {
      // Refused, stopped, or closed (closing starts it all again): nothing to try here.
      if (refusedByHub(error) || connection.stoppedForGood || connection.state !== "Connected") return;
      later(subscribe);
    }
  }
  return new Promise(connected => {
    async function run() {
      if (connection.stoppedForGood || connection.state !== "Disconnected") return; // one chain of tries at a time
      try {
        await connection.start();
      } catch (error) {
        if (unauthorized(error) && await signedOut()) { toSignIn(); return; }
        setStatus(started ? "disconnected" : "connecting"); // "Disconnected — retrying"
        later(run);
        return;
      }
      failures = 0;
      const firstStart = !started;
      started = true;
      if (firstStart) connected();
      if (!firstStart || subscribeFirst) await subscribe();
    }
    // Back after a network loss, the same subscription, tried again the same way: a page's own
    // handler for this stayed "Reconnecting…" for good when its one try failed.
    connection.onreconnected(() => subscribe());
    connection.onclose(() => {
      // A customer's page refused to its reader stopped, and was started again twice a second.
      if (connection.stoppedForGood) return;
      connection.resuming = new Set(["alerts", "prompts"]); // as on reconnecting: positions from the next connection are not yet this page's
      setStatus("disconnected");
      later(run);
    });
    run();
  });
}

/**
 * Subscribes (again) with what this page last heard of, e.g. subscribe(connection, "SubscribeWall", "alerts").
 * Returns true when the page must reload its current state through the REST API: a first
 * subscription, or more changed while away than the hub sends at once. Reloads the whole page
 * when the server has restarted without its state (the answer's `reset`).
 */
export async function subscribe(connection, method, kind, ...args) {
  const after = connection.position?.[kind] ?? null;
  const resumed = await connection.invoke(method, ...args, after);
  connection.resuming.delete(kind); // subscribed again: the positions pushed from now on are this page's
  if (resumed.reset) {
    // The server numbers its changes from the start again (an embedded-mode process restarted and
    // lost its state): every card and count on this page is from before. Start the page afresh.
    location.reload();
    return true;
  }
  if (!connection.position) connection.position = resumed.position;
  return after === null || !resumed.complete;
}

/** A change arrives live and maybe again in a catch-up: the copy with the higher sequence in its partition is the newer. */
export function isNewer(incoming, existing) {
  return !existing || (incoming.sequence ?? 0) > (existing.sequence ?? 0);
}

let notReady = null; // the server's last serviceStatus while it is not ready

/** Why the server is not ready, in the words the header uses. */
function notReceiving(status) {
  return status.failing.includes("redis") ? "redis" : status.failing.includes("cluster") ? "cluster" : "other";
}

/**
 * Shows connecting / live / reconnecting / disconnected in the current language; connected to a
 * server that is not ready, "Not receiving" and why, in amber (data-service="not-ready").
 */
export function setStatus(state) {
  const status = document.getElementById("connection");
  status.dataset.state = state;
  const stalled = state === "live" && notReady;
  const key = stalled ? `status.notReceiving.${notReceiving(notReady)}` : `status.${state}`;
  if (stalled) status.dataset.service = "not-ready";
  else delete status.dataset.service;
  status.dataset.i18n = key;
  status.textContent = t(key);
  // What the page shows is as of the last moment it was live: figures dimmed meanwhile, so a
  // dropped connection is not missed behind a small pill (styles.css, body[data-feed]).
  const live = state === "live" && !stalled;
  if (!live && document.body.dataset.feed === "live") staleSince = new Date().toISOString();
  document.body.dataset.feed = live ? "live" : "stale";
  status.title = live || !staleSince ? "" : t("status.staleSince", { time: formatTime(staleSince) });
  // Said to a screen reader too: a title is read only on request.
  sinceLine(status).textContent = status.title;
}

/** A status line beside the pill, for screen readers only (the pill's own text is what tests and eyes read). */
function sinceLine(status) {
  return document.getElementById("connection-since") ?? statusLineAfter(status, "connection-since");
}

let staleSince = null; // when the page stopped being live: what it shows is as of then

/** The indicator's current state, to show it again after a language change. */
export function currentStatus() {
  return document.getElementById("connection").dataset.state;
}
