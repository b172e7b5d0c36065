// Grades exercises/week-05/prometheus-scrape/prometheus.yml and deployment.yaml (and proves the solution twins with
// this same file). There is no Prometheus and no cluster here, so the grader does what they would do:
// 1. loads the config the way Prometheus does (src/infra/prometheus: strict keys, durations, relabel rules, RE2);
// 2. checks the Deployment with the Kubernetes checker and reads the annotations its PODS would carry;
// 3. runs Kubernetes pod discovery on pods made from your Deployment and on sample pods, applies your
//    relabel_configs with Prometheus's semantics, and compares the resulting scrape URLs and labels.
import assert from "node:assert/strict";
import { test } from "vitest";
import { parse } from "yaml";
import { readExerciseFile } from "../../../src/grader/exercise-file";
import type { JsonObject, ManifestObject } from "../../../src/infra/k8s";
import { checkManifests, formatFindings, parseManifests } from "../../../src/infra/k8s";
import {
  checkPrometheusConfig,
  formatPromFindings,
  type PodLike,
  parseDuration,
  podFromTemplate,
  podScrapeTargets,
  type ScrapeJob,
} from "../../../src/infra/prometheus";

const ID = "prometheus-scrape-config";
const DIR = "week-05/prometheus-scrape";
const JOB = "kubernetes-pods";
const NAMESPACE = "ml";
const METRICS_PORT = 9464;

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};

interface Files {
  configText: string;
  job: ScrapeJob;
  deployment: ManifestObject;
  deploymentText: string;
}

function load(): Files {
  const configText = readExerciseFile(`${DIR}/prometheus.yml`, ID);
  const deploymentText = readExerciseFile(`${DIR}/deployment.yaml`, ID);
  const { config, findings } = checkPrometheusConfig(configText, "prometheus.yml");
  const errors = findings.filter((f) => f.severity === "error");
  assert.equal(errors.length, 0, `Prometheus would refuse to load prometheus.yml:\n${formatPromFindings(errors)}`);
  const job = config?.scrape_configs.find((j) => j.job_name === JOB);
  assert.ok(
    job,
    `no scrape job named ${JOB}: got ${config?.scrape_configs.map((j) => j.job_name).join(", ") || "none"}`,
  );
  const { objects, errors: yamlErrors } = parseManifests(deploymentText, "deployment.yaml");
  assert.equal(yamlErrors.length, 0, `deployment.yaml does not parse:\n${formatFindings(yamlErrors)}`);
  assert.equal(objects.length, 1, `deployment.yaml should hold exactly one object, got ${objects.length}`);
  assert.equal(objects[0].kind, "Deployment", `deployment.yaml should hold a Deployment, got ${objects[0].kind}`);
  return { configText, job, deployment: objects[0], deploymentText };
}

/** Two pods as the ReplicaSet would create them from your pod template, in namespace ml. */
function yourPods(d: ManifestObject): PodLike[] {
  const template = obj(obj(d.body.spec).template) as unknown as Parameters<typeof podFromTemplate>[0];
  return ["10.244.0.11", "10.244.0.12"].map((ip, i) =>
    podFromTemplate(template, {
      name: `inference-api-7d9c5-${"ab"[i]}x2kq`,
      ip,
      namespace: NAMESPACE,
      owner: "inference-api-7d9c5",
    }),
  );
}

/** A sample pod in namespace ml with these annotations and container ports. */
function samplePod(name: string, ip: string, annotations: Record<string, string>, ports: number[]): PodLike {
  return podFromTemplate(
    {
      metadata: { labels: { app: name }, annotations },
      spec: { containers: [{ name: "main", ports: ports.map((containerPort) => ({ containerPort })) }] },
    },
    { name, ip, namespace: NAMESPACE },
  );
}

function urls(job: ScrapeJob, pods: PodLike[]): string[] {
  return podScrapeTargets(job, pods)
    .targets.map((t) => t.url)
    .sort();
}

test("Prometheus would load prometheus.yml: no errors and no warnings", () => {
  const { configText } = load();
  const { findings } = checkPrometheusConfig(configText, "prometheus.yml");
  assert.equal(findings.length, 0, `expected no findings, got:\n${formatPromFindings(findings)}`);
});

test("the kubernetes-pods job: role pod, its own 10s-60s scrape_interval, metrics_path /metrics", () => {
  const { job, configText } = load();
  assert.ok(
    job.kubernetes_sd_configs.some((k) => k.role === "pod"),
    `kubernetes_sd_configs needs role: pod (got ${job.kubernetes_sd_configs.map((k) => k.role).join(", ") || "none"})`,
  );
  // Read the job as written: the checked config has the global default filled in, which hides a missing key.
  const raw = (
    parse(configText) as { scrape_configs?: { job_name?: string; scrape_interval?: unknown }[] }
  ).scrape_configs?.find((j) => j.job_name === JOB);
  assert.ok(raw?.scrape_interval !== undefined, "set scrape_interval on the kubernetes-pods job itself (15s is usual)");
  const ms = parseDuration(job.scrape_interval) ?? 0;
  assert.ok(ms >= 10_000 && ms <= 60_000, `scrape_interval should be between 10s and 60s, got ${job.scrape_interval}`);
  assert.equal(job.metrics_path, "/metrics", `metrics_path: expected the default /metrics, got ${job.metrics_path}`);
});

test("deployment.yaml passes the Kubernetes checker and its pods carry the scrape annotations, as strings", () => {
  const { deployment, deploymentText } = load();
  const bad = checkManifests(deploymentText, { file: "deployment.yaml" }).filter((f) => f.severity !== "info");
  assert.equal(bad.length, 0, `expected no findings, got:\n${formatFindings(bad)}`);
  const podAnnotations = obj(obj(obj(obj(deployment.body.spec).template).metadata).annotations);
  const ownAnnotations = obj(obj(deployment.body.metadata).annotations);
  assert.ok(
    Object.keys(podAnnotations).length > 0,
    Object.keys(ownAnnotations).length > 0
      ? "the annotations are on the Deployment's own metadata: pods do not inherit them. Put them under spec.template.metadata.annotations"
      : "add the annotations under spec.template.metadata.annotations",
  );
  const want = {
    "prometheus.io/scrape": "true",
    "prometheus.io/port": String(METRICS_PORT),
    "prometheus.io/path": "/metrics",
  };
  for (const [k, v] of Object.entries(want)) {
    assert.equal(
      podAnnotations[k],
      v,
      `pod annotation ${k}: expected "${v}" (a string), got ${JSON.stringify(podAnnotations[k])}`,
    );
  }
});

test("your pods: one target each, on the metrics port and path, labelled with namespace and pod", () => {
  const { job, deployment } = load();
  const pods = yourPods(deployment);
  const { targets } = podScrapeTargets(job, pods);
  assert.deepEqual(
    targets.map((t) => t.url).sort(),
    [`http://10.244.0.11:${METRICS_PORT}/metrics`, `http://10.244.0.12:${METRICS_PORT}/metrics`],
    "each pod has two container ports (8080, 9464): both must become the single annotated metrics address",
  );
  for (const t of targets) {
    const pod = pods.find((p) => t.url.includes(String(p.status?.podIP)));
    assert.equal(t.labels.job, JOB);
    assert.equal(t.labels.namespace, NAMESPACE, `label namespace: expected ${NAMESPACE}, got ${t.labels.namespace}`);
    assert.equal(t.labels.pod, pod?.metadata.name, `label pod: expected ${pod?.metadata.name}, got ${t.labels.pod}`);
  }
});

test('pods that did not opt in are not scraped: no annotation, or prometheus.io/scrape other than "true"', () => {
  const { job } = load();
  const got = urls(job, [
    samplePod("redis", "10.244.0.20", {}, [6379]),
    samplePod("batch", "10.244.0.21", { "prometheus.io/scrape": "false", "prometheus.io/port": "9100" }, [9100]),
    samplePod("shouty", "10.244.0.22", { "prometheus.io/scrape": "TRUE!" }, [9100]),
  ]);
  assert.deepEqual(got, [], `these pods should be dropped by a keep step, but would be scraped at: ${got.join(", ")}`);
});

test("port and path come from each pod's own annotations, with the job's defaults when a pod sets none", () => {
  const { job } = load();
  assert.deepEqual(
    urls(job, [
      samplePod(
        "exporter",
        "10.244.0.30",
        { "prometheus.io/scrape": "true", "prometheus.io/port": "9100", "prometheus.io/path": "/stats" },
        [8000, 9100],
      ),
    ]),
    ["http://10.244.0.30:9100/stats"],
    "a pod annotated port 9100, path /stats",
  );
  assert.deepEqual(
    urls(job, [samplePod("plain-metrics", "10.244.0.31", { "prometheus.io/scrape": "true" }, [8000])]),
    ["http://10.244.0.31:8000/metrics"],
    "a pod with no port or path annotation keeps its declared port and the job's /metrics",
  );
  assert.deepEqual(
    urls(job, [
      samplePod("no-ports", "10.244.0.32", { "prometheus.io/scrape": "true", "prometheus.io/port": "9102" }, []),
    ]),
    ["http://10.244.0.32:9102/metrics"],
    "a container that declares no ports is discovered as a bare IP (10.244.0.32): the port annotation must still apply",
  );
});

test("the checker catches the classic mistake in a copy of your config: the raw annotation name", () => {
  const { configText } = load();
  assert.ok(
    configText.includes("__meta_kubernetes_pod_annotation_prometheus_io_scrape"),
    "your config should read __meta_kubernetes_pod_annotation_prometheus_io_scrape",
  );
  const broken = configText.replace(
    /__meta_kubernetes_pod_annotation_prometheus_io_scrape/g,
    "__meta_kubernetes_pod_annotation_prometheus.io/scrape",
  );
  const hits = checkPrometheusConfig(broken).findings.filter((f) => f.rule === "PROM010");
  assert.ok(hits.length > 0, "expected PROM010 on the copy that uses the unsanitized annotation name");
  assert.match(hits[0].message, /prometheus_io_scrape/);
});
