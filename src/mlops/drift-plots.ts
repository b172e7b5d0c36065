/**
 * Drift pictures (plotly figures, drawn with show() in a notebook or written to an HTML report):
 *   - psiChart: PSI per feature with the alarm threshold, the overview;
 *   - binShareChart: one feature's share of rows per reference bin, reference next to live, what PSI sums over;
 *   - ecdfChart: one feature's two empirical CDFs, with the largest gap, which is the KS statistic.
 */
import { colorAt } from "../plot/colors";
import { axis, baseLayout } from "../plot/layout";
import type { Figure } from "../plot/types";
import type { DriftReport } from "./drift";
import type { FeatureProfile } from "./profile";
import { sortedFinite } from "./stats";

/** PSI per feature, sorted, drifting ones in the alarm colour, with a dashed line at the PSI threshold. */
export function psiChart(report: DriftReport, top = 15): Figure {
  const rows = [...report.features].sort((a, b) => b.psi - a.psi).slice(0, top);
  const layout = baseLayout({ title: `PSI per feature (top ${rows.length}); threshold ${report.thresholds.psi}` });
  layout.xaxis = axis("PSI");
  layout.yaxis = axis(undefined, { type: "category", autorange: "reversed", showgrid: false });
  layout.shapes = [
    {
      type: "line",
      x0: report.thresholds.psi,
      x1: report.thresholds.psi,
      yref: "paper",
      y0: 0,
      y1: 1,
      line: { color: "#cf222e", dash: "dash", width: 2 },
    },
  ];
  layout.showlegend = false;
  return {
    data: [
      {
        type: "bar",
        orientation: "h",
        x: rows.map((r) => r.psi),
        y: rows.map((r) => r.feature),
        // Drift in red, watch (one threshold crossed) in amber, the rest in the usual blue.
        marker: {
          color: rows.map((r) => (r.status === "drift" ? "#cf222e" : r.status === "watch" ? "#bf8700" : colorAt(0))),
        },
        hovertemplate: "%{y}: PSI %{x:.3f}<extra></extra>",
      },
    ],
    layout,
  };
}

/** Share of rows per reference bin for one feature: reference vs live, side by side. */
export function binShareChart(report: DriftReport, profile: FeatureProfile): Figure {
  const f = report.features.find((x) => x.feature === profile.name);
  if (!f) throw new Error(`feature ${profile.name} is not in the drift report`);
  const fmt = (v: number) => Number(v.toPrecision(4)).toString();
  const labels = f.referenceShare.map((_, i) => {
    const lo = i === 0 ? "-∞" : fmt(profile.edges[i - 1]);
    const hi = i === profile.edges.length ? "+∞" : fmt(profile.edges[i]);
    return `(${lo}, ${hi}]`;
  });
  const layout = baseLayout({
    title: `${f.feature}: share of rows per reference bin (PSI ${f.psi.toFixed(3)})`,
    xLabel: "bin (cut at the reference's deciles)",
    yLabel: "share of rows",
  });
  layout.barmode = "group";
  return {
    data: [
      { type: "bar", name: "reference (training)", x: labels, y: f.referenceShare, marker: { color: colorAt(0) } },
      { type: "bar", name: "live", x: labels, y: f.liveShare, marker: { color: colorAt(1) } },
    ],
    layout,
  };
}

/** Empirical CDFs of the reference sample and the live values; the vertical segment marks the KS statistic. */
export function ecdfChart(profile: FeatureProfile, live: readonly number[]): Figure {
  const ref = profile.sample;
  const cur = sortedFinite(live, profile.name);
  const cdf = (sorted: readonly number[], x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo / sorted.length;
  };
  const xs = [...new Set([...ref, ...cur])].sort((a, b) => a - b);
  let gapAt = xs[0];
  let gap = -1;
  for (const x of xs) {
    const d = Math.abs(cdf(ref, x) - cdf(cur, x));
    if (d > gap) {
      gap = d;
      gapAt = x;
    }
  }
  const layout = baseLayout({
    title: `${profile.name}: empirical CDFs, KS statistic D = ${gap.toFixed(3)}`,
    xLabel: profile.name,
    yLabel: "share of rows ≤ x",
  });
  return {
    data: [
      {
        type: "scatter",
        mode: "lines",
        name: "reference (training)",
        x: xs,
        y: xs.map((x) => cdf(ref, x)),
        line: { color: colorAt(0), shape: "hv", width: 2.5 },
      },
      {
        type: "scatter",
        mode: "lines",
        name: "live",
        x: xs,
        y: xs.map((x) => cdf(cur, x)),
        line: { color: colorAt(1), shape: "hv", width: 2.5 },
      },
      {
        type: "scatter",
        mode: "lines",
        name: `largest gap D = ${gap.toFixed(3)}`,
        x: [gapAt, gapAt],
        y: [cdf(ref, gapAt), cdf(cur, gapAt)],
        line: { color: "#cf222e", width: 4 },
      },
    ],
    layout,
  };
}
