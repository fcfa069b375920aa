// Wall mode turns its pages by itself, every 10 s. Someone who walks up to read a card, or who needs
// longer to read, must be able to stop it (WCAG 2.2.2, Pause, Stop, Hide): the space bar or P, or a
// click or tap on the page count, holds the page and lets it go again. The hold lasts until then:
// the page count says "paused" in large type, so a wall left held is seen across the room. (Holding
// while the pointer rests on the cards was left out: a wall's mouse parked over them would stop it for good.)
// <changed> is told the new state: a page let go turns a whole period later, not at the next tick.
export function pageHold(button, changed) {
  const hold = { held: false };
  const toggle = () => {
    hold.held = !hold.held;
    button.setAttribute("aria-pressed", String(hold.held));
    changed(hold.held);
  };
  button.setAttribute("aria-pressed", "false");
  button.addEventListener("click", toggle);
  addEventListener("keydown", event => {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
    if (event.target.closest?.("input, select, textarea, a, [contenteditable]")) return; // the key is theirs
    if (event.key !== " " && event.key.toLowerCase() !== "p") return;
    if (event.key === " " && event.target.closest?.("button")) return; // a button's own space is its click (P still holds, after a tap on the count)
    event.preventDefault();
    toggle();
  });
  return hold;
}
