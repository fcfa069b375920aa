// One row per interaction, across every channel, newest first: shared by the agent console and the customer view.
import { formatTime, t } from "/i18n.js";

export function fillTimeline(tbody, interactions) {
  tbody.replaceChildren(...interactions.map(i => {
    const row = document.createElement("tr");
    row.dataset.interactionId = i.id;
    for (const [value, css] of [[formatTime(i.timestamp)], [i.channel], [i.type], [i.stage ? t(`stage.${i.stage}`) : "—"], [t(`result.${i.outcome ?? "success"}`), i.outcome], [i.touchpoint]]) {
      const cell = row.insertCell();
      cell.textContent = value;
      if (css) cell.className = css;
    }
    return row;
  }));
}
