// A base plus dev/prod overlays renders the way `kubectl kustomize` would (for the supported subset), and the same
// checks run on the result. Layout mistakes are findings, not crashes.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "vitest";
import { checkManifests, formatFindings, loadKustomization, type ManifestObject, strategicMerge } from "./index";
import { isObject, type JsonObject } from "./types";

const ROOT = join(process.cwd(), "src/infra/k8s/fixtures/kustomize");

function get(objects: ManifestObject[], kind: string, name?: string): ManifestObject {
  const o = objects.find((x) => x.kind === kind && (name === undefined || x.name === name));
  assert.ok(o, `${kind}/${name ?? "*"} in ${objects.map((x) => `${x.kind}/${x.name}`).join(", ")}`);
  return o;
}

function container(o: ManifestObject): JsonObject {
  const spec = o.body.spec as JsonObject;
  const tpl = spec.template as JsonObject;
  return ((tpl.spec as JsonObject).containers as JsonObject[])[0];
}

function envFromName(o: ManifestObject): string {
  const ef = (container(o).envFrom as JsonObject[])[0];
  return (ef.configMapRef as JsonObject).name as string;
}

test("base renders its resources plus a hashed generated ConfigMap", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "base"));
  assert.deepEqual(errors, []);
  assert.deepEqual(objects.map((o) => o.kind).sort(), [
    "ConfigMap",
    "Deployment",
    "HorizontalPodAutoscaler",
    "Secret",
    "Service",
  ]);
  const cm = get(objects, "ConfigMap");
  assert.match(cm.name, /^api-config-[a-z0-9]{10}$/);
  assert.deepEqual(cm.body.data, { LOG_LEVEL: "info", MODEL_PATH: "/models/current" });
  const dep = get(objects, "Deployment", "api");
  assert.equal(envFromName(dep), cm.name, "the Deployment follows the generated name");
  // commonLabels reach metadata, the selector and the pod template.
  const spec = dep.body.spec as JsonObject;
  assert.equal(((spec.selector as JsonObject).matchLabels as JsonObject)["app.kubernetes.io/part-of"], "shop");
  assert.equal((get(objects, "Service").body.spec as JsonObject).selector && true, true);
  assert.equal(dep.file, "deployment.yaml");
  assert.equal(dep.line, 1);
  assert.deepEqual(checkManifests(objects), []);
});

test("dev overlay: prefix, namespace, image tag, merged generator", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "overlays/dev"));
  assert.deepEqual(errors, []);
  const dep = get(objects, "Deployment", "dev-api");
  assert.equal(dep.namespace, "shop-dev");
  assert.equal(container(dep).image, "shop/api:dev-4f2c1a");
  const cm = get(objects, "ConfigMap");
  assert.match(cm.name, /^dev-api-config-[a-z0-9]{10}$/);
  assert.deepEqual(cm.body.data, { LOG_LEVEL: "debug", MODEL_PATH: "/models/current" });
  assert.equal(envFromName(dep), cm.name);
  const hpa = get(objects, "HorizontalPodAutoscaler");
  assert.equal(((hpa.body.spec as JsonObject).scaleTargetRef as JsonObject).name, "dev-api");
  const secretRef = ((container(dep).env as JsonObject[])[0].valueFrom as JsonObject).secretKeyRef as JsonObject;
  assert.equal(secretRef.name, "dev-api-secrets");
  assert.equal(dep.file, "../../base/deployment.yaml", "findings point at the file that defines the object");
  assert.deepEqual(checkManifests(objects), []);
});

test("prod overlay: new image name+tag, strategic-merge resources, targeted HPA patch, labels", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "overlays/prod"));
  assert.deepEqual(errors, []);
  const dep = get(objects, "Deployment", "prod-api");
  const c = container(dep);
  assert.equal(c.image, "registry.example.com/shop/api:1.4.2");
  assert.deepEqual(c.resources, { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } });
  assert.ok(isObject(c.readinessProbe), "merging by container name keeps the other fields");
  const hpa = get(objects, "HorizontalPodAutoscaler", "prod-api");
  assert.equal((hpa.body.spec as JsonObject).minReplicas, 3);
  assert.equal((hpa.body.spec as JsonObject).maxReplicas, 20);
  assert.equal(((dep.body.metadata as JsonObject).labels as JsonObject).environment, "prod");
  // labels without includeSelectors leave selectors alone (changing them would orphan running pods).
  assert.equal(
    (((dep.body.spec as JsonObject).selector as JsonObject).matchLabels as JsonObject).environment,
    undefined,
  );
  assert.deepEqual(checkManifests(objects), []);
});

test("checks run on rendered output: a broken overlay patch is caught", () => {
  const { objects } = loadKustomization(join(ROOT, "overlays/prod"));
  const dep = get(objects, "Deployment", "prod-api");
  dep.body = strategicMerge(dep.body, {
    spec: { template: { spec: { containers: [{ name: "api", resources: { requests: null } }] } } },
  }) as JsonObject;
  const findings = checkManifests(objects);
  assert.deepEqual([...new Set(findings.map((f) => f.rule))].sort(), ["K8S022", "K8S051"]);
  assert.equal(findings.find((f) => f.rule === "K8S022")!.file, "../../base/deployment.yaml");
});

test("a cycle is a clear error", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "cycle-a"));
  assert.equal(objects.length, 0);
  assert.equal(errors.length, 1);
  assert.equal(errors[0].rule, "K8S060");
  assert.match(errors[0].message, /cycle: cycle-a -> \.\.\/cycle-b -> cycle-a/);
});

test("missing files, unmatched patches and unsupported features are reported with lines", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "broken"));
  assert.equal(objects.length, 5, "the valid base still renders");
  assert.deepEqual(
    errors.map((e) => `${e.rule}:${e.line}`),
    ["K8S060:2", "K8S061:4", "K8S060:6", "K8S060:7", "K8S061:15"],
    formatFindings(errors),
  );
  assert.match(errors[0].message, /missing\.yaml/);
  assert.match(errors[3].message, /Deployment\/not-there/);
  assert.match(errors[4].message, /components/);
  const missing = loadKustomization(join(ROOT, "no-such-dir"));
  assert.equal(missing.errors[0].rule, "K8S060");
  assert.match(missing.errors[0].message, /No kustomization\.yaml/);
});

test("strategicMerge: maps merge, scalars replace, null deletes, named lists merge by key", () => {
  const base: JsonObject = {
    spec: {
      replicas: 1,
      paused: false,
      template: {
        spec: {
          containers: [
            { name: "a", image: "a:1", ports: [{ containerPort: 80, name: "http" }] },
            { name: "b", image: "b:1" },
          ],
          tolerations: [{ key: "x" }],
        },
      },
    },
  };
  const before = JSON.stringify(base);
  const patch: JsonObject = {
    spec: {
      replicas: 3,
      paused: null,
      template: {
        spec: {
          containers: [
            { name: "a", image: "a:2", ports: [{ containerPort: 9090, name: "metrics" }] },
            { name: "b", $patch: "delete" },
            { name: "c", image: "c:1" },
          ],
          tolerations: [{ key: "y" }],
        },
      },
    },
  };
  assert.deepEqual(strategicMerge(base, patch), {
    spec: {
      replicas: 3,
      template: {
        spec: {
          containers: [
            {
              name: "a",
              image: "a:2",
              // The patch's items come first, then the base's others: the order `kubectl kustomize` renders.
              ports: [
                { containerPort: 9090, name: "metrics" },
                { containerPort: 80, name: "http" },
              ],
            },
            { name: "c", image: "c:1" },
          ],
          tolerations: [{ key: "y" }],
        },
      },
    },
  });
  assert.equal(JSON.stringify(base), before, "inputs are not modified");
});

test("JSON6902 patches (patches with a target, and patchesJson6902) edit single fields", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "overlays/local"));
  assert.deepEqual(errors, [], formatFindings(errors));
  const svc = get(objects, "Service", "local-api");
  assert.equal((svc.body.spec as JsonObject).type, "NodePort");
  assert.equal(((svc.body.spec as JsonObject).ports as JsonObject[])[0].nodePort, 30080);
  const dep = get(objects, "Deployment", "local-api");
  assert.equal(container(dep).imagePullPolicy, "Never");
  assert.equal((dep.body.spec as JsonObject).replicas, 1, "replicas found the Deployment by its pre-prefix name");
  assert.deepEqual(container(dep).env, [], "the only env entry was removed");
  assert.equal((get(objects, "HorizontalPodAutoscaler").body.spec as JsonObject).maxReplicas, 1);
  // The rename still reaches the HPA's target, after the patches ran on the old names.
  const hpaSpec = get(objects, "HorizontalPodAutoscaler").body.spec as JsonObject;
  assert.equal((hpaSpec.scaleTargetRef as JsonObject).name, "local-api");
});

test("files outside the kustomization, untargeted op lists and failing ops are K8S060 errors", () => {
  const { objects, errors } = loadKustomization(join(ROOT, "outside"));
  assert.deepEqual(
    objects.map((o) => o.kind),
    ["Service"],
    "the refused file is not rendered",
  );
  assert.deepEqual(
    errors.map((e) => `${e.rule}:${e.line}`),
    ["K8S060:5", "K8S060:8", "K8S060:9", "K8S060:13"],
    formatFindings(errors),
  );
  assert.match(errors[0].message, /outside this kustomization's folder/);
  assert.match(errors[1].message, /outside/);
  assert.match(errors[2].message, /without a target/);
  assert.match(errors[3].message, /op 1: replace \/spec\/externalName: \/spec\/externalName does not exist/);
});
