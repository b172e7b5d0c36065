/**
 * `npm run capstone:screenshots`: the README's two pictures, made from the live API in headless Chromium.
 *
 *   capstone/docs/api-docs.png           GET /docs: the OpenAPI page (@fastify/swagger-ui) generated from the same
 *                                        TypeBox schemas that validate the requests, with POST /predict opened
 *   capstone/docs/grafana-dashboard.png  the dashboard that docker-compose provisions for Grafana
 *                                        (capstone/compose/grafana/dashboards/capstone-api.json), drawn from a real
 *                                        Prometheus's data
 *
 * A real Prometheus (Debian's package, on loopback) runs the compose stack's own prometheus.yml against the local API
 * (local-prometheus.ts) while this script sends mixed traffic (single rows at a changing rate, batches, SageMaker CSV
 * calls, and a few bad requests). Every panel's PromQL is then sent to Prometheus's /api/v1/query_range, which must
 * evaluate each one without error, and the answers are drawn with plotly.js at the panels' grid positions
 * (dashboard-html.ts). Grafana itself cannot be installed here: the look imitates Grafana's, the numbers are
 * Prometheus's, and the picture says so.
 *
 *   npm run capstone:screenshots
 *   npm run capstone:screenshots -- --seconds 30        # shorter traffic
 *
 * Chromium: the browser src/plot/chromium.ts picks (CHROMIUM_PATH, an installed one, or the packaged one), driven
 * by playwright-core, with every request outside the loopback API blocked: nothing is fetched from the internet.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { chromiumLaunch } from "../../src/plot/chromium";
import { plotlyBundlePath } from "../../src/plot/png";
import { type Dashboard, dashboardHtml, type PanelSeries } from "./dashboard-html";
import { datasetInstances, loadAverage, root, startCapstone } from "./local-capstone";
import { legend, queryRange, startPrometheus, targetHealth } from "./local-prometheus";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "90" } } });
const SECONDS = Number(values.seconds);
if (!(SECONDS >= 20)) throw new Error(`--seconds ${values.seconds}: give at least 20 (four scrapes and a rate window)`);
const docsDir = join(root, "capstone", "docs");
const dashboardFile = join(root, "capstone", "compose", "grafana", "dashboards", "capstone-api.json");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Target {
  expr: string;
  legendFormat?: string;
}
const dashboard = JSON.parse(readFileSync(dashboardFile, "utf8")) as Dashboard & {
  panels: (Dashboard["panels"][number] & { targets: Target[] })[];
};

const api = await startCapstone({ env: { LOG_LEVEL: "warn" } });
const prometheus = await startPrometheus(api.port).catch(async (e) => {
  await api.stop();
  throw e;
});
const SCRAPE_EVERY_S = prometheus.scrapeIntervalS;
// Grafana's $__rate_interval for a step of one scrape interval: max(step + scrape interval, 4 x scrape interval).
const RATE_INTERVAL = `${4 * SCRAPE_EVERY_S}s`;
mkdirSync(docsDir, { recursive: true });
const browser = await chromium.launch((await chromiumLaunch()).options);
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  // Only the local API may be reached.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(api.url) || url.startsWith("data:") ? route.continue() : route.abort();
  });

  // ---- 1. traffic, scraped by Prometheus ----------------------------------------------------------------------------
  const instances = datasetInstances();
  const features = Object.keys(instances[0]);
  const t0 = Date.now();
  let sent = 0;
  let unexpected = 0;
  const post = (path: string, body: string, type = "application/json", expect = 200) => {
    sent++;
    return fetch(`${api.url}${path}`, { method: "POST", headers: { "content-type": type }, body })
      .then(async (r) => {
        await r.arrayBuffer();
        if (r.status !== expect) unexpected++;
      })
      .catch(() => {
        unexpected++;
      });
  };
  console.log(`sending ${SECONDS} s of mixed traffic to ${api.url}; Prometheus at ${prometheus.url} scrapes it ...`);
  const inflight = new Set<Promise<void>>();
  const track = (p: Promise<void>) => {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  };
  let i = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    const t = (Date.now() - t0) / 1000;
    // A changing load: a slow wave between about 20 and 120 single rows per second, ticks of 50 ms.
    const perSecond = 70 + 50 * Math.sin((2 * Math.PI * t) / Math.max(20, SECONDS / 1.5));
    for (let k = 0; k < Math.round(perSecond / 20); k++) {
      i++;
      const row = instances[(i * 7) % instances.length];
      track(post("/predict", JSON.stringify({ instance: row })));
      if (i % 10 === 0) {
        const size = 5 + ((i * 13) % 200);
        const batch = Array.from({ length: size }, (_, j) => instances[(i + j) % instances.length]);
        track(post("/predict", JSON.stringify({ instances: batch })));
      }
      if (i % 15 === 0) {
        const csv = features.map((f) => row[f]).join(",");
        track(post("/invocations", csv, "text/csv"));
      }
      if (i % 40 === 0)
        track(post("/predict", JSON.stringify({ instance: { ...row, mean_radius: "NaN" } }), undefined, 400));
      if (i % 150 === 0) track(post("/predict", "mean_radius=1", "text/plain", 415));
      if (i % 200 === 0) track(post("/predict", JSON.stringify({ instances: [] }), undefined, 400));
    }
    await sleep(50);
  }
  await Promise.all(inflight);
  await sleep(2 * SCRAPE_EVERY_S * 1000 + 500);
  const end = Date.now();
  console.log(`  ${sent} requests, ${unexpected} with an unexpected status; ${loadAverage()}`);
  if (unexpected > 0)
    throw new Error(`${unexpected} requests got an unexpected status: the traffic is not as designed`);
  const targets = await targetHealth(prometheus.url);
  const down = targets.filter((t) => t.health !== "up");
  if (targets.length === 0 || down.length > 0)
    throw new Error(`Prometheus's scrape targets are not all up: ${JSON.stringify(targets)}`);

  // ---- 2. each panel's own queries, answered by Prometheus ---------------------------------------------------------
  const data: Record<number, PanelSeries[]> = {};
  let queries = 0;
  for (const panel of dashboard.panels) {
    const series = new Map<string, PanelSeries>();
    for (const target of panel.targets) {
      const expr = target.expr.replaceAll("$__rate_interval", RATE_INTERVAL);
      // queryRange throws when Prometheus refuses the query: every query of the dashboard must evaluate.
      const answer = await queryRange(prometheus.url, expr, t0 / 1000, end / 1000, SCRAPE_EVERY_S);
      queries++;
      for (const s of answer) {
        const name = legend(target.legendFormat, s.metric);
        const line = series.get(name) ?? { name, x: [], y: [] };
        for (const [t, v] of s.values) {
          line.x.push(t * 1000);
          line.y.push(v);
        }
        series.set(name, line);
      }
    }
    data[panel.id] = [...series.values()].sort((a, b) => a.name.localeCompare(b.name));
    const empty = data[panel.id].length === 0 ? "  <- NO DATA" : "";
    console.log(`  panel "${panel.title}": ${data[panel.id].length} series${empty}`);
  }
  console.log(`  ${queries} queries of the dashboard JSON, all evaluated by Prometheus without error`);

  // ---- 3. drawn and photographed ------------------------------------------------------------------------------------
  const minutes = (SECONDS / 60).toFixed(1);
  const html = dashboardHtml(dashboard, data, {
    subtitle:
      `${minutes} min of a local run · drawn from Prometheus data: each panel's PromQL ` +
      `(capstone/compose/grafana/dashboards/capstone-api.json) answered by ${prometheusVersion()}'s ` +
      `/api/v1/query_range, scraping every ${SCRAPE_EVERY_S} s · not rendered by Grafana (not installed here)`,
  });
  const board = await context.newPage();
  const rows = Math.max(...dashboard.panels.map((p) => p.gridPos.y + p.gridPos.h));
  await board.setViewportSize({ width: 1620, height: rows * 34 + 60 });
  await board.setContent(html);
  await board.addScriptTag({ path: plotlyBundlePath(root) });
  await board.evaluate(() => (window as unknown as { drawDashboard: () => Promise<void> }).drawDashboard());
  await board.waitForFunction(() => (window as unknown as { dashboardDrawn?: boolean }).dashboardDrawn === true);
  const boardPng = join(docsDir, "grafana-dashboard.png");
  await board.screenshot({ path: boardPng, fullPage: true });
  console.log(`${relative(root, boardPng)}: ${dashboard.panels.length} panels (${kib(boardPng)})`);

  // ---- 4. the API docs page, last (its page loads would show in the dashboard's request rates) ----------------------
  const page = await context.newPage();
  await page.goto(`${api.url}/docs`);
  await page.waitForSelector(".swagger-ui .opblock", { timeout: 30_000 });
  // Open POST /predict, so the picture shows the request schema generated from the model's features.
  await page.locator(".opblock-post", { hasText: "/predict" }).first().locator(".opblock-summary").click();
  await page.waitForSelector(".opblock-post.is-open .opblock-body", { timeout: 10_000 });
  await page.waitForTimeout(500);
  const docsPng = join(docsDir, "api-docs.png");
  await page.screenshot({ path: docsPng, clip: { x: 0, y: 0, width: 1400, height: 1400 }, fullPage: true });
  const operations = await page.locator(".opblock").count();
  console.log(`${relative(root, docsPng)}: /docs with ${operations} operations (${kib(docsPng)})`);

  const missing = dashboard.panels.filter((p) => data[p.id].length === 0).map((p) => p.title);
  if (missing.length > 0) throw new Error(`panels without data: ${missing.join(", ")}`);
} finally {
  await browser.close();
  await prometheus.stop();
  await api.stop();
  rmSync(dirname(api.logFile), { recursive: true, force: true });
  rmSync(dirname(prometheus.logFile), { recursive: true, force: true });
}

/** "Prometheus 2.42.0", from the binary itself. */
function prometheusVersion(): string {
  const out = spawnSync("prometheus", ["--version"], { encoding: "utf8" });
  const m = /version (\d+\.\d+\.\d+)/.exec(`${out.stdout}${out.stderr}`);
  return m ? `Prometheus ${m[1]}` : "Prometheus";
}

function kib(path: string): string {
  return `${(statSync(path).size / 1024).toFixed(0)} KiB`;
}
