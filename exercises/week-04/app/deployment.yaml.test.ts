// Grades exercises/week-04/app/deployment.yaml and service.yaml (and proves the solution twins with this same file).
// There is no cluster in the grader, so the checks are static: the workspace's Kubernetes checker (src/infra/k8s)
// must report nothing, and structural checks follow the path a request takes: Service selector -> pod labels,
// targetPort -> containerPort 8080, probes -> /healthz on that port. Those catch pairs that lint clean but serve nothing.
import assert from "node:assert/strict";
import { test } from "vitest";
import { readExerciseFile } from "../../../src/grader/exercise-file";
import type { JsonObject, ManifestObject } from "../../../src/infra/k8s";
import { checkManifests, formatFindings, parseManifests } from "../../../src/infra/k8s";

const ID = "fix-deployment-service";
const DIR = "week-04/app";
const IMAGE = "study/forest-inference:0.1.0";
/** server.mjs listens here unless PORT is set, and the Deployment does not set PORT. */
const SERVER_PORT = 8080;

interface Files {
  text: string;
  deployment: ManifestObject;
  service: ManifestObject;
}

/** Reads both files (not started while either still has the stub mark); each must hold exactly one object. */
function load(): Files {
  const dep = readExerciseFile(`${DIR}/deployment.yaml`, ID);
  const svc = readExerciseFile(`${DIR}/service.yaml`, ID);
  const one = (text: string, file: string, kind: string): ManifestObject => {
    const { objects, errors } = parseManifests(text, file);
    assert.equal(errors.length, 0, `${file} does not parse:\n${formatFindings(errors)}`);
    assert.equal(objects.length, 1, `${file} should hold exactly one object, got ${objects.length}`);
    assert.equal(objects[0].kind, kind, `${file} should hold a ${kind}, got ${objects[0].kind}`);
    return objects[0];
  };
  return {
    text: `${dep}\n---\n${svc}`,
    deployment: one(dep, "deployment.yaml", "Deployment"),
    service: one(svc, "service.yaml", "Service"),
  };
}

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj) : []);

function podSpec(d: ManifestObject): JsonObject {
  return obj(obj(obj(d.body.spec).template).spec);
}
function podLabels(d: ManifestObject): Record<string, unknown> {
  return obj(obj(obj(obj(d.body.spec).template).metadata).labels);
}
function container(d: ManifestObject): JsonObject {
  const cs = list(podSpec(d).containers);
  assert.equal(cs.length, 1, `the pod should run exactly one container (the server), got ${cs.length}`);
  return cs[0];
}

/** A port as a probe or a Service names it (a number, or a containerPort's name) -> the number, or undefined. */
function resolvePort(c: JsonObject, port: unknown): number | undefined {
  if (typeof port === "number") return port;
  if (typeof port === "string" && /^\d+$/.test(port)) return Number(port);
  const named = list(c.ports).find((p) => p.name === port);
  return typeof named?.containerPort === "number" ? named.containerPort : undefined;
}

/** "250m" -> 0.25 cores, "1" -> 1; "128Mi" -> bytes. Enough of Kubernetes' quantity syntax for requests/limits. */
function quantity(q: unknown): number {
  const s = String(q);
  const m = /^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$/.exec(s);
  assert.ok(m, `cannot read the quantity "${s}" (use e.g. 250m, 0.5, 128Mi, 1Gi)`);
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

test("the checker finds no errors and no warnings in deployment.yaml + service.yaml", () => {
  const { text } = load();
  const bad = checkManifests(text, { file: "week-04/app" }).filter((f) => f.severity !== "info");
  assert.equal(bad.length, 0, `expected no findings, got:\n${formatFindings(bad)}`);
});

test("the image is still study/forest-inference:0.1.0 and is not pulled from a registry (minikube image load)", () => {
  const c = container(load().deployment);
  assert.equal(c.image, IMAGE, `keep the image the task gives: expected ${IMAGE}, got ${String(c.image)}`);
  assert.ok(
    c.imagePullPolicy === "IfNotPresent" || c.imagePullPolicy === "Never",
    `the image exists only on minikube's node, so imagePullPolicy must be IfNotPresent or Never, got ${String(c.imagePullPolicy)} (Always -> ErrImagePull)`,
  );
});

test("the Service selects the Deployment's pods", () => {
  const { deployment, service } = load();
  const selector = obj(obj(service.body.spec).selector);
  const labels = podLabels(deployment);
  assert.ok(Object.keys(selector).length > 0, "the Service needs a selector, or it has no endpoints");
  for (const [k, v] of Object.entries(selector)) {
    assert.equal(
      String(labels[k]),
      String(v),
      `Service selector ${k}=${String(v)} but the pod template has ${k}=${String(labels[k])}: no pod would receive traffic`,
    );
  }
});

test("every Service port's targetPort reaches the server's port 8080", () => {
  const { deployment, service } = load();
  const c = container(deployment);
  const ports = list(obj(service.body.spec).ports);
  assert.ok(ports.length > 0, "the Service has no ports");
  for (const p of ports) {
    // Without targetPort, Kubernetes sends to the same number as `port`.
    const target = p.targetPort ?? p.port;
    assert.equal(
      resolvePort(c, target),
      SERVER_PORT,
      `Service port ${String(p.port)} forwards to targetPort ${String(target)}, which is not the container's ${SERVER_PORT}`,
    );
  }
  const declared = list(c.ports).map((p) => p.containerPort);
  assert.ok(
    declared.includes(SERVER_PORT),
    `the container should declare containerPort ${SERVER_PORT}, got ${declared.join(", ")}`,
  );
});

test("readiness and liveness probes GET /healthz on the server's port", () => {
  const c = container(load().deployment);
  for (const probe of ["readinessProbe", "livenessProbe"]) {
    const get = obj(obj(c[probe]).httpGet);
    assert.equal(get.path, "/healthz", `${probe}.httpGet.path: expected /healthz, got ${String(get.path)}`);
    assert.equal(
      resolvePort(c, get.port),
      SERVER_PORT,
      `${probe}.httpGet.port ${String(get.port)} does not resolve to ${SERVER_PORT}: the probe would fail and ${probe === "livenessProbe" ? "restart the pod forever" : "keep it out of the Service"}`,
    );
  }
});

test("cpu and memory requests and limits are set, with requests <= limits", () => {
  const res = obj(container(load().deployment).resources);
  for (const r of ["cpu", "memory"]) {
    const req = obj(res.requests)[r];
    const lim = obj(res.limits)[r];
    assert.ok(
      req !== undefined && lim !== undefined,
      `resources.requests.${r} and resources.limits.${r} are both needed`,
    );
    assert.ok(
      quantity(req) > 0 && quantity(req) <= quantity(lim),
      `${r}: request ${String(req)} must be positive and at most the limit ${String(lim)} (the API server rejects request > limit)`,
    );
  }
});

test("at least two replicas, so one crash or node drain does not take the service down", () => {
  const replicas = obj(load().deployment.body.spec).replicas;
  assert.ok(typeof replicas === "number" && replicas >= 2, `spec.replicas: expected >= 2, got ${String(replicas)}`);
});
