// Grades exercises/week-07/capstone-minikube-overlay/ (and proves the solution twin with this same file).
// No cluster here: the overlay is rendered by the workspace's kustomize (src/infra/k8s/kustomize.ts) the way
// `kubectl kustomize` would, straight from the capstone's real base (capstone/k8s/base, ../../../ from both the
// exercise and the solution folder). The Kubernetes checks must find nothing; then each minikube requirement is
// checked on the rendered objects, against the base they were made from.
import assert from "node:assert/strict";
import { dirname, join, resolve } from "node:path";
import { test } from "vitest";
import { parse } from "yaml";
import { exerciseFile, readExerciseFile } from "../../../src/grader/exercise-file";
import {
  checkKustomization,
  formatFindings,
  type JsonObject,
  loadKustomization,
  type ManifestObject,
} from "../../../src/infra/k8s";
import { findRoot } from "../../../src/workspace/paths";

const ID = "capstone-minikube-overlay";
const FILE = "week-07/capstone-minikube-overlay/kustomization.yaml";
const ROOT = process.env.GRADE_ROOT ?? findRoot();
const BASE_DIR = join(ROOT, "capstone", "k8s", "base");
const LOCAL_IMAGE = "ml-capstone-api:local";
const NODE_PORT = 30080;

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj) : []);

interface Rendered {
  dir: string;
  kustomization: JsonObject;
  objects: ManifestObject[];
  base: ManifestObject[];
}

let cached: Rendered | undefined;

/** Renders the overlay and the base. Not started while kustomization.yaml still has the stub mark. */
function render(): Rendered {
  const text = readExerciseFile(FILE, ID);
  if (cached) return cached;
  const dir = dirname(exerciseFile(FILE));
  cached = {
    dir,
    kustomization: obj(parse(text)),
    objects: loadKustomization(dir).objects,
    base: loadKustomization(BASE_DIR).objects,
  };
  return cached;
}

function one(objects: ManifestObject[], kind: string): JsonObject {
  const found = objects.filter((o) => o.kind === kind);
  assert.equal(found.length, 1, `expected one ${kind} in the rendered overlay, got ${found.length}`);
  return found[0].body;
}

const spec = (o: JsonObject) => obj(o.spec);
const podSpec = (d: JsonObject) => obj(obj(spec(d).template).spec);
function api(d: JsonObject): JsonObject {
  const cs = list(podSpec(d).containers);
  assert.equal(cs.length, 1, `the pod runs exactly one container, got ${cs.length}`);
  return cs[0];
}

test("the overlay is built from the capstone's base folder, and the Kubernetes checks find nothing", () => {
  const { dir, kustomization } = render();
  const resources = [kustomization.resources, kustomization.bases].flatMap((x) => (Array.isArray(x) ? x : []));
  assert.ok(
    resources.some((r) => typeof r === "string" && resolve(dir, r) === BASE_DIR),
    `resources should list the base folder (capstone/k8s/base, relative to this folder), got ${JSON.stringify(resources)}: an overlay reuses the base, it never copies it`,
  );
  const findings = checkKustomization(dir);
  assert.equal(findings.length, 0, `expected no findings, got:\n${formatFindings(findings)}`);
});

test("the base is untouched: it still renders the production settings", () => {
  const { base } = render();
  assert.equal(
    api(one(base, "Deployment")).image,
    "ml-capstone-api:0.1.0",
    "edit the overlay, not the base: the image",
  );
  assert.equal(spec(one(base, "HorizontalPodAutoscaler")).minReplicas, 2, "edit the overlay, not the base: the HPA");
  assert.equal(spec(one(base, "PodDisruptionBudget")).minAvailable, 1, "edit the overlay, not the base: the PDB");
  assert.equal(spec(one(base, "Service")).type, "ClusterIP", "edit the overlay, not the base: the Service");
});

test("the same eight objects as the base, with the same names, in the namespace capstone", () => {
  const { objects, base } = render();
  const ids = (os: ManifestObject[]) => os.map((o) => `${o.kind}/${o.namespace ?? "-"}/${o.name}`).sort();
  assert.deepEqual(
    ids(objects),
    ids(base),
    "kinds, namespaces and names (a namePrefix or a new namespace is not needed here)",
  );
});

test(`the image is ${LOCAL_IMAGE} and is never pulled`, () => {
  const c = api(one(render().objects, "Deployment"));
  assert.equal(
    c.image,
    LOCAL_IMAGE,
    `image: expected ${LOCAL_IMAGE} (what minikube image build made), got ${String(c.image)}`,
  );
  assert.equal(
    c.imagePullPolicy,
    "Never",
    `imagePullPolicy: expected Never (the image is in no registry, and no pull should ever be tried), got ${String(c.imagePullPolicy)}`,
  );
});

test(`a NodePort Service on ${NODE_PORT}, still port 80 to the container's http port, and only that port`, () => {
  const s = spec(one(render().objects, "Service"));
  assert.equal(s.type, "NodePort", `Service type: expected NodePort, got ${String(s.type)}`);
  const ports = list(s.ports);
  assert.equal(
    ports.length,
    1,
    `expected exactly one port, got ${JSON.stringify(ports)}: did the patch add a port instead of changing the base's?`,
  );
  const [p] = ports;
  assert.equal(p.nodePort, NODE_PORT, `nodePort: expected ${NODE_PORT}, got ${String(p.nodePort)}`);
  assert.equal(p.port, 80);
  assert.equal(p.targetPort, "http");
  assert.equal(p.protocol ?? "TCP", "TCP");
});

test("one laptop node: the autoscaler runs 1 to at most 3 replicas of the same Deployment; no fixed replicas", () => {
  const { objects } = render();
  const hpa = spec(one(objects, "HorizontalPodAutoscaler"));
  assert.equal(hpa.minReplicas, 1, `minReplicas: expected 1, got ${String(hpa.minReplicas)}`);
  const max = Number(hpa.maxReplicas);
  assert.ok(max >= 1 && max <= 3, `maxReplicas: expected 1 to 3 on one node, got ${String(hpa.maxReplicas)}`);
  assert.equal(obj(hpa.scaleTargetRef).name, obj(one(objects, "Deployment").metadata).name);
  assert.equal(spec(one(objects, "Deployment")).replicas, undefined, "no spec.replicas: the autoscaler owns the count");
});

test("with a single pod running, the disruption budget still allows one eviction (a node drain finishes)", () => {
  const pdb = spec(one(render().objects, "PodDisruptionBudget"));
  const hasMin = pdb.minAvailable !== undefined && pdb.minAvailable !== null;
  const hasMax = pdb.maxUnavailable !== undefined && pdb.maxUnavailable !== null;
  assert.ok(
    hasMin !== hasMax,
    `exactly one of minAvailable and maxUnavailable (the API refuses both), got ${JSON.stringify(pdb)}`,
  );
  // Allowed disruptions with 1 healthy pod, as the disruption controller computes them (percentages round up).
  const pods = 1;
  const count = (v: unknown) =>
    typeof v === "string" && v.endsWith("%") ? Math.ceil((pods * Number(v.slice(0, -1))) / 100) : Number(v);
  const allowed = hasMin ? pods - count(pdb.minAvailable) : count(pdb.maxUnavailable);
  assert.ok(
    allowed >= 1,
    `with 1 pod the budget allows ${allowed} evictions: \`kubectl drain\` of the node (a node upgrade) would retry forever`,
  );
  assert.deepEqual(
    obj(pdb.selector),
    obj(one(render().base, "PodDisruptionBudget").spec).selector,
    "the selector is the base's",
  );
});

test("the rest is the base's: probes, security context, resources, the hashed ConfigMap reference", () => {
  const { objects, base } = render();
  const [mine, theirs] = [api(one(objects, "Deployment")), api(one(base, "Deployment"))];
  for (const field of [
    "readinessProbe",
    "livenessProbe",
    "startupProbe",
    "securityContext",
    "resources",
    "ports",
    "volumeMounts",
  ]) {
    assert.deepEqual(mine[field], theirs[field], `container.${field} should stay as the base has it`);
  }
  assert.deepEqual(
    podSpec(one(objects, "Deployment")).securityContext,
    podSpec(one(base, "Deployment")).securityContext,
  );
  const cm = obj(one(objects, "ConfigMap").metadata).name;
  const ref = obj(list(mine.envFrom)[0]?.configMapRef).name;
  assert.equal(ref, cm, "envFrom names the rendered (hashed) ConfigMap");
});
