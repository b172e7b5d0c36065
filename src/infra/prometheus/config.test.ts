// The prometheus.yml checker: quiet on a good config, and every rule fires on a bad one with the right line.
// Expectations follow the configuration reference (prometheus.io/docs/prometheus/latest/configuration/
// configuration/) and what Prometheus itself refuses at load time (strict YAML, Config.Validate).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
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

describe("each rule fires on its bad fixture (fixtures/bad, also fed to promtool by npm run crosscheck)", () => {
  const dir = join(process.cwd(), "src/infra/prometheus/fixtures/bad");
  const cases = readdirSync(dir).map((name) => {
    const text = readFileSync(join(dir, name), "utf8");
    // The first line says what the fixture must produce: `# expect PROM002 at line 3: a typo in a global key`.
    const m = /^# expect (PROM\d{3})(?: at line (\d+))?: (.+)$/m.exec(text);
    assert.ok(m, `${name} starts with an "# expect PROMxxx: ..." line`);
    return { name, text, rule: m[1], line: m[2] === undefined ? undefined : Number(m[2]), what: m[3] };
  });
  for (const { name, text, rule, line, what } of cases) {
    test(`${rule}: ${what} (${name})`, () => {
      const { findings } = checkPrometheusConfig(text);
      const hit = findings.find((f) => f.rule === rule);
      assert.ok(hit, `expected ${rule}, got:\n${formatPromFindings(findings)}`);
      if (line !== undefined) assert.equal(hit.line, line, `${rule} line`);
      assert.ok(hit.fix.length > 0, "every finding has a fix");
    });
  }
  test("every rule in the catalogue has a bad fixture", () => {
    const covered = new Set(cases.map((c) => c.rule));
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
