// The sign-in form: says when the last try failed and sends the browser back where it was going.
import { t, translate, languagePicker, onLanguageChange } from "/i18n.js";

const query = new URLSearchParams(location.search);
const failed = query.has("error");
// Too many failed sign-ins from this address: no field is wrong, the address waits (for that many seconds).
const throttled = query.get("error") === "throttled";
const error = document.getElementById("error");
error.hidden = !failed;
if (throttled) delete error.dataset.i18n;
const wait = Math.min(60, Math.max(1, Math.ceil(Number(query.get("retry")) || 60))); // at most the minute the address waits
const sayThrottled = () => { if (throttled) error.textContent = t("login.throttled", { seconds: wait }); };
// After a failed try the focus is on the user name (autofocus): a screen reader said only "User
// name, edit". The fields now point at the sentence saying why, and say they were wrong unless
// the address was only made to wait.
if (failed) {
  for (const field of ["username", "password"]) {
    if (!throttled) document.getElementById(field).setAttribute("aria-invalid", "true");
    document.getElementById(field).setAttribute("aria-describedby", "error");
  }
}
document.getElementById("returnUrl").value = query.get("returnUrl") ?? query.get("ReturnUrl") ?? "";
languagePicker(document.getElementById("lang"));
onLanguageChange(() => { translate(); sayThrottled(); });
translate();
sayThrottled();
