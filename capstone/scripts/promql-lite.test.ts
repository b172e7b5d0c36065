// promql-lite draws the README's dashboard picture: its answers are checked here against values worked by hand
// (Prometheus's own definitions), and every query of the provisioned dashboard must parse and give a series over a
// real scrape of the API, so a panel that uses PromQL it does not know fails here instead of drawing nothing.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../../src/workspace/paths";
import { datasetInstance, readyApp } from "../src/testing";
import { evaluate, legend, parse, parseScrape } from "./promql-lite";

const scrape0 = parseScrape(
  [
    "# HELP x_total a counter",
    'x_total{route="/a",code="200"} 10',
    'x_total{route="/a",code="500"} 1',
    'x_total{route="/b",code="200"} 4',
    'h_bucket{le="1"} 0',
    'h_bucket{le="2"} 0',
    'h_bucket{le="+Inf"} 0',
    'odd{path="a\\"b"} 1',
  ].join("\n"),
  100,
  { job: "api" },
);
const scrape1 = parseScrape(
  [
    'x_total{route="/a",code="200"} 30',
    'x_total{route="/a",code="500"} 1',
    'x_total{route="/b",code="200"} 14',
    'h_bucket{le="1"} 10',
    'h_bucket{le="2"} 30',
    'h_bucket{le="+Inf"} 40',
  ].join("\n"),
  110,
  { job: "api" },
);
const scrapes = [scrape0, scrape1];
const one = (expr: string, t = 110) => {
  const series = evaluate(expr, scrapes, t);
  assert.equal(series.length, 1, `expected one series from ${expr}, got ${JSON.stringify(series)}`);
  return series[0].value;
};

describe("promql-lite against hand-worked values", () => {
  test("the text format: labels (with escapes), the extra job label, +Inf", () => {
    assert.deepEqual(scrape0.samples.at(-1), { name: "odd", labels: { job: "api", path: 'a"b' }, value: 1 });
    assert.equal(parseScrape('b{le="+Inf"} +Inf', 0).samples[0].value, Infinity);
  });

  test("rate() is the increase over the window per second", () => {
    // /a 200 went 10 -> 30 in 10 s: 2 per second.
    assert.equal(one('rate(x_total{route="/a", code="200"}[20s])'), 2);
    // A window holding one scrape has no rate.
    assert.deepEqual(evaluate('rate(x_total{route="/a"}[5s])', scrapes, 110), []);
  });

  test("sum and count, with by (...) before or after the argument, and regex matchers", () => {
    assert.equal(one("sum(rate(x_total[20s]))"), 2 + 0 + 1);
    const byRoute = evaluate("sum by (route) (rate(x_total[20s]))", scrapes, 110);
    assert.deepEqual(
      byRoute.map((s) => [s.labels.route, s.value]).sort(),
      [
        ["/a", 2],
        ["/b", 1],
      ],
      `got ${JSON.stringify(byRoute)}`,
    );
    assert.deepEqual(
      evaluate("count(x_total) by (code)", scrapes, 110)
        .map((s) => s.value)
        .sort(),
      [1, 2],
    );
    assert.equal(one('sum(rate(x_total{code=~"5.."}[20s]))'), 0);
    assert.equal(one('sum(rate(x_total{route!~"/a|/c"}[20s]))'), 1);
  });

  test("division between one-series vectors (an error ratio)", () => {
    assert.equal(one('sum(rate(x_total{route="/b"}[20s])) / sum(rate(x_total[20s]))'), 1 / 3);
  });

  test("histogram_quantile interpolates inside the bucket, and caps at the highest finite bound", () => {
    // Rates per bucket: le=1: 1/s, le=2: 3/s, +Inf: 4/s. q=0.5: rank 2 lies in (1, 2]: 1 + (2 - 1) * (2 - 1) / (3 - 1).
    assert.equal(one("histogram_quantile(0.5, sum by (le) (rate(h_bucket[20s])))"), 1.5);
    // q=0.25: rank 1 lies in (0, 1]: 0 + 1 * 1 / 1.
    assert.equal(one("histogram_quantile(0.25, sum by (le) (rate(h_bucket[20s])))"), 1);
    // q=0.99: rank 3.96 is in the +Inf bucket: Prometheus answers the highest finite bound.
    assert.equal(one("histogram_quantile(0.99, sum by (le) (rate(h_bucket[20s])))"), 2);
    // No observations in the window (every bucket's rate is 0): NaN, as in Prometheus.
    const idle = [scrape1, { ...scrape1, t: 120 }];
    const q = evaluate("histogram_quantile(0.5, sum by (le) (rate(h_bucket[20s])))", idle, 120);
    assert.equal(q.length, 1);
    assert.ok(Number.isNaN(q[0].value), `expected NaN, got ${q[0].value}`);
  });

  test("what it does not know is refused by name", () => {
    assert.throws(() => parse("irate(x_total[1m])"), /promql-lite: unsupported function "irate"/);
    assert.throws(() => parse("x_total offset 5m"), /promql-lite: unexpected "offset"/);
    assert.throws(() => evaluate("x_total[1m]", scrapes, 110), /only allowed inside rate/);
  });

  test("legendFormat", () => {
    assert.equal(legend("{{route}} {{code}}", { route: "/a", code: "200" }), "/a 200");
  });
});

describe("every query of the provisioned dashboard, over real scrapes of the API", () => {
  const root = findRoot();
  const dashboard = JSON.parse(
    readFileSync(join(root, "capstone", "compose", "grafana", "dashboards", "capstone-api.json"), "utf8"),
  ) as { panels: { title: string; targets: { expr: string }[] }[] };
  let app: Awaited<ReturnType<typeof readyApp>>["app"] | null = null;
  afterAll(async () => {
    await app?.close();
  });

  test("parses, and gives at least one series once traffic has flowed", async () => {
    app = (await readyApp()).app;
    const scrapeAt = async (t: number) =>
      parseScrape((await app!.inject({ method: "GET", url: "/metrics" })).body, t, { job: "capstone-api" });
    const instance = datasetInstance(0);
    const traffic = async () => {
      await app!.inject({ method: "POST", url: "/predict", payload: { instance } });
      await app!.inject({ method: "POST", url: "/predict", payload: { instances: [instance, instance] } });
      await app!.inject({ method: "POST", url: "/predict", payload: { instance: {} } }); // a 400
    };
    // A series needs two scrapes to have a rate: some of every kind of request before the first one too.
    await traffic();
    await scrapeAt(-1);
    const first = await scrapeAt(0);
    for (let i = 0; i < 3; i++) await traffic();
    const second = await scrapeAt(10);
    for (const panel of dashboard.panels) {
      for (const { expr } of panel.targets) {
        const query = expr.replaceAll("$__rate_interval", "30s");
        // The 5xx ratio has no series while nothing failed, in Prometheus too.
        if (query.includes('status_code=~"5.."')) continue;
        const series = evaluate(query, [first, second], 10);
        assert.ok(series.length > 0, `panel "${panel.title}": ${query} gave no series`);
        assert.ok(
          series.some((s) => Number.isFinite(s.value)),
          `panel "${panel.title}": ${query} gave ${JSON.stringify(series)}`,
        );
      }
    }
  });
});
