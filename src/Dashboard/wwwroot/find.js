// "Find a customer" by any part of their id (GET /api/customers?query=): a form#find with an
// input and a list#found of links to the customer view. Agents find only their own customers.
import { t, tn, onLanguageChange } from "/i18n.js";
import { statusLineAfter } from "/dom.js";

export function customerFinder(form) {
  const input = form.querySelector("input");
  const found = form.querySelector("#found");
  let timer = null;
  // How many were found, said to a screen reader too (the list changing is not announced by itself).
  const said = statusLineAfter(found);
  let saying = () => "";
  onLanguageChange(() => { said.textContent = saying(); }); // as the list's line does
  async function search() {
    const query = input.value.trim();
    if (!query) { found.replaceChildren(); said.textContent = ""; saying = () => ""; return; }
    const response = await fetch(`/api/customers?query=${encodeURIComponent(query)}&limit=8`);
    const matches = response.ok ? await response.json() : [];
    if (input.value.trim() !== query) return; // typed on meanwhile
    found.replaceChildren(...(matches.length ? matches.map(m => {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `/customers/${encodeURIComponent(m.customerId)}`;
      a.textContent = m.customerId;
      li.append(a);
      return li;
    }) : [Object.assign(document.createElement("li"), { textContent: t("find.none") })]));
    saying = () => matches.length ? tn("find.count", matches.length) : t("find.none");
    said.textContent = saying();
    // "No customer found" follows a language switch, as the page's own words do (it kept the old language).
    if (!matches.length) found.firstElementChild.dataset.i18n = "find.none";
  }
  input.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 250); });
  form.addEventListener("submit", event => {
    event.preventDefault();
    const first = found.querySelector("a");
    if (first) location.href = first.href;
  });
}
