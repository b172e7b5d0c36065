// Kubernetes pod discovery and target building, checked against the behaviour documented for role: pod (one target
// per container port, the bare pod IP for a container without ports, sanitized annotation names) and against
// Prometheus's target rules (defaults, __ labels removed, instance = address, identical targets collapsed).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import {
  checkPrometheusConfig,
  isKubernetesMetaLabel,
  type PodLike,
  podFromTemplate,
  podScrapeTargets,
  podTargets,
  type ScrapeJob,
  sanitizeLabelName,
  scrapeTargets,
} from "./index";

const GOOD = readFileSync(join(process.cwd(), "src/infra/prometheus/fixtures/good.yml"), "utf8");

function job(name: string): ScrapeJob {
  const j = checkPrometheusConfig(GOOD).config?.scrape_configs.find((x) => x.job_name === name);
  assert.ok(j, `job ${name} in good.yml`);
  return j;
}

function pod(name: string, annotations: Record<string, string>, opts: Partial<{ ns: string; ip: string }> = {}) {
  return podFromTemplate(
    {
      metadata: { labels: { app: "inference-api", "app.kubernetes.io/version": "1.2.0" }, annotations },
      spec: {
        containers: [
          {
            name: "api",
            image: "study/inference-api:1.2.0",
            ports: [
              { name: "http", containerPort: 8080 },
              { name: "metrics", containerPort: 9464 },
            ],
          },
        ],
      },
    },
    { name, ip: opts.ip ?? "10.244.0.7", namespace: opts.ns ?? "ml", owner: "inference-api-5d8f7" },
  );
}
const ANNOTATED = { "prometheus.io/scrape": "true", "prometheus.io/port": "9464", "prometheus.io/path": "/metrics" };

describe("role: pod discovery", () => {
  test("one target per container port, with sanitized label and annotation names", () => {
    const t = podTargets(pod("api-1", ANNOTATED));
    assert.deepEqual(
      t.map((x) => x.__address__),
      ["10.244.0.7:8080", "10.244.0.7:9464"],
    );
    const first = t[0];
    assert.equal(first.__meta_kubernetes_pod_annotation_prometheus_io_scrape, "true");
    assert.equal(first.__meta_kubernetes_pod_annotationpresent_prometheus_io_port, "true");
    assert.equal(first.__meta_kubernetes_pod_label_app_kubernetes_io_version, "1.2.0");
    assert.equal(first.__meta_kubernetes_pod_container_port_name, "http");
    assert.equal(first.__meta_kubernetes_pod_container_port_protocol, "TCP");
    assert.equal(first.__meta_kubernetes_pod_controller_kind, "ReplicaSet");
    assert.equal(first.__meta_kubernetes_pod_ready, "true");
    assert.equal(first.__meta_kubernetes_namespace, "ml");
    for (const name of Object.keys(first)) {
      if (name.startsWith("__meta_kubernetes_"))
        assert.ok(isKubernetesMetaLabel("pod", name), `${name} is a pod label`);
    }
  });
  test("a container without ports gives the bare pod IP; a pod without an IP gives nothing", () => {
    const p: PodLike = {
      metadata: { name: "sidecar" },
      spec: { containers: [{ name: "log-shipper" }], initContainers: [{ name: "migrate" }] },
      status: { podIP: "10.244.0.9" },
    };
    const t = podTargets(p);
    assert.deepEqual(
      t.map((x) => [x.__address__, x.__meta_kubernetes_pod_container_init]),
      [
        ["10.244.0.9", "false"],
        ["10.244.0.9", "true"],
      ],
    );
    assert.deepEqual(podTargets({ ...p, status: {} }), []);
  });
  test("sanitizing and the meta label catalogue", () => {
    assert.equal(sanitizeLabelName("prometheus.io/scrape"), "prometheus_io_scrape");
    assert.ok(isKubernetesMetaLabel("pod", "__meta_kubernetes_pod_annotation_prometheus_io_scrape"));
    assert.ok(!isKubernetesMetaLabel("pod", "__meta_kubernetes_pod_annotation_prometheus.io/scrape"));
    assert.ok(!isKubernetesMetaLabel("pod", "__meta_kubernetes_service_name"));
    assert.ok(isKubernetesMetaLabel("endpoints", "__meta_kubernetes_pod_name"));
  });
});

describe("targets after relabeling", () => {
  test("the annotated pod: one target on the annotated port and path, with job/instance/namespace/pod", () => {
    const { targets, dropped } = podScrapeTargets(job("kubernetes-pods"), [pod("api-1", ANNOTATED)]);
    assert.equal(dropped.length, 0);
    // Both container ports are rewritten to :9464, giving two identical targets that collapse into one.
    assert.equal(targets.length, 1);
    assert.equal(targets[0].url, "http://10.244.0.7:9464/metrics");
    assert.deepEqual(targets[0].labels, {
      job: "kubernetes-pods",
      instance: "10.244.0.7:9464",
      namespace: "ml",
      pod: "api-1",
      app: "inference-api",
      app_kubernetes_io_version: "1.2.0",
    });
  });
  test("a pod without the annotation, one with scrape=false, and one in another namespace are not scraped", () => {
    const { targets, dropped } = podScrapeTargets(job("kubernetes-pods"), [
      pod("plain", {}),
      pod("opted-out", { ...ANNOTATED, "prometheus.io/scrape": "false" }),
      pod("elsewhere", ANNOTATED, { ns: "default" }),
    ]);
    assert.equal(targets.length, 0);
    assert.equal(dropped.length, 4, "two ports each for the two pods in ml; the default namespace is never watched");
  });
  test("a custom path and no port annotation: the path changes, each declared port is scraped", () => {
    const { targets } = podScrapeTargets(job("kubernetes-pods"), [
      pod("custom", { "prometheus.io/scrape": "true", "prometheus.io/path": "/internal/stats" }),
    ]);
    assert.deepEqual(
      targets.map((t) => t.url),
      ["http://10.244.0.7:8080/internal/stats", "http://10.244.0.7:9464/internal/stats"],
    );
  });
  test("static targets get job and instance; params become the query string", () => {
    const self = { ...job("prometheus"), params: { format: ["prometheus"] } };
    const { targets } = scrapeTargets(self, [{ __address__: "localhost:9090", role: "self" }]);
    assert.deepEqual(targets, [
      {
        url: "http://localhost:9090/metrics?format=prometheus",
        labels: { job: "prometheus", instance: "localhost:9090", role: "self" },
        discovered: { __address__: "localhost:9090", role: "self" },
      },
    ]);
  });
  test("a target without __address__ is dropped with a reason", () => {
    const { targets, dropped } = scrapeTargets({ ...job("prometheus"), relabel_configs: [] }, [{ role: "x" }]);
    assert.equal(targets.length, 0);
    assert.match(dropped[0].reason, /__address__/);
  });
});
