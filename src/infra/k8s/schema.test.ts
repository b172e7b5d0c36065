// Schema errors come from the real Kubernetes OpenAPI schemas (kubernetes-models), on the object's line, with the
// field path; plus the API-server checks the schema cannot express.
import assert from "node:assert/strict";
import { test } from "vitest";
import { schemaId, validatorFor } from "./models";
import { parseManifests } from "./parse";
import { validateSchemas } from "./schema";
import type { Finding } from "./types";

function schema(text: string): Finding[] {
  const { objects, errors } = parseManifests(text, "s.yaml");
  assert.deepEqual(errors, [], "fixture parses");
  return validateSchemas(objects);
}

const DEPLOY = `# comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{containerPort: 8080, protocol: TCP}]
          resources: {requests: {cpu: 100m, memory: 64Mi}}
`;

test("validators load for the kinds the course uses", () => {
  const kinds: [string, string][] = [
    ["apps/v1", "Deployment"],
    ["v1", "Service"],
    ["v1", "ConfigMap"],
    ["v1", "Secret"],
    ["autoscaling/v2", "HorizontalPodAutoscaler"],
    ["v1", "Pod"],
    ["v1", "Namespace"],
    ["networking.k8s.io/v1", "Ingress"],
    ["batch/v1", "CronJob"],
    ["apps/v1", "StatefulSet"],
  ];
  for (const [v, k] of kinds) assert.equal(typeof validatorFor(v, k), "function", `${v} ${k}`);
  assert.equal(schemaId("networking.k8s.io/v1", "Ingress"), "IoK8sApiNetworkingV1Ingress");
  assert.equal(validatorFor("example.com/v1", "Widget"), null);
});

test("a valid Deployment has no schema findings", () => {
  assert.deepEqual(schema(DEPLOY), []);
});

test('replicas: "three" is a type error at /spec/replicas on the object line', () => {
  const f = schema(DEPLOY.replace("replicas: 2", 'replicas: "three"'));
  assert.equal(f.length, 1, JSON.stringify(f));
  assert.equal(f[0].rule, "K8S003");
  assert.equal(f[0].severity, "error");
  assert.equal(f[0].line, 2);
  assert.equal(f[0].object, "Deployment/web");
  assert.equal(f[0].path, "/spec/replicas");
  assert.match(f[0].message, /integer/);
});

test("a container without image is rejected (API-server rule K8S006)", () => {
  const f = schema(DEPLOY.replace("          image: nginx:1.27\n", ""));
  assert.deepEqual(
    f.map((x) => [x.rule, x.path, x.line]),
    [["K8S006", "/spec/template/spec/containers/0/image", 2]],
  );
});

test("bad quantity, bad enum, string containerPort", () => {
  const f = schema(
    DEPLOY.replace("cpu: 100m", "cpu: lots").replace("protocol: TCP", "protocol: tcp").replace("8080", '"8080"'),
  );
  const paths = f.map((x) => x.path).sort();
  assert.deepEqual(paths, [
    "/spec/template/spec/containers/0/ports/0/containerPort",
    "/spec/template/spec/containers/0/ports/0/protocol",
    "/spec/template/spec/containers/0/resources/requests/cpu",
  ]);
  assert.ok(f.every((x) => x.rule === "K8S003"));
  assert.match(f.find((x) => x.path?.endsWith("cpu"))!.fix, /250m/);
});

test("a missing required field (Service port)", () => {
  const f = schema("apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  ports:\n    - name: http\n");
  assert.equal(f[0].rule, "K8S003");
  assert.equal(f[0].path, "/spec/ports/0/port");
  assert.match(f[0].message, /required/);
});

test("selector that does not match the template labels (K8S006)", () => {
  const f = schema(DEPLOY.replace("labels: {app: web}", "labels: {app: webb}"));
  assert.equal(f[0].rule, "K8S006");
  assert.equal(f[0].path, "/spec/selector/matchLabels");
});

test("invalid metadata.name (K8S006)", () => {
  const f = schema(DEPLOY.replace("name: web\nspec", "name: Web_App\nspec"));
  assert.equal(f[0].rule, "K8S006");
  assert.equal(f[0].path, "/metadata/name");
});

test("removed apiVersions and misspelt kinds are errors (K8S004); custom resources are info (K8S005)", () => {
  const f = schema(
    "apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Servic\nmetadata: {name: b}\n---\napiVersion: apps/v1\nkind: Service\nmetadata: {name: c}\n---\napiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: d}\n",
  );
  assert.deepEqual(
    f.map((x) => [x.rule, x.severity, x.line]),
    [
      ["K8S004", "error", 1],
      ["K8S004", "error", 5],
      ["K8S004", "error", 9],
      ["K8S005", "info", 13],
    ],
  );
  assert.match(f[0].fix, /apps\/v1/);
  assert.match(f[1].message, /did you mean Service/);
  assert.match(f[2].fix, /apiVersion: v1/);
});
