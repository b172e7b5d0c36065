// The compose stack (api + Prometheus + Grafana): docker-compose.yml is valid by the Compose specification's own
// JSON schema, and the pieces point at each other correctly: Prometheus scrapes the api service on the API's port,
// Grafana's datasource is that Prometheus, the dashboard uses that datasource and that job, and every metric the
// dashboard and the alert rules query is one the API really exports.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { test } from "vitest";
import { parse } from "yaml";
import { createMetrics } from "../src/metrics";
import type { Readiness } from "../src/readiness";

const CAPSTONE = join(import.meta.dirname, "..");
const read = (p: string) => readFileSync(join(CAPSTONE, p), "utf8");
type Obj = Record<string, unknown>;
const at = (o: unknown, ...path: (string | number)[]): unknown =>
  path.reduce<unknown>((cur, k) => (cur === null || typeof cur !== "object" ? undefined : (cur as Obj)[k]), o);

const compose = parse(read("docker-compose.yml")) as Obj;
const services = compose.services as Record<string, Obj>;
const prometheus = parse(read("compose/prometheus/prometheus.yml")) as Obj;
const datasources = parse(read("compose/grafana/provisioning/datasources/prometheus.yml")) as Obj;
const providers = parse(read("compose/grafana/provisioning/dashboards/capstone.yml")) as Obj;
const dashboard = JSON.parse(read("compose/grafana/dashboards/capstone-api.json")) as Obj;
const rules = parse(read("compose/prometheus/rules/capstone-api.yml")) as Obj;

/** The vendored schema's identity: its module version, and a hash of its content that ignores formatting. */
const SCHEMA_MODULE = "github.com/compose-spec/compose-go/v2";
const SCHEMA_VERSION = "v2.16.2";
const SCHEMA_CANONICAL_SHA256 = "1c7af84d0e013c4f70281dfd036ced0978103788be09eb5e369700d7b50b2dec";

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v !== null && typeof v === "object")
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Obj)[k])}`)
      .join(",")}}`;
  return JSON.stringify(v);
}

function composeValidator() {
  const schema = JSON.parse(read("compose/compose-spec.json")) as Obj;
  // strictTypes off: the official schema uses union types and type-less keywords that Ajv's strict mode would
  // only warn about; every other strict check stays on.
  return new Ajv2020({ allErrors: true, strictTypes: false }).compile(schema);
}

/** Where a bind mount of `source` (relative to capstone/) lands in the service's container. */
function mountTarget(service: string, source: string): string | undefined {
  for (const v of (services[service].volumes as string[]) ?? []) {
    const [src, dst] = v.split(":");
    if (src === source) return dst;
  }
  return undefined;
}

test("compose-spec.json is the official schema from the Go module named in its source note", () => {
  const schema = JSON.parse(read("compose/compose-spec.json")) as Obj;
  assert.equal(schema.title, "Compose Specification");
  const hash = createHash("sha256").update(canonical(schema)).digest("hex");
  assert.equal(hash, SCHEMA_CANONICAL_SHA256, "the vendored schema's content changed");
  const note = read("compose/compose-spec.SOURCE.md");
  assert.ok(note.includes(SCHEMA_MODULE) && note.includes(SCHEMA_VERSION), "the note names module and version");
});

test("docker-compose.yml validates against the Compose specification", () => {
  const validate = composeValidator();
  const ok = validate(compose);
  assert.ok(ok, `schema errors: ${JSON.stringify(validate.errors, null, 1)}`);
  // The validator is live: a misspelt key (the classic `enviroment:`) is refused.
  const typo = structuredClone(compose) as { services: Record<string, Obj> };
  typo.services.api.enviroment = { LOG_LEVEL: "debug" };
  assert.equal(validate(typo), false, "a misspelt service key must fail the schema");
});

test("the api service builds capstone/Dockerfile from the repository root, hardened like the pod", () => {
  const api = services.api;
  const context = join(CAPSTONE, String(at(api, "build", "context")));
  assert.ok(
    existsSync(join(context, String(at(api, "build", "dockerfile")))),
    "build.dockerfile exists in the context",
  );
  assert.ok(existsSync(join(context, ".dockerignore")), "the context root has the .dockerignore");
  assert.equal(api.read_only, true);
  assert.deepEqual(api.cap_drop, ["ALL"]);
  assert.ok((api.tmpfs as string[]).includes("/tmp"));
  assert.match(
    readFileSync(join(context, "capstone/Dockerfile"), "utf8"),
    /^HEALTHCHECK /m,
    "service_healthy needs it",
  );
  for (const name of ["prometheus", "grafana"])
    assert.match(String(services[name].image), /:v?\d+\.\d+\.\d+$/, `${name} image pinned to a version`);
  for (const [name, svc] of Object.entries(services))
    for (const v of (svc.volumes as string[]) ?? [])
      if (v.startsWith("./")) assert.ok(existsSync(join(CAPSTONE, v.split(":")[0])), `${name}: ${v} exists`);
});

test("Prometheus scrapes the api service on the API's port and loads the mounted rules", () => {
  const jobs = prometheus.scrape_configs as Obj[];
  const job = jobs.find((j) => j.job_name === "capstone-api");
  assert.ok(job, "a capstone-api job");
  assert.equal(job.metrics_path, "/metrics");
  const targets = at(job, "static_configs", 0, "targets") as string[];
  const port = /^ENV[\s\S]*?PORT=(\d+)/m.exec(readFileSync(join(CAPSTONE, "Dockerfile"), "utf8"))?.[1];
  assert.deepEqual(targets, [`api:${port}`], "the compose service name and the image's PORT");
  assert.ok(services.api, "the target service exists");
  for (const key of ["scrape_interval", "scrape_timeout", "evaluation_interval"])
    assert.match(String(at(prometheus, "global", key)), /^\d+(ms|s|m|h)$/, `${key} is a Prometheus duration`);
  const ruleGlob = (prometheus.rule_files as string[])[0];
  assert.equal(ruleGlob, `${mountTarget("prometheus", "./compose/prometheus/rules")}/*.yml`);
  assert.equal(mountTarget("prometheus", "./compose/prometheus/prometheus.yml"), "/etc/prometheus/prometheus.yml");
  const alerts = (at(rules, "groups", 0, "rules") as Obj[]).map((r) => String(r.alert));
  assert.ok(alerts.length >= 3, `alerts: ${alerts}`);
});

test("Grafana: the provisioned datasource is the compose Prometheus; the dashboard folder is the mounted one", () => {
  const [ds] = datasources.datasources as Obj[];
  assert.equal(ds.type, "prometheus");
  const url = new URL(String(ds.url));
  assert.ok(services[url.hostname], `${url.hostname} is a compose service`);
  assert.ok(
    (services.prometheus.ports as string[]).some((p) => p.endsWith(`:${url.port}`)),
    "Prometheus's port",
  );
  const [provider] = providers.providers as Obj[];
  const mounted = mountTarget("grafana", "./compose/grafana/dashboards");
  assert.equal(at(provider, "options", "path"), mounted);
  assert.equal(mountTarget("grafana", "./compose/grafana/provisioning"), "/etc/grafana/provisioning");
  const home = String(at(services.grafana, "environment", "GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH"));
  assert.ok(
    home.startsWith(`${mounted}/`) &&
      existsSync(join(CAPSTONE, "compose/grafana/dashboards", home.slice(String(mounted).length + 1))),
  );
});

const panels = dashboard.panels as Obj[];
const exprs = panels.flatMap((p) => (p.targets as Obj[]).map((t) => String(t.expr)));

test("every dashboard panel uses the provisioned datasource and the scrape job", () => {
  const uid = at(datasources, "datasources", 0, "uid");
  for (const p of panels) {
    assert.equal(at(p, "datasource", "uid"), uid, `panel "${p.title}" datasource`);
    for (const t of p.targets as Obj[]) assert.equal(at(t, "datasource", "uid"), uid, `panel "${p.title}" target`);
  }
  for (const e of exprs) assert.match(e, /job="capstone-api"/, `query without the job selector: ${e}`);
});

test("the dashboard shows request rate, latency p50/p95/p99, errors and predictions by class", () => {
  const has = (re: RegExp, what: string) =>
    assert.ok(
      exprs.some((e) => re.test(e)),
      `no panel for ${what}`,
    );
  has(/rate\(http_request_duration_seconds_count\{/, "request rate");
  for (const q of ["0.5", "0.95", "0.99"])
    has(
      new RegExp(
        `histogram_quantile\\(${q.replace(".", "\\.")}, sum by \\(le\\) \\(rate\\(http_request_duration_seconds_bucket`,
      ),
      `p${Number(q) * 100}`,
    );
  has(/status_code=~"5\.\."/, "the 5xx error ratio");
  has(/sum by \(class\) \(rate\(predictions_total\{/, "predictions by class");
});

test("every metric the dashboard and the alerts query is exported by the API", async () => {
  const readiness = { isReady: () => true } as unknown as Readiness;
  const metrics = createMetrics({ readiness, defaultMetrics: false });
  const exported = new Set<string>(["up"]);
  for (const m of await metrics.registry.getMetricsAsJSON()) {
    exported.add(m.name);
    if (String(m.type) === "histogram") for (const s of ["_bucket", "_count", "_sum"]) exported.add(`${m.name}${s}`);
  }
  const alertExprs = (at(rules, "groups", 0, "rules") as Obj[]).map((r) => String(r.expr));
  const used = new Set(
    [...exprs, ...alertExprs].flatMap((e) => [...e.matchAll(/([a-zA-Z_:][\w:]*)\{/g)].map((m) => m[1])),
  );
  assert.ok(used.size >= 5, `metrics found in the queries: ${[...used]}`);
  for (const name of used) assert.ok(exported.has(name), `${name} is queried but the API does not export it`);
});
