// Reads YAML deployment files and prints them as JSON, one entry per file: {"file", "documents"}.
// With --kubernetes, first validates every document against the Kubernetes schemas of the npm package
// kubernetes-models (offline: the schemas ship in the package), and fails if any is invalid or has a
// field the schema does not know (a misspelt "livenessProbe" would otherwise be ignored silently).
// Run by tests/Integration/Deploy/DeploymentFilesTests.cs:  node read.mjs [--kubernetes] FILE...
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const kubernetes = args[0] === "--kubernetes";
const files = kubernetes ? args.slice(1) : args;
const problems = [];
const result = [];

for (const file of files) {
  const documents = [];
  for (const parsed of parseAllDocuments(readFileSync(file, "utf8"), { merge: true })) {
    if (parsed.errors.length > 0) {
      problems.push(`${file}: ${parsed.errors.map(e => e.message).join("; ")}`);
      continue;
    }
    const document = parsed.toJS({ maxAliasCount: 100 });
    if (document === null || document === undefined) continue;
    if (kubernetes) await validate(file, document);
    documents.push(document);
  }
  result.push({ file, documents });
}

if (problems.length > 0) {
  console.error(problems.join("\n"));
  process.exit(1);
}
console.log(JSON.stringify(result));

async function validate(file, document) {
  const { apiVersion, kind } = document;
  const where = `${file}: ${kind ?? "(no kind)"} ${document.metadata?.name ?? "(no name)"}`;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    problems.push(`${where}: apiVersion and kind are required`);
    return;
  }
  let model;
  try {
    // "apps/v1" -> kubernetes-models/apps/v1/Deployment; "v1" (the core group) -> kubernetes-models/v1/Service
    model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    problems.push(`${where}: kubernetes-models knows no ${apiVersion} ${kind}`);
    return;
  }
  const error = errorOf(model, document);
  if (error !== null) {
    problems.push(`${where}: ${error}`);
    return;
  }
  for (const path of unknownFields(model, document)) {
    problems.push(`${where}: unknown field ${path}`);
  }
}

function errorOf(model, document) {
  try {
    new model(document).validate();
    return null;
  } catch (e) {
    return e.message;
  }
}

// The package's validators accept fields they do not know. A field is known when giving it a value
// of a wrong type makes validation fail at that field: one of a string, a fraction and a boolean is
// wrong for every typed field (int-or-string fields refuse the boolean).
function* unknownFields(model, document, node = document, path = []) {
  if (node === null || typeof node !== "object") return;
  for (const key of Object.keys(node)) {
    const here = [...path, key];
    const pointer = "data/" + here.map(k => String(k).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
    const known = ["probe", 0.5, true].some(probe => {
      const copy = structuredClone(document);
      here.slice(0, -1).reduce((n, k) => n[k], copy)[key] = probe;
      const error = errorOf(model, copy);
      return error !== null && new RegExp(`(^|[ ,])${escape(pointer)}( |/|$)`).test(error);
    });
    if (!known && !(Array.isArray(node))) yield here.join(".");
    else yield* unknownFields(model, document, node[key], here);
  }
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
