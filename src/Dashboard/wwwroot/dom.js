// Elements that carry text, set as text and never parsed as markup: much of what the pages show
// (touchpoints, comments, notes, names) comes from integrators and people.
export function textElement(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

/** A line for screen readers only (role="status": what it is set to is said), put after <element>. */
export function statusLineAfter(element, id = null) {
  const line = textElement("span", "sr-only", "");
  if (id) line.id = id;
  line.setAttribute("role", "status");
  element.after(line);
  return line;
}

/**
 * A status line that tells a screen reader what arrived, gathered over a moment: a list that is
 * itself live would be read whole on every change, and one line per arrival in a burst is noise.
 * The returned say(items) queues items; a moment later the line reads one(item), or many(items)
 * for several. The element is a visually hidden role="status" (polite).
 *
 * While arrivals keep coming, each moment gathered is twice the one before, up to <longest>: at 4
 * alerts a second an accessibility trial heard a 15-word sentence every 1.2–1.7 s, one on top of the
 * other. Once a moment brings a single arrival, or nothing is said for a while, it is short again.
 */
export function announcer(element, one, many, gather = 1000, longest = 8000) {
  let queued = [];
  let timer = null;
  let moment = gather;
  let lastSaid = -Infinity;
  return items => {
    queued.push(...items);
    if (timer || queued.length === 0) return;
    if (Date.now() - lastSaid > moment) moment = gather; // quiet since for longer than a moment: said soon again
    timer = setTimeout(() => {
      timer = null;
      element.textContent = queued.length === 1 ? one(queued[0]) : many(queued);
      moment = queued.length > 1 ? Math.min(moment * 2, longest) : gather;
      lastSaid = Date.now();
      queued = [];
    }, moment);
  };
}

/**
 * Puts <node> before <before> in <list> (at the end for null). One already in the list keeps its
 * focus where the browser can move it so (moveBefore); elsewhere the browser drops the focus of a
 * moved node, and <refocus> puts it back.
 */
export function place(list, node, before) {
  if (node.isConnected && list.moveBefore) list.moveBefore(node, before);
  else list.insertBefore(node, before);
}

/** Focuses <element> unless it has the focus already (focused again, a screen reader reads it out again). */
export function refocus(element, options) {
  if (element?.isConnected && document.activeElement !== element) element.focus(options);
}
