// checkManifests glues parse + schema + rules; formatFindings prints them like a linter.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "vitest";
import { checkKustomization, checkManifests, formatFindings, parseManifests, RULES, summarize } from "./index";

const BAD = `apiVersion: v1
kind: ConfigMap
metadata: {name: cfg}
data:
  API_KEY: sk-abcdefghijklmnopqrstuvwxyz123456
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "two"
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: web:1
---
- not an object
`;

test("text input: parse, schema and rule findings together, sorted by line", () => {
  const findings = checkManifests(BAD, { file: "bad.yaml" });
  const lines = findings.map((f) => f.line);
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
  const rules = new Set(findings.map((f) => f.rule));
  for (const r of ["K8S042", "K8S003", "K8S002", "K8S020", "K8S030"]) assert.ok(rules.has(r), `${r} in ${[...rules]}`);
  assert.ok(findings.every((f) => f.file === "bad.yaml"));
  assert.ok(
    findings.every((f) => RULES.some((r) => r.id === f.rule)),
    "every finding id is in the catalogue",
  );
});

test("object input gives the same findings as text input", () => {
  const { objects } = parseManifests(BAD, "bad.yaml");
  const fromObjects = checkManifests(objects);
  const fromText = checkManifests(BAD, { file: "bad.yaml" }).filter((f) => f.rule !== "K8S002");
  assert.deepEqual(fromObjects, fromText);
});

test("schema: false skips the kubernetes-models pass", () => {
  const findings = checkManifests(BAD, { schema: false });
  assert.equal(findings.filter((f) => f.rule === "K8S003").length, 0);
});

test("formatFindings prints file:line, severity, id, message, fix and a summary", () => {
  const text = formatFindings(checkManifests(BAD, { file: "bad.yaml" }));
  assert.match(text, /^bad\.yaml:1 +error +K8S042 +ConfigMap\/cfg: data key "API_KEY"/m);
  assert.match(text, /\n {4}fix: /);
  const s = summarize(checkManifests(BAD));
  assert.match(text, new RegExp(`${s.error} error\\(s\\), ${s.warning} warning\\(s\\), ${s.info} info$`));
  assert.equal(formatFindings([]), "No findings: the manifests pass every check.");
});

test("checkKustomization: layout errors plus checks of the rendered overlay", () => {
  const root = join(process.cwd(), "src/infra/k8s/fixtures/kustomize");
  assert.deepEqual(checkKustomization(join(root, "overlays/prod")), []);
  const broken = checkKustomization(join(root, "broken"));
  assert.ok(broken.some((f) => f.rule === "K8S060"));
});
