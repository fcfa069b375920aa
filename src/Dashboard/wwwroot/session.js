// Who is signed in (GET /api/me): shown in the header with a sign-out button, unless the install
// is open (the demo), where everyone is everyone and there is nothing to sign out of.
import { t } from "/i18n.js";

export async function currentUser() {
  const response = await fetch("/api/me");
  if (response.status === 401) { toSignIn(); return null; }
  return response.ok ? response.json() : null;
}

/** To sign in as this install has people do it (its form, or the identity provider), and back here after. */
export function toSignIn() {
  location.href = `/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
}

export function showUser(user) {
  if (!user || user.open) return;
  const nav = document.querySelector(".nav");
  // The wall is for supervisors: its link only sent an agent back to their console.
  if (!user.roles?.some(role => role === "supervisor" || role === "admin")) nav.querySelector('a[href="/"]')?.remove();
  const form = document.createElement("form");
  form.method = "post";
  form.action = "/logout";
  form.className = "who";
  const name = document.createElement("span");
  name.className = "user";
  name.textContent = user.name;
  const signOut = document.createElement("button");
  signOut.type = "submit";
  signOut.dataset.i18n = "nav.signout";
  signOut.textContent = t("nav.signout");
  form.append(name, " ", signOut);
  nav.insertBefore(form, nav.querySelector("#connection"));
}
