// Every review rule fires on its own broken copy of the good production set (right id, object and line) and stays
// quiet on the good set itself. Broken copies are made by one exact text replacement each, so the diff is the bug.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "vitest";
import { checkManifests, type Finding, RULES } from "./index";

const GOOD = readFileSync(join(process.cwd(), "src/infra/k8s/fixtures/good.yaml"), "utf8");
// The first line of each object in good.yaml (its apiVersion line); edits that add or drop lines say so.
const LINE = { ConfigMap: 2, Secret: 12, Deployment: 21, Service: 85, HorizontalPodAutoscaler: 98 };

function mutate(from: string, to: string, text = GOOD): string {
  assert.ok(text.includes(from), `fixture edit: "${from}" not found in good.yaml`);
  return text.replace(from, to);
}

function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

function expectRule(text: string, rule: string, object: string, line: number, severity?: Finding["severity"]) {
  const findings = checkManifests(text, { file: "bad.yaml" });
  const hits = only(findings, rule);
  assert.ok(
    hits.length > 0,
    `expected ${rule} on ${object}, got: ${findings.map((f) => f.rule).join(", ") || "nothing"}`,
  );
  const hit = hits.find((f) => f.object === object);
  assert.ok(hit, `expected ${rule} on ${object}, got it on ${hits.map((f) => f.object).join(", ")}`);
  assert.equal(hit.line, line, `${rule} line: expected ${line}, got ${hit.line}`);
  assert.equal(hit.file, "bad.yaml");
  if (severity) assert.equal(hit.severity, severity, `${rule} severity`);
  assert.ok(hit.fix.length > 10, `${rule} has a fix hint`);
  return { hit, findings };
}

test("the good production set has no findings at all", () => {
  const findings = checkManifests(GOOD, { file: "good.yaml" });
  assert.deepEqual(
    findings.map((f) => `${f.rule} ${f.object}: ${f.message}`),
    [],
  );
});

test("object lines in good.yaml are the apiVersion lines", () => {
  const lines = GOOD.split("\n");
  for (const [kind, line] of Object.entries(LINE)) {
    assert.match(lines[line - 1], /^apiVersion:/, `${kind} line ${line}`);
    assert.equal(lines[line], `kind: ${kind}`);
  }
});

test("K8S010: Service selector that matches no Deployment", () => {
  const bad = mutate("  selector:\n    app: api\n  ports:", "  selector:\n    app: apii\n  ports:");
  const { hit, findings } = expectRule(bad, "K8S010", "Service/api", LINE.Service, "error");
  assert.match(hit.message, /app=apii/);
  assert.equal(only(findings, "K8S011").length, 0, "no port finding when nothing is selected");
});

test("K8S010: a Deployment in another namespace does not count", () => {
  const bad = mutate(
    "  name: api\n  namespace: shop\nspec:\n  selector:\n    app: api",
    "  name: api\n  namespace: web\nspec:\n  selector:\n    app: api",
  );
  expectRule(bad, "K8S010", "Service/api", LINE.Service);
});

test("K8S011: named targetPort that no container port has", () => {
  const bad = mutate("      targetPort: http", "      targetPort: web");
  const { hit } = expectRule(bad, "K8S011", "Service/api", LINE.Service, "error");
  assert.match(hit.message, /"web"/);
});

test("K8S011: numeric targetPort that is not a containerPort", () => {
  expectRule(mutate("      targetPort: http", "      targetPort: 8000"), "K8S011", "Service/api", LINE.Service);
  const ok = checkManifests(mutate("      targetPort: http", "      targetPort: 8080"));
  assert.equal(only(ok, "K8S011").length, 0, "targetPort 8080 = containerPort 8080 is fine");
});

const DEP = "Deployment/api";

test("K8S020/K8S021: missing readiness and liveness probes", () => {
  const noReady = mutate("          readinessProbe:\n", "          startupProbe:\n");
  expectRule(noReady, "K8S020", DEP, LINE.Deployment, "warning");
  assert.equal(only(checkManifests(noReady), "K8S021").length, 0);
  const noLive = mutate("          livenessProbe:\n", "          startupProbe:\n");
  expectRule(noLive, "K8S021", DEP, LINE.Deployment, "warning");
});

test("K8S022/K8S023: missing requests and limits (each of cpu and memory)", () => {
  const noReqMem = mutate("              memory: 256Mi\n", "");
  const { hit } = expectRule(noReqMem, "K8S022", DEP, LINE.Deployment, "warning");
  assert.match(hit.message, /memory/);
  assert.doesNotMatch(hit.message, /cpu/);
  const noLimits = mutate('            limits:\n              cpu: "1"\n              memory: 512Mi\n', "");
  expectRule(noLimits, "K8S023", DEP, LINE.Deployment, "warning");
});

test("K8S030: runAsNonRoot missing, or root user", () => {
  expectRule(mutate("        runAsNonRoot: true\n", ""), "K8S030", DEP, LINE.Deployment, "warning");
  expectRule(mutate("        runAsUser: 10001", "        runAsUser: 0"), "K8S030", DEP, LINE.Deployment);
  // Container-level runAsNonRoot is as good as pod-level.
  const moved = mutate(
    "            readOnlyRootFilesystem: true\n",
    "            readOnlyRootFilesystem: true\n            runAsNonRoot: true\n",
    mutate("        runAsNonRoot: true\n", ""),
  );
  assert.equal(only(checkManifests(moved), "K8S030").length, 0);
});

test("K8S031/K8S032/K8S033: container securityContext", () => {
  expectRule(mutate("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false"), "K8S031", DEP, LINE.Deployment);
  expectRule(
    mutate("allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true"),
    "K8S032",
    DEP,
    LINE.Deployment,
  );
  expectRule(mutate('drop: ["ALL"]', 'drop: ["NET_RAW"]'), "K8S033", DEP, LINE.Deployment);
});

test("K8S040/K8S041: missing ConfigMap, Secret, or Secret key", () => {
  expectRule(
    mutate("                name: api-config", "                name: api-cfg"),
    "K8S040",
    DEP,
    LINE.Deployment,
    "error",
  );
  expectRule(
    mutate("                  name: api-secrets", "                  name: db-secrets"),
    "K8S041",
    DEP,
    LINE.Deployment,
    "error",
  );
  const { hit } = expectRule(
    mutate("                  key: DATABASE_PASSWORD", "                  key: DB_PASSWORD"),
    "K8S041",
    DEP,
    LINE.Deployment,
  );
  assert.match(hit.message, /DB_PASSWORD/);
  // A secret created outside the set (e.g. by an operator) can be declared as existing.
  const external = checkManifests(mutate("                  name: api-secrets", "                  name: db-secrets"), {
    existing: ["Secret/db-secrets"],
  });
  assert.equal(only(external, "K8S041").length, 0);
});

test("K8S042: secret-looking keys and values in a ConfigMap", () => {
  const byKey = expectRule(
    mutate("  LOG_LEVEL: info", "  DB_PASSWORD: hunter2"),
    "K8S042",
    "ConfigMap/api-config",
    LINE.ConfigMap,
    "error",
  );
  assert.match(byKey.hit.message, /DB_PASSWORD/);
  const byValue = expectRule(
    mutate("  LOG_LEVEL: info", "  SETTINGS: AKIAIOSFODNN7EXAMPLE"),
    "K8S042",
    "ConfigMap/api-config",
    LINE.ConfigMap,
  );
  assert.match(byValue.hit.message, /AWS/);
  expectRule(
    mutate("  LOG_LEVEL: info", "  UPSTREAM: Zx8kQ2mN7vB4tR1yW9pL3sD6fG0hJ5cX"),
    "K8S042",
    "ConfigMap/api-config",
    LINE.ConfigMap,
  );
  // TOKEN_TTL_SECONDS: "3600" in the good set is configuration, and stays quiet (checked by the good-set test).
});

const HPA = "HorizontalPodAutoscaler/api";

test("K8S050: HPA scaleTargetRef names no Deployment", () => {
  const bad = mutate("    kind: Deployment\n    name: api", "    kind: Deployment\n    name: api-v2");
  const { hit } = expectRule(bad, "K8S050", HPA, LINE.HorizontalPodAutoscaler, "error");
  assert.match(hit.message, /Deployments here: api/);
});

test("K8S051: cpu utilisation metric without cpu requests", () => {
  const bad = mutate("            requests:\n              cpu: 250m\n", "            requests:\n");
  // One line fewer above the HPA, so it starts one line earlier.
  const { findings } = expectRule(bad, "K8S051", HPA, LINE.HorizontalPodAutoscaler - 1, "error");
  assert.ok(only(findings, "K8S022").length > 0, "the container rule fires too");
});

test("K8S052: minReplicas greater than maxReplicas", () => {
  expectRule(mutate("  minReplicas: 2", "  minReplicas: 12"), "K8S052", HPA, LINE.HorizontalPodAutoscaler, "error");
});

test("K8S053: replicas set on a Deployment an HPA manages (info)", () => {
  const bad = mutate("spec:\n  selector:\n    matchLabels:", "spec:\n  replicas: 3\n  selector:\n    matchLabels:");
  const { hit } = expectRule(bad, "K8S053", DEP, LINE.Deployment, "info");
  assert.equal(hit.path, "/spec/replicas");
});

test("every semantic rule id in the catalogue is exercised by a test above", () => {
  const here = readFileSync(join(process.cwd(), "src/infra/k8s/rules.test.ts"), "utf8");
  // K8S060/K8S061 are kustomize layout findings, exercised in kustomize.test.ts.
  const semantic = RULES.map((r) => r.id).filter((id) => Number(id.slice(3)) >= 10 && Number(id.slice(3)) < 60);
  const untested = semantic.filter((id) => !here.includes(`"${id}"`));
  assert.deepEqual(untested, []);
});

test("severity overrides and turning rules off", () => {
  const bad = mutate("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");
  const raised = checkManifests(bad, { rules: { K8S031: "error" } });
  assert.equal(only(raised, "K8S031")[0].severity, "error");
  assert.equal(only(checkManifests(bad, { rules: { K8S031: "off" } }), "K8S031").length, 0);
});
