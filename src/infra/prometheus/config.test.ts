// The prometheus.yml checker: quiet on a good config, and every rule fires on a bad one with the right line.
// Expectations follow the configuration reference (prometheus.io/docs/prometheus/latest/configuration/
// configuration/) and what Prometheus itself refuses at load time (strict YAML, Config.Validate).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { checkPrometheusConfig, formatPromFindings, PROM_RULES } from "./index";

const GOOD = readFileSync(join(process.cwd(), "src/infra/prometheus/fixtures/good.yml"), "utf8");

/** A minimal valid pod job; each bad case edits one thing. */
function podJob(extra = "", relabel = KEEP): string {
  return `scrape_configs:
  - job_name: pods
    kubernetes_sd_configs:
      - role: pod
${extra}    relabel_configs:
${relabel}`;
}
const KEEP = `      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        regex: "true"
        action: keep
`;

function rulesOf(text: string): string[] {
  return checkPrometheusConfig(text).findings.map((f) => f.rule);
}

describe("the good config", () => {
  test("has no findings and its defaults are filled in", () => {
    const { config, findings } = checkPrometheusConfig(GOOD, "good.yml");
    assert.deepEqual(findings, [], formatPromFindings(findings));
    assert.ok(config);
    const [self, pods] = config.scrape_configs;
    assert.equal(self.scrape_interval, "30s", "inherits the global interval");
    assert.equal(self.metrics_path, "/metrics");
    assert.equal(self.scheme, "http");
    assert.equal(pods.scrape_interval, "15s");
    assert.equal(pods.scrape_timeout, "10s");
    assert.deepEqual(pods.kubernetes_sd_configs, [
      { role: "pod", namespaces: { names: ["ml"], own_namespace: false } },
    ]);
    assert.equal(pods.relabel_configs.length, 6);
    assert.equal(pods.line, 16);
  });
  test("a job interval below the global timeout lowers the default timeout to the interval", () => {
    const { config } = checkPrometheusConfig(
      "global: {scrape_interval: 1m, scrape_timeout: 10s}\nscrape_configs:\n  - job_name: fast\n    scrape_interval: 5s\n    static_configs: [{targets: ['a:1']}]\n",
    );
    assert.equal(config?.scrape_configs[0].scrape_timeout, "5s");
  });
});

describe("each rule fires on a bad config", () => {
  const cases: [string, string, string, number?][] = [
    ["PROM001", "scrape_configs:\n  - job_name: a\n   static_configs: []\n", "bad indentation"],
    ["PROM001", "just a string\n", "not a mapping"],
    ["PROM002", "global:\n  scrape_interal: 15s\n", "a typo in a global key", 2],
    ["PROM002", podJob("    scrape_intervall: 15s\n"), "a typo in a job key", 5],
    ["PROM002", podJob("", "      - source_label: [a]\n        target_label: b\n"), "source_label without s"],
    ["PROM002", "scrape_configs:\n  job_name: a\n", "scrape_configs is not a list"],
    ["PROM003", "global:\n  scrape_interval: 15\n", "a duration without a unit", 2],
    ["PROM003", podJob("    scrape_interval: 1.5s\n"), "a fractional duration"],
    ["PROM004", "scrape_configs:\n  - static_configs: [{targets: ['a:1']}]\n", "no job_name"],
    [
      "PROM004",
      "scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ['a:1']}]\n  - job_name: a\n    static_configs: [{targets: ['b:1']}]\n",
      "a duplicate job_name",
      4,
    ],
    ["PROM005", podJob("    scrape_interval: 10s\n    scrape_timeout: 15s\n"), "timeout above interval", 6],
    ["PROM006", podJob("", "      - source_labels: [a]\n        action: keeep\n"), "a misspelt action"],
    ["PROM006", "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n      - role: pods\n", "role pods"],
    ["PROM006", "scrape_configs:\n  - job_name: a\n    scheme: ftp\n    static_configs: [{targets: ['a:1']}]\n", "ftp"],
    [
      "PROM007",
      podJob("", `${KEEP}      - source_labels: [__address__]\n        regex: (?!x).*\n        action: drop\n`),
      "lookahead",
    ],
    ["PROM008", podJob("", `${KEEP}      - source_labels: [job.name]\n        target_label: b\n`), "dotted name"],
    [
      "PROM009",
      podJob("", `${KEEP}      - source_labels: [__meta_kubernetes_pod_name]\n`),
      "replace without target_label",
    ],
    [
      "PROM010",
      podJob(
        "",
        '      - source_labels: [__meta_kubernetes_pod_annotation_prometheus.io/scrape]\n        regex: "true"\n        action: keep\n',
      ),
      "the raw annotation name",
      6,
    ],
    [
      "PROM010",
      podJob("", `${KEEP}      - source_labels: [__meta_kubernetes_service_name]\n        target_label: service\n`),
      "a service label under role pod",
    ],
    [
      "PROM010",
      `${podJob()}    metric_relabel_configs:\n      - source_labels: [__meta_kubernetes_pod_name]\n        target_label: pod\n`,
      "a meta label after the scrape",
    ],
    ["PROM011", podJob("    metrics_path: metrics\n"), "a path without /"],
    [
      "PROM012",
      "scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: ['http://api:8080/metrics']\n",
      "a URL as target",
      4,
    ],
    ["PROM013", "scrape_configs:\n  - job_name: a\n    scrape_interval: 15s\n", "no targets at all"],
    ["PROM014", "scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs: [{role: pod}]\n", "no keep"],
  ];
  for (const [rule, text, what, line] of cases) {
    test(`${rule}: ${what}`, () => {
      const { findings } = checkPrometheusConfig(text);
      const hit = findings.find((f) => f.rule === rule);
      assert.ok(hit, `expected ${rule}, got:\n${formatPromFindings(findings)}`);
      if (line !== undefined) assert.equal(hit.line, line, `${rule} line`);
      assert.ok(hit.fix.length > 0, "every finding has a fix");
    });
  }
  test("every rule in the catalogue has a bad case above", () => {
    const covered = new Set(cases.map((c) => c[0]));
    assert.deepEqual(
      PROM_RULES.map((r) => r.id).filter((id) => !covered.has(id)),
      [],
    );
  });
});

describe("quiet where Prometheus is fine", () => {
  test("a label set by an earlier step may be read later (the __tmp_ idiom)", () => {
    const relabel = `${KEEP}      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_port]
        target_label: __tmp_port
      - source_labels: [__address__, __tmp_port]
        regex: ([^:]+)(?::\\d+)?;(\\d+)
        replacement: $1:$2
        target_label: __address__
`;
    assert.deepEqual(rulesOf(podJob("", relabel)), []);
  });
  test("scalars in string fields are read as strings, as Prometheus's YAML decoder does (regex: true)", () => {
    const relabel =
      "      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]\n        regex: true\n        action: keep\n";
    const { config, findings } = checkPrometheusConfig(podJob("", relabel));
    assert.deepEqual(findings, []);
    assert.equal(config?.scrape_configs[0].relabel_configs[0].regex, "true");
  });
  test("endpoints jobs may read pod and service labels", () => {
    const text = `scrape_configs:
  - job_name: eps
    kubernetes_sd_configs: [{role: endpoints}]
    relabel_configs:
      - source_labels: [__meta_kubernetes_service_annotation_prometheus_io_scrape]
        regex: "true"
        action: keep
      - source_labels: [__meta_kubernetes_pod_name]
        target_label: pod
`;
    assert.deepEqual(rulesOf(text), []);
  });
  test("an empty file is a finding, never a crash", () => {
    assert.deepEqual(rulesOf(""), ["PROM001"]);
  });
});

test("an invalid role is reported once, and the meta labels are still checked for sanitized names", () => {
  const text = `scrape_configs:
  - job_name: a
    kubernetes_sd_configs: [{role: pods}]
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus.io/scrape]
        regex: "true"
        action: keep
      - source_labels: [__meta_kubernetes_pod_name]
        target_label: pod
`;
  const { findings } = checkPrometheusConfig(text);
  assert.deepEqual(
    findings.map((f) => f.rule),
    ["PROM006", "PROM010"],
    formatPromFindings(findings),
  );
  assert.match(findings[1].message, /write __meta_kubernetes_pod_annotation_prometheus_io_scrape/);
});
