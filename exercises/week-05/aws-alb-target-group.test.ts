// Grades exercises/week-05/aws-alb-target-group.ts (and proves solutions/week-05/aws-alb-target-group.ts with the very
// same file). The configuration is checked against AWS's documented limits, then USED: requests are routed through
// the listeners, health checks are played out over time, and the Ingress is parsed with the `yaml` package, checked
// with the project's Kubernetes checks next to the API's Deployment and Service, and translated the way the AWS Load
// Balancer Controller does it, so its routing can be compared with the listeners request by request.
import assert from "node:assert/strict";
import { test } from "vitest";
import { parseAllDocuments } from "yaml";
import {
  type AlbRequest,
  healthCheckFromAnnotations,
  healthTimeline,
  listenersFromIngress,
  matcherCodes,
  type RouteDecision,
  routeRequest,
  type TargetGroupSpec,
  validateListeners,
  validateTargetGroup,
} from "../../src/aws/network-alb";
import { checkManifests, formatFindings } from "../../src/infra/k8s";
import {
  albIngressAnnotations,
  capstoneIngressYaml,
  capstoneListeners,
  capstoneTargetGroup,
  type IngressOptions,
} from "./aws-alb-target-group";

const VPC = "vpc-0a1b2c3d4e5f60718";
const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const TG_ARN = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/inference-api-tg/73e2d6bc24d8a067";
const A = "alb.ingress.kubernetes.io/";

/** The capstone API as it runs in the cluster: pods on 8080 with a /readyz readiness probe, a Service on port 80. */
const API_MANIFESTS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: inference-api
  namespace: ml-serving
spec:
  replicas: 2
  selector:
    matchLabels: { app: inference-api }
  template:
    metadata:
      labels: { app: inference-api }
    spec:
      securityContext: { runAsNonRoot: true, runAsUser: 1000 }
      containers:
        - name: api
          image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/inference-api:1.4.2
          ports:
            - { name: http, containerPort: 8080 }
          readinessProbe:
            httpGet: { path: /readyz, port: http }
            periodSeconds: 5
          livenessProbe:
            httpGet: { path: /healthz, port: http }
          resources:
            requests: { cpu: 250m, memory: 256Mi }
            limits: { cpu: "1", memory: 512Mi }
          securityContext:
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: { drop: [ALL] }
---
apiVersion: v1
kind: Service
metadata:
  name: inference-api
  namespace: ml-serving
spec:
  selector: { app: inference-api }
  ports:
    - { name: http, port: 80, targetPort: http }
`;

const OPTIONS: IngressOptions = {
  name: "inference-api",
  namespace: "ml-serving",
  serviceName: "inference-api",
  servicePort: 80,
  certificateArn: CERT,
  vpcId: VPC,
};

/** Requests every configuration must route the same way: the API's paths, near misses, and private endpoints. */
const PATHS = [
  "/predict",
  "/predict/batch",
  "/predictions",
  "/model",
  "/model/",
  "/model/v2",
  "/Predict",
  "/metrics",
  "/docs",
  "/readyz",
  "/",
];

function requests(): AlbRequest[] {
  return PATHS.flatMap((path) => [
    { protocol: "HTTPS" as const, port: 443, path, host: "api.example.com" },
    { protocol: "HTTP" as const, port: 80, path, host: "api.example.com" },
  ]);
}

/** A decision without the rule priority (priorities are the author's choice). */
function outcome(d: RouteDecision): string {
  switch (d.kind) {
    case "forward":
      return `forward to ${d.targetGroupArn}`;
    case "redirect":
      return `${d.statusCode} redirect to ${d.location}`;
    case "fixed-response":
      return `fixed ${d.statusCode}`;
    default:
      return "no listener";
  }
}

function expected(req: AlbRequest): string {
  if (req.protocol === "HTTP") return `301 redirect to https://api.example.com:443${req.path}`;
  const api = req.path.startsWith("/predict") || req.path === "/model";
  return api ? `forward to ${TG_ARN}` : "fixed 404";
}

function parseIngress(text: string): Record<string, unknown> {
  assert.equal(typeof text, "string", "capstoneIngressYaml returns YAML text");
  const docs = parseAllDocuments(text);
  assert.ok(!Array.isArray(docs) || docs.length === 1, "exactly one YAML document");
  const [doc] = Array.isArray(docs) ? docs : [docs];
  assert.deepEqual(doc.errors.map(String), [], "the YAML parses without errors");
  return doc.toJS() as Record<string, unknown>;
}

test("the target group: HTTP to pods on 8080 (target type ip), GET /readyz accepting only 200, within AWS's limits", () => {
  const tg = capstoneTargetGroup(VPC);
  assert.deepEqual(validateTargetGroup(tg), [], "AWS would refuse this target group");
  assert.equal(tg.Name, "inference-api-tg");
  assert.equal(tg.VpcId, VPC, "the VPC passed in");
  assert.equal(tg.Protocol, "HTTP", "TLS ends at the ALB; it talks HTTP to the pods");
  assert.equal(tg.Port, 8080, "with target type ip the ALB connects straight to the pod port");
  assert.equal(tg.TargetType, "ip");
  assert.equal(tg.HealthCheckProtocol, "HTTP");
  assert.equal(
    tg.HealthCheckPath,
    "/readyz",
    "readiness, not liveness: a pod that cannot serve yet must get no traffic",
  );
  assert.ok(
    ["traffic-port", "8080"].includes(tg.HealthCheckPort),
    `HealthCheckPort: traffic-port or 8080, got ${tg.HealthCheckPort}`,
  );
  assert.deepEqual(
    matcherCodes(tg.Matcher.HttpCode),
    [200],
    `the matcher accepts only 200, got "${tg.Matcher.HttpCode}"`,
  );
  assert.ok(tg.HealthCheckTimeoutSeconds < tg.HealthCheckIntervalSeconds, "timeout < interval");
  assert.equal(
    capstoneTargetGroup("vpc-0123456789abcdef0").VpcId,
    "vpc-0123456789abcdef0",
    "the VpcId comes from the argument",
  );
});

test("health checks: a broken pod is out within 30 s, a new one in within 30 s, and a 3.5 s answer still passes", () => {
  const tg = capstoneTargetGroup(VPC);
  const interval = tg.HealthCheckIntervalSeconds;
  // The pod breaks at t = 120 s: every later check gets 503.
  const broken = healthTimeline(tg, (t) => ({ status: t < 120 ? 200 : 503, latencyMs: 15 }), 300);
  const firstFail = broken.t.find((t) => t >= 120) as number;
  const outAt = broken.t[broken.state.indexOf("unhealthy")];
  assert.ok(outAt !== undefined, "the broken pod must become unhealthy");
  assert.ok(
    outAt - firstFail <= 30,
    `unhealthy ${outAt - firstFail} s after the first failed check (${tg.UnhealthyThresholdCount} failures × ${interval} s apart); must be ≤ 30 s`,
  );
  const inAt = broken.t[broken.state.indexOf("healthy")];
  assert.ok(
    inAt !== undefined && inAt <= 30,
    `a new pod must be healthy within 30 s of its first passing check, got ${inAt} s`,
  );
  const slow = healthTimeline(tg, () => ({ status: 200, latencyMs: 3500 }), 120);
  assert.ok(slow.passed.every(Boolean), `a 200 in 3.5 s must pass: the timeout is ${tg.HealthCheckTimeoutSeconds} s`);
  const wrongCode = healthTimeline(tg, () => ({ status: 204, latencyMs: 10 }), 120);
  assert.ok(!wrongCode.state.includes("healthy"), "204 is not 200: only 200 counts as ready");
});

test("listeners: AWS accepts them; /predict* and /model reach the API, all else gets 404, HTTP redirects to HTTPS", () => {
  const listeners = capstoneListeners(CERT, TG_ARN);
  assert.deepEqual(validateListeners(listeners), [], "AWS would refuse these listeners");
  assert.equal(listeners.length, 2, "HTTPS 443 and HTTP 80");
  const https = listeners.find((l) => l.Protocol === "HTTPS" && l.Port === 443);
  assert.ok(https, "an HTTPS listener on 443");
  assert.deepEqual(https.Certificates, [{ CertificateArn: CERT }], "the certificate passed in");
  assert.ok(https.SslPolicy?.startsWith("ELBSecurityPolicy-"), `an explicit SSL policy, got ${https.SslPolicy}`);
  assert.equal(https.Rules.length, 1, "one rule with both paths");
  const http = listeners.find((l) => l.Protocol === "HTTP" && l.Port === 80);
  assert.ok(http, "an HTTP listener on 80");
  assert.equal(http.Rules.length, 0, "the HTTP listener has no rules: it only redirects");
  for (const req of requests()) {
    assert.equal(outcome(routeRequest(listeners, req)), expected(req), `${req.protocol} ${req.path}`);
  }
});

test("annotations: all strings, and the controller reads back the same health check, ports and redirect", () => {
  const tg = capstoneTargetGroup(VPC);
  const ann = albIngressAnnotations(tg, CERT);
  for (const [k, v] of Object.entries(ann)) {
    assert.ok(k.startsWith(A), `${k}: every key starts with ${A}`);
    assert.equal(typeof v, "string", `${k}: annotation values are strings, got ${typeof v}`);
  }
  assert.equal(ann[`${A}scheme`], "internet-facing");
  assert.equal(ann[`${A}target-type`], "ip");
  assert.equal(ann[`${A}certificate-arn`], CERT);
  assert.equal(ann[`${A}ssl-redirect`], "443");
  const ports = JSON.parse(ann[`${A}listen-ports`] ?? "null") as Record<string, number>[];
  const flat = ports.flatMap((o) => Object.entries(o).map(([p, n]) => `${p}:${n}`)).sort();
  assert.deepEqual(
    flat,
    ["HTTP:80", "HTTPS:443"],
    `listen-ports: expected HTTP 80 and HTTPS 443, got ${ann[`${A}listen-ports`]}`,
  );
  const read = healthCheckFromAnnotations({ metadata: { annotations: ann } });
  const { TargetType, ...health } = read;
  assert.equal(TargetType, "ip");
  for (const [k, v] of Object.entries(health)) {
    const mine = (tg as unknown as Record<string, unknown>)[k];
    assert.deepEqual(
      v,
      mine,
      `${k}: the controller would set ${JSON.stringify(v)}, the target group says ${JSON.stringify(mine)}`,
    );
  }
  // The annotations follow the target group they are given.
  const other: TargetGroupSpec = {
    ...tg,
    HealthCheckIntervalSeconds: 15,
    HealthCheckTimeoutSeconds: 6,
    UnhealthyThresholdCount: 2,
  };
  const again = healthCheckFromAnnotations({ metadata: { annotations: albIngressAnnotations(other, CERT) } });
  assert.equal(again.HealthCheckIntervalSeconds, 15, "healthcheck-interval-seconds comes from tg");
  assert.equal(again.HealthCheckTimeoutSeconds, 6, "healthcheck-timeout-seconds comes from tg");
  assert.equal(again.UnhealthyThresholdCount, 2, "unhealthy-threshold-count comes from tg");
});

test("the Ingress: one valid networking.k8s.io/v1 object that passes the Kubernetes checks beside the API", () => {
  const text = capstoneIngressYaml(OPTIONS);
  const ingress = parseIngress(text);
  const findings = checkManifests(`${API_MANIFESTS}---\n${text}`).filter((f) => f.severity === "error");
  assert.deepEqual(findings, [], `the Kubernetes checks found errors:\n${formatFindings(findings)}`);
  assert.equal(ingress.apiVersion, "networking.k8s.io/v1");
  assert.equal(ingress.kind, "Ingress");
  const meta = ingress.metadata as Record<string, unknown>;
  assert.equal(meta.name, OPTIONS.name);
  assert.equal(meta.namespace, OPTIONS.namespace);
  assert.deepEqual(
    meta.annotations,
    albIngressAnnotations(capstoneTargetGroup(VPC), CERT),
    "the annotations of albIngressAnnotations",
  );
  const spec = ingress.spec as {
    ingressClassName?: string;
    rules?: { http?: { paths?: Record<string, unknown>[] } }[];
  };
  assert.equal(
    spec.ingressClassName,
    "alb",
    "ingressClassName: alb (the annotation kubernetes.io/ingress.class is deprecated)",
  );
  const paths = (spec.rules ?? []).flatMap((r) => r.http?.paths ?? []);
  assert.ok(paths.length > 0, "at least one path");
  for (const p of paths) {
    assert.deepEqual(
      p.backend,
      { service: { name: "inference-api", port: { number: 80 } } },
      `path ${p.path}: the Service inference-api on its port 80`,
    );
  }
  // What ties the pieces together: the ALB health-checks the same endpoint as the kubelet's readiness probe, on the
  // pod port that the Service's targetPort names.
  const [deployment] = parseAllDocuments(API_MANIFESTS).map((d) => d.toJS());
  const container = deployment.spec.template.spec.containers[0];
  const annotations = meta.annotations as Record<string, string>;
  assert.equal(
    annotations[`${A}healthcheck-path`],
    container.readinessProbe.httpGet.path,
    "ALB health check = readiness probe",
  );
  assert.equal(capstoneTargetGroup(VPC).Port, container.ports[0].containerPort, "target group port = container port");
});

test("once translated by the Load Balancer Controller, the Ingress routes exactly like the listeners", () => {
  const ingress = parseIngress(capstoneIngressYaml({ ...OPTIONS, name: "api-public" }));
  const fromIngress = listenersFromIngress(ingress, (service, port) =>
    service === "inference-api" && port === 80 ? TG_ARN : `no target group for ${service}:${port}`,
  );
  assert.deepEqual(validateListeners(fromIngress), [], "the controller would build listeners AWS accepts");
  const mine = capstoneListeners(CERT, TG_ARN);
  for (const req of requests()) {
    const a = outcome(routeRequest(fromIngress, req));
    const b = outcome(routeRequest(mine, req));
    assert.equal(
      a,
      b,
      `${req.protocol} ${req.path}: your listeners say "${b}", your Ingress (as the controller builds it) says "${a}"`,
    );
  }
});
