/**
 * A drift report as one self-contained HTML file: the summary, the table, and the plots drawn by the plotly.js
 * installed with the workspace (inlined, so the file opens offline and can be attached to a ticket or a CI run).
 */
import { readFileSync } from "node:fs";
import { plotlyBundlePath } from "../plot/png";
import type { Figure } from "../plot/types";
import { escapeHtml } from "../workspace/html";
import { type DriftReport, formatDriftTable } from "./drift";
import { binShareChart, ecdfChart, psiChart } from "./drift-plots";
import type { ReferenceProfile } from "./profile";

/** The figures a report shows: PSI per feature, then bins and CDFs for the `top` worst features. */
export function driftFigures(report: DriftReport, profile: ReferenceProfile, live: number[][], top = 3): Figure[] {
  const worst = [...report.features].sort((a, b) => b.psi - a.psi).slice(0, top);
  const figs: Figure[] = [psiChart(report)];
  for (const f of worst) {
    const j = profile.features.findIndex((p) => p.name === f.feature);
    figs.push(binShareChart(report, profile.features[j]));
    figs.push(
      ecdfChart(
        profile.features[j],
        live.map((r) => r[j]),
      ),
    );
  }
  return figs;
}

export function driftHtml(report: DriftReport, profile: ReferenceProfile, live: number[][], title: string): string {
  const figs = driftFigures(report, profile, live);
  const divs = figs.map((_, i) => `<div id="fig${i}" style="height:420px"></div>`).join("\n");
  const calls = figs
    .map(
      (f, i) =>
        `Plotly.newPlot("fig${i}", ${JSON.stringify(f.data)}, ${JSON.stringify(f.layout ?? {})}, {displaylogo:false,responsive:true});`,
    )
    .join("\n");
  const colour = report.alarm ? "#cf222e" : "#1a7f37";
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<script>${readFileSync(plotlyBundlePath(), "utf8")}</script></head>
<body style="font-family:Arial,Helvetica,sans-serif;max-width:1000px;margin:auto">
<h1>${escapeHtml(title)}</h1>
<p style="border-left:6px solid ${colour};padding:6px 12px;font-size:18px">${escapeHtml(report.summary)}</p>
<p>Reference: ${escapeHtml(profile.dataset)}, ${profile.rows} rows, profiled ${escapeHtml(profile.createdAt)}. Live: ${report.liveRows} rows.</p>
<pre>${escapeHtml(formatDriftTable(report))}</pre>
${divs}
<script>${calls}</script>
</body></html>
`;
}
