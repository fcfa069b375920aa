// The sign-in form: says when the last try failed and sends the browser back where it was going.
import { t, translate, languagePicker, onLanguageChange } from "/i18n.js";

const query = new URLSearchParams(location.search);
const failed = query.has("error");
// Too many failed sign-ins from this address: no field is wrong, the address waits (for that many seconds).
const throttled = query.get("error") === "throttled";
const error = document.getElementById("error");
error.hidden = !failed;
if (throttled) delete error.dataset.i18n;
const sayThrottled = () => { if (throttled) error.textContent = t("login.throttled", { seconds: Number(query.get("retry")) || 60 }); };
// After a failed try the focus is on the user name (autofocus): a screen reader said only "User
// name, edit". The fields now say they were wrong and point at the sentence saying why.
if (failed && !throttled) {
  for (const field of ["username", "password"]) {
    document.getElementById(field).setAttribute("aria-invalid", "true");
    document.getElementById(field).setAttribute("aria-describedby", "error");
  }
}
document.getElementById("returnUrl").value = query.get("returnUrl") ?? query.get("ReturnUrl") ?? "";
languagePicker(document.getElementById("lang"));
onLanguageChange(() => { translate(); sayThrottled(); });
translate();
sayThrottled();
