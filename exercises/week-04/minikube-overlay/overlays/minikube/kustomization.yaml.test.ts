// Grades exercises/week-04/minikube-overlay/overlays/minikube/ (and proves the solution twin with this same file).
// No cluster here: the overlay is rendered by the workspace's kustomize (src/infra/k8s/kustomize.ts) the way
// `kubectl kustomize` would, the Kubernetes checker must find nothing in the result, and each minikube requirement is
// checked on the rendered objects, against the base they were made from.
// The base is a given file that lives only under exercises/, so the overlay is laid next to a copy of it in a
// temporary folder and rendered there, with the same ../../base path it uses in the repository.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { parse } from "yaml";
import { exerciseFile, readExerciseFile } from "../../../../../src/grader/exercise-file";
import type { JsonObject, ManifestObject } from "../../../../../src/infra/k8s";
import { checkManifests, formatFindings, loadKustomization } from "../../../../../src/infra/k8s";
import { findRoot } from "../../../../../src/workspace/paths";

const ID = "minikube-overlay";
const DIR = "week-04/minikube-overlay";
const OVERLAY = `${DIR}/overlays/minikube`;
const LOCAL_IMAGE = "study/forest-inference:0.1.0";
const MAX_CPU = 0.25;
const MAX_MEMORY = 256 * 1024 ** 2;

const scratch = mkdtempSync(join(tmpdir(), "minikube-overlay-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj) : []);

interface Rendered {
  kustomization: JsonObject;
  objects: ManifestObject[];
  base: ManifestObject[];
  layoutErrors: string;
}

let cached: Rendered | undefined;

/** Copies base + overlay into a scratch folder and renders both. Not started while kustomization.yaml has the mark. */
function render(): Rendered {
  const text = readExerciseFile(`${OVERLAY}/kustomization.yaml`, ID);
  if (cached) return cached;
  const root = join(scratch, "tree");
  rmSync(root, { recursive: true, force: true });
  cpSync(join(process.env.GRADE_ROOT ?? findRoot(), "exercises", DIR, "base"), join(root, "base"), { recursive: true });
  const from = exerciseFile(OVERLAY);
  const to = join(root, "overlays", "minikube");
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    if (!name.endsWith(".ts")) cpSync(join(from, name), join(to, name), { recursive: true });
  }
  const overlay = loadKustomization(to);
  const base = loadKustomization(join(root, "base"));
  cached = {
    kustomization: obj(parse(text)),
    objects: overlay.objects,
    base: base.objects,
    layoutErrors: overlay.errors.length ? formatFindings(overlay.errors) : "",
  };
  return cached;
}

function one(objects: ManifestObject[], kind: string): ManifestObject {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} in the rendered overlay, got ${found.length}`);
  return found[0];
}

function server(d: ManifestObject): JsonObject {
  const cs = list(obj(obj(obj(d.body.spec).template).spec).containers);
  assert.equal(cs.length, 1, `the pod should still run exactly one container, got ${cs.length}`);
  return cs[0];
}

/** "250m" -> 0.25, "1" -> 1, "128Mi" -> bytes: enough of Kubernetes' quantities for requests and limits. */
function quantity(q: unknown): number {
  const m = /^(\d+(?:\.\d+)?)(m|k|M|G|Ki|Mi|Gi)?$/.exec(String(q));
  assert.ok(m, `cannot read the quantity "${String(q)}" (use e.g. 250m, 0.5, 128Mi, 1Gi)`);
  const mult: Record<string, number> = { m: 1e-3, k: 1e3, M: 1e6, G: 1e9, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3 };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

test("the overlay builds from ../../base with no layout errors", () => {
  const r = render();
  assert.equal(r.layoutErrors, "", `kustomize could not build the overlay:\n${r.layoutErrors}`);
  const resources = [r.kustomization.resources, r.kustomization.bases].flatMap((x) => (Array.isArray(x) ? x : []));
  assert.ok(
    resources.some((x) => typeof x === "string" && /^(\.\.\/){2}base\/?$/.test(x)),
    `resources should list the base folder (../../base), got ${JSON.stringify(r.kustomization.resources)}: an overlay reuses the base, it never copies it`,
  );
});

test("the checker finds no errors and no warnings in what the overlay renders", () => {
  const bad = checkManifests(render().objects).filter((f) => f.severity !== "info");
  assert.equal(bad.length, 0, `expected no findings, got:\n${formatFindings(bad)}`);
});

test("the base is untouched: it still renders the production settings", () => {
  const { base } = render();
  const dep = one(base, "Deployment");
  const c = server(dep);
  assert.equal(obj(dep.body.spec).replicas, 3, "edit the overlay, not the base: the base Deployment has 3 replicas");
  assert.equal(
    c.image,
    "ghcr.io/study/forest-inference:0.1.0",
    "edit the overlay, not the base: the base image changed",
  );
  assert.equal(
    obj(one(base, "Service").body.spec).type,
    "LoadBalancer",
    "edit the overlay, not the base: Service type",
  );
});

test("the same three objects as the base (a Namespace may be added)", () => {
  const kinds = render()
    .objects.map((o) => o.kind)
    .filter((k) => k !== "Namespace")
    .sort();
  assert.deepEqual(kinds, ["ConfigMap", "Deployment", "Service"], `rendered kinds: ${kinds.join(", ")}`);
});

test("the image is the one loaded into minikube, with a fixed tag, never pulled from a registry", () => {
  const c = server(one(render().objects, "Deployment"));
  assert.equal(
    c.image,
    LOCAL_IMAGE,
    `image: expected ${LOCAL_IMAGE} (what minikube image load put on the node), got ${String(c.image)}`,
  );
  assert.ok(
    c.imagePullPolicy === "IfNotPresent" || c.imagePullPolicy === "Never",
    `imagePullPolicy must be IfNotPresent or Never for an image that is in no registry, got ${String(c.imagePullPolicy)} (Always -> ErrImagePull)`,
  );
});

test("one replica", () => {
  const replicas = obj(one(render().objects, "Deployment").body.spec).replicas;
  assert.equal(replicas, 1, `spec.replicas: expected 1 on a one-node laptop cluster, got ${String(replicas)}`);
});

test("requests small enough for a laptop, below production's, and limits >= requests", () => {
  const { objects, base } = render();
  const res = obj(server(one(objects, "Deployment")).resources);
  const baseReq = obj(obj(server(one(base, "Deployment")).resources).requests);
  for (const [r, max] of [
    ["cpu", MAX_CPU],
    ["memory", MAX_MEMORY],
  ] as const) {
    const req = obj(res.requests)[r];
    const lim = obj(res.limits)[r];
    assert.ok(req !== undefined && lim !== undefined, `resources.requests.${r} and limits.${r} are both needed`);
    const q = quantity(req);
    assert.ok(
      q > 0 && q <= max,
      `requests.${r} ${String(req)} should be positive and at most ${r === "cpu" ? "250m" : "256Mi"}`,
    );
    assert.ok(
      q < quantity(baseReq[r]),
      `requests.${r} ${String(req)} should be below production's ${String(baseReq[r])}`,
    );
    assert.ok(
      q <= quantity(lim),
      `requests.${r} ${String(req)} is above limits.${r} ${String(lim)}: the API server rejects that`,
    );
  }
});

test("a NodePort Service (minikube has no cloud load balancer)", () => {
  const spec = obj(one(render().objects, "Service").body.spec);
  assert.equal(spec.type, "NodePort", `Service type: expected NodePort, got ${String(spec.type)}`);
  for (const p of list(spec.ports)) {
    if (p.nodePort === undefined) continue;
    assert.ok(
      typeof p.nodePort === "number" && p.nodePort >= 30000 && p.nodePort <= 32767,
      `nodePort ${String(p.nodePort)} is outside the NodePort range 30000-32767`,
    );
  }
});

test("a namePrefix or a namespace keeps it apart, and the references follow the new names", () => {
  const { objects, base } = render();
  const baseNames = new Map(base.map((o) => [o.kind, o.name]));
  const renamed = objects.filter((o) => o.kind !== "Namespace" && o.name !== baseNames.get(o.kind));
  const namespaced = objects.filter((o) => o.kind !== "Namespace" && o.namespace && o.namespace !== "default");
  const total = objects.filter((o) => o.kind !== "Namespace").length;
  assert.ok(
    renamed.length === total || namespaced.length === total,
    `every object needs a namePrefix (names: ${objects.map((o) => o.name).join(", ")}) or a namespace other than default (namespaces: ${objects.map((o) => o.namespace ?? "-").join(", ")})`,
  );
  const ref = obj(list(server(one(objects, "Deployment")).envFrom)[0]?.configMapRef).name;
  assert.equal(ref, one(objects, "ConfigMap").name, "the Deployment's envFrom must name the rendered ConfigMap");
});
