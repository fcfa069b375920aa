// The sign-in form: says when the last try failed and sends the browser back where it was going.
import { translate, languagePicker, onLanguageChange } from "/i18n.js";

const query = new URLSearchParams(location.search);
document.getElementById("error").hidden = !query.has("error");
document.getElementById("returnUrl").value = query.get("returnUrl") ?? query.get("ReturnUrl") ?? "";
languagePicker(document.getElementById("lang"));
onLanguageChange(() => translate());
translate();
