/**
 * `npm run capstone:screenshots`: the README's two pictures, made from the live API in headless Chromium.
 *
 *   capstone/docs/api-docs.png           GET /docs: the OpenAPI page (@fastify/swagger-ui) generated from the same
 *                                        TypeBox schemas that validate the requests, with POST /predict opened
 *   capstone/docs/grafana-dashboard.png  the Grafana dashboard that docker-compose provisions
 *                                        (capstone/compose/grafana/dashboards/capstone-api.json) with real traffic
 *
 * There is no Grafana or Prometheus binary here (nor a registry to pull their images from), so for the second picture
 * this script plays both parts: it sends about a minute of mixed traffic (single rows at a changing rate, batches,
 * SageMaker CSV calls, and a few bad requests), scrapes GET /metrics every 2 s as Prometheus would, evaluates each
 * panel's own PromQL over those scrapes (promql-lite.ts) and draws the panels with plotly.js at their grid positions
 * (dashboard-html.ts). The numbers are real; the look imitates Grafana's.
 *
 *   npm run capstone:screenshots
 *   npm run capstone:screenshots -- --seconds 20        # shorter traffic
 *
 * Chromium: Debian's /usr/bin/chromium (or CHROMIUM_PATH), driven by playwright-core, with every request outside the
 * loopback API blocked: nothing is fetched from the internet.
 */
import { mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../../src/plot/chromium";
import { plotlyBundlePath } from "../../src/plot/png";
import { type Dashboard, dashboardHtml, type PanelSeries } from "./dashboard-html";
import { datasetInstances, loadAverage, root, startCapstone } from "./local-capstone";
import { evaluate, legend, parseScrape, type Scrape } from "./promql-lite";

const { values } = parseArgs({ options: { seconds: { type: "string", default: "60" } } });
const SECONDS = Number(values.seconds);
const SCRAPE_EVERY_S = 2;
// Grafana's $__rate_interval is at least four scrape intervals.
const RATE_INTERVAL = `${4 * SCRAPE_EVERY_S + 2}s`;
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
mkdirSync(docsDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, deviceScaleFactor: 1 });
  // Only the local API may be reached.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    return url.startsWith(api.url) || url.startsWith("data:") ? route.continue() : route.abort();
  });

  // ---- 1. traffic, scraped like Prometheus --------------------------------------------------------------------------
  const instances = datasetInstances();
  const features = Object.keys(instances[0]);
  const scrapes: Scrape[] = [];
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
  let stop = false;
  const scraper = (async () => {
    while (!stop) {
      const text = await (await fetch(`${api.url}/metrics`)).text();
      scrapes.push(parseScrape(text, (Date.now() - t0) / 1000, { job: "capstone-api", instance: "api:8080" }));
      await sleep(SCRAPE_EVERY_S * 1000);
    }
  })();
  console.log(`sending ${SECONDS} s of mixed traffic to ${api.url}, scraping /metrics every ${SCRAPE_EVERY_S} s ...`);
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
  await sleep(SCRAPE_EVERY_S * 1000 + 200);
  stop = true;
  await scraper;
  console.log(
    `  ${sent} requests, ${unexpected} with an unexpected status; ${scrapes.length} scrapes; ${loadAverage()}`,
  );
  if (unexpected > 0)
    throw new Error(`${unexpected} requests got an unexpected status: the traffic is not as designed`);

  // ---- 2. each panel's own queries over the scrapes -----------------------------------------------------------------
  const data: Record<number, PanelSeries[]> = {};
  const times = scrapes.map((s) => s.t).filter((t) => t >= SCRAPE_EVERY_S * 2);
  for (const panel of dashboard.panels) {
    const series = new Map<string, PanelSeries>();
    for (const target of panel.targets) {
      const expr = target.expr.replaceAll("$__rate_interval", RATE_INTERVAL);
      for (const t of times) {
        for (const s of evaluate(expr, scrapes, t)) {
          const name = legend(target.legendFormat, s.labels);
          const line = series.get(name) ?? { name, x: [], y: [] };
          line.x.push(t0 + t * 1000);
          line.y.push(s.value);
          series.set(name, line);
        }
      }
    }
    data[panel.id] = [...series.values()].sort((a, b) => a.name.localeCompare(b.name));
    const empty = data[panel.id].length === 0 ? "  <- NO DATA" : "";
    console.log(`  panel "${panel.title}": ${data[panel.id].length} series${empty}`);
  }

  // ---- 3. drawn and photographed ------------------------------------------------------------------------------------
  const minutes = (SECONDS / 60).toFixed(1);
  const html = dashboardHtml(dashboard, data, {
    subtitle:
      `last ${minutes} min of a local run, scraped every ${SCRAPE_EVERY_S} s · ` +
      "each panel's own PromQL from capstone/compose/grafana/dashboards/capstone-api.json, evaluated by " +
      "capstone/scripts/screenshots.ts (no Grafana binary here)",
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
  await api.stop();
  rmSync(dirname(api.logFile), { recursive: true, force: true });
}

function kib(path: string): string {
  return `${(statSync(path).size / 1024).toFixed(0)} KiB`;
}
