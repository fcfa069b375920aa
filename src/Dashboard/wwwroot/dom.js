// Elements that carry text, set as text and never parsed as markup: much of what the pages show
// (touchpoints, comments, notes, names) comes from integrators and people.
export function textElement(tag, className, text) {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}
