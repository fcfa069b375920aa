// Who is signed in (GET /api/me): shown in the header with a sign-out button, unless the install
// is open (the demo), where everyone is everyone and there is nothing to sign out of.
import { t } from "/i18n.js";

export async function currentUser() {
  const response = await fetch("/api/me");
  if (response.status === 401) { location.href = `/login?returnUrl=${encodeURIComponent(location.pathname + location.search)}`; return null; }
  return response.ok ? response.json() : null;
}

export function showUser(user) {
  if (!user || user.open) return;
  const nav = document.querySelector(".nav");
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/logout";
  form.className = "who";
  form.innerHTML = `<span class="user"></span> <button type="submit" data-i18n="nav.signout"></button>`;
  form.querySelector(".user").textContent = user.name;
  form.querySelector("button").textContent = t("nav.signout");
  nav.insertBefore(form, nav.querySelector("#connection"));
}
