/**
 * A Grafana dashboard JSON drawn as one static HTML page with plotly.js, for screenshots.ts. Grafana cannot be installed on
 * the machines this runs on, so this draws the SAME dashboard file that docker-compose
 * provisions: its panels at their gridPos, their titles, units, stacking and legend tables, each with the numbers its
 * own PromQL gives when a real Prometheus answers it (local-prometheus.ts). It imitates Grafana's dark theme; it is
 * not a pixel copy of Grafana, and the page says it is drawn from Prometheus data.
 *
 *   const html = dashboardHtml(dashboard, panelsData, { subtitle });
 *   // then, in the page: add plotly.js, call window.drawDashboard()
 */

import { escapeHtml } from "../../src/workspace/html";

export interface DashboardPanel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  fieldConfig?: { defaults?: { unit?: string; custom?: { stacking?: { mode?: string }; fillOpacity?: number } } };
}
export interface Dashboard {
  title: string;
  panels: DashboardPanel[];
}
/** One drawn line: its legend and its points (x = epoch ms). */
export interface PanelSeries {
  name: string;
  x: number[];
  y: number[];
}

const COLUMN_WIDTH = 1600 / 24;
const ROW_HEIGHT = 34;
const GAP = 8;

export function dashboardHtml(
  dashboard: Dashboard,
  data: Record<number, PanelSeries[]>,
  options: { subtitle: string },
): string {
  const rows = Math.max(...dashboard.panels.map((p) => p.gridPos.y + p.gridPos.h));
  const panels = dashboard.panels.map((p) => ({
    id: p.id,
    type: p.type,
    title: p.title,
    unit: p.fieldConfig?.defaults?.unit ?? "none",
    stacked: p.fieldConfig?.defaults?.custom?.stacking?.mode === "normal",
    fill: (p.fieldConfig?.defaults?.custom?.fillOpacity ?? 0) / 100,
    left: p.gridPos.x * COLUMN_WIDTH + GAP / 2,
    top: p.gridPos.y * ROW_HEIGHT,
    width: p.gridPos.w * COLUMN_WIDTH - GAP,
    height: p.gridPos.h * ROW_HEIGHT - GAP,
    series: data[p.id] ?? [],
  }));
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(dashboard.title)}</title>
<style>
  body { margin: 0; background: #111217; color: #ccccdc; font: 13px/1.4 Inter, "Helvetica Neue", Arial, sans-serif; }
  header { padding: 12px 16px 10px; display: flex; align-items: baseline; gap: 16px; }
  header h1 { font-size: 18px; font-weight: 500; margin: 0; color: #d8d9da; }
  header .sub { color: #8e8e8e; font-size: 12px; }
  #grid { position: relative; margin: 0 8px; width: 1600px; height: ${rows * ROW_HEIGHT}px; }
  .panel { position: absolute; background: #181b1f; border: 1px solid #2c3235; border-radius: 2px;
           display: flex; flex-direction: column; overflow: hidden; }
  .panel h2 { font-size: 13px; font-weight: 500; margin: 0; padding: 6px 8px 2px; color: #ccccdc; }
  .stat { flex: 1; display: flex; flex-direction: column; align-items: center; justify-content: center; }
  .stat .value { font-size: 34px; font-weight: 500; color: #73bf69; }
  .stat .label { font-size: 12px; color: #8e8e8e; max-width: 95%; overflow: hidden; text-overflow: ellipsis;
                 white-space: nowrap; }
  .chart { flex: 1; min-height: 0; }
  table.legend { width: 100%; border-collapse: collapse; font-size: 11px; color: #ccccdc; }
  table.legend th { text-align: right; font-weight: 500; color: #6e9fff; padding: 1px 8px; }
  table.legend th:first-child, table.legend td:first-child { text-align: left; }
  table.legend td { text-align: right; padding: 0 8px; white-space: nowrap; }
  .swatch { display: inline-block; width: 12px; height: 3px; margin: 0 6px 3px 0; vertical-align: middle; }
</style></head>
<body>
<header><h1>${escapeHtml(dashboard.title)}</h1><span class="sub">${escapeHtml(options.subtitle)}</span></header>
<div id="grid"></div>
<script id="panels" type="application/json">${JSON.stringify(panels).replace(/</g, "\\u003c")}</script>
<script>
// Runs in the page once plotly.js is loaded: draws every panel, then sets window.dashboardDrawn.
window.drawDashboard = async function () {
  const COLORS = ["#73bf69", "#f2cc0c", "#8ab8ff", "#ff780a", "#f2495c",
                  "#5794f2", "#b877d9", "#705da0", "#37872d", "#fade2a"];
  const panels = JSON.parse(document.getElementById("panels").textContent);
  const grid = document.getElementById("grid");
  // Grafana's units: a value and its unit, readable.
  function scale(unit) {
    if (unit === "s") return { k: 1000, suffix: " ms", axis: "ms" };
    if (unit === "percentunit") return { k: 100, suffix: "%", axis: "%" };
    if (unit === "reqps") return { k: 1, suffix: " req/s", axis: "req/s" };
    return { k: 1, suffix: "", axis: "" };
  }
  function format(v, unit) {
    if (v === null || v === undefined || !isFinite(v)) return "No data";
    const s = scale(unit);
    const x = v * s.k;
    const digits = Number.isInteger(x) || Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : Math.abs(x) >= 1 ? 2 : 3;
    return x.toFixed(digits) + s.suffix;
  }
  for (const p of panels) {
    const div = document.createElement("div");
    div.className = "panel";
    Object.assign(div.style, {
      left: p.left + "px", top: p.top + "px", width: p.width + "px", height: p.height + "px",
    });
    const h2 = document.createElement("h2");
    h2.textContent = p.title;
    div.appendChild(h2);
    grid.appendChild(div);
    if (p.type === "stat") {
      const s = p.series[0];
      const last = s ? [...s.y].reverse().find((v) => v !== null && isFinite(v)) : undefined;
      const box = document.createElement("div");
      box.className = "stat";
      box.innerHTML = '<div class="value"></div><div class="label"></div>';
      box.querySelector(".value").textContent = format(last, p.unit);
      box.querySelector(".label").textContent = p.series.map((x) => x.name).join(", ");
      div.appendChild(box);
      continue;
    }
    const chart = document.createElement("div");
    chart.className = "chart";
    div.appendChild(chart);
    const s = scale(p.unit);
    const traces = p.series.map((series, i) => ({
      type: "scatter",
      mode: "lines",
      name: series.name,
      x: series.x.map((t) => new Date(t)),
      y: series.y.map((v) => (v === null || !isFinite(v) ? null : v * s.k)),
      line: { width: 2, color: COLORS[i % COLORS.length] },
      stackgroup: p.stacked ? "A" : undefined,
      fill: p.stacked ? "tonexty" : p.fill > 0 ? "tozeroy" : "none",
      fillcolor: COLORS[i % COLORS.length] + "22",
    }));
    // Legend as a table, like the dashboard's legend { displayMode: "table", calcs: [mean, max, lastNotNull] }.
    const table = document.createElement("table");
    table.className = "legend";
    table.innerHTML = "<tr><th>Name</th><th>Mean</th><th>Max</th><th>Last *</th></tr>";
    p.series.forEach((series, i) => {
      const ys = series.y.filter((v) => v !== null && isFinite(v));
      const mean = ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : NaN;
      const tr = document.createElement("tr");
      const name = document.createElement("td");
      name.innerHTML = '<span class="swatch"></span>';
      name.querySelector(".swatch").style.background = COLORS[i % COLORS.length];
      name.appendChild(document.createTextNode(series.name));
      tr.appendChild(name);
      for (const v of [mean, ys.length ? Math.max(...ys) : NaN, ys.length ? ys[ys.length - 1] : NaN]) {
        const td = document.createElement("td");
        td.textContent = format(v, p.unit);
        tr.appendChild(td);
      }
      table.appendChild(tr);
    });
    div.appendChild(table);
    await Plotly.newPlot(chart, traces, {
      paper_bgcolor: "#181b1f",
      plot_bgcolor: "#181b1f",
      font: { color: "#8e8e8e", size: 10 },
      margin: { l: 52, r: 12, t: 6, b: 24 },
      showlegend: false,
      xaxis: { gridcolor: "#2c3235", tickformat: "%H:%M:%S" },
      yaxis: {
        gridcolor: "#2c3235", rangemode: "tozero",
        ticksuffix: s.axis === "%" ? "%" : "", title: { text: s.axis === "%" ? "" : s.axis },
      },
    }, { staticPlot: true, responsive: false });
  }
  window.dashboardDrawn = true;
};
</script>
</body></html>`;
}
