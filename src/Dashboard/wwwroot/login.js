// The sign-in form: says when the last try failed and sends the browser back where it was going.
import { translate, languagePicker, onLanguageChange } from "/i18n.js";

const query = new URLSearchParams(location.search);
const failed = query.has("error");
document.getElementById("error").hidden = !failed;
// After a failed try the focus is on the user name (autofocus): a screen reader said only "User
// name, edit". The fields now say they were wrong and point at the sentence saying why.
if (failed) {
  for (const field of ["username", "password"]) {
    document.getElementById(field).setAttribute("aria-invalid", "true");
    document.getElementById(field).setAttribute("aria-describedby", "error");
  }
}
document.getElementById("returnUrl").value = query.get("returnUrl") ?? query.get("ReturnUrl") ?? "";
languagePicker(document.getElementById("lang"));
onLanguageChange(() => translate());
translate();
