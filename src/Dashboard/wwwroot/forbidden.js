// A page the signed-in person's role does not open (a supervisor on the Orleans dashboard, an admins' page): said
// in their language, with the way back to their own pages and the sign-out button, where the
// server's answer was a line of English text.
import { languagePicker } from "/i18n.js";
import { currentUser, showUser } from "/session.js";

// An admins' page says whose it is: "this page" alone left her to guess whom to ask or sign in as.
if (document.querySelector("main").dataset.needs === "admin") document.querySelector("[data-i18n='forbidden.text']").dataset.i18n = "forbidden.admins";
languagePicker(document.getElementById("lang")); // says the page in the chosen language, and again on each change
showUser(await currentUser());
