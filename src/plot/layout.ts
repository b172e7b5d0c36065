import type { Axis, Layout, Title } from "./types";

/** Options every helper accepts for its labels. */
export interface LabelOptions {
  title?: string;
  xLabel?: string;
  yLabel?: string;
}

/** A plotly title object, or nothing when there is no text (so the layout stays clean). */
export function title(text: string | undefined): Title | undefined {
  return text ? { text } : undefined;
}

/**
 * A light-grey-grid axis with an optional title; `extra` adds or overrides fields. `automargin` grows the margin to
 * fit long tick labels (class or feature names), so they never overlap the axis title.
 */
export function axis(label: string | undefined, extra: Axis = {}): Axis {
  const a: Axis = { gridcolor: "#e5e5e5", zeroline: false, automargin: true, ...extra };
  if (label) a.title = { text: label };
  return a;
}

/**
 * The look shared by all helpers: white background (it prints and reads well in both light and dark JupyterLab
 * themes, because the plot carries its own background), a horizontal legend above the plot so it never hides
 * data, and margins that leave room for axis titles.
 */
export function baseLayout(opts: LabelOptions, extra: Layout = {}): Layout {
  const layout: Layout = {
    paper_bgcolor: "white",
    plot_bgcolor: "white",
    font: { family: "Arial, Helvetica, sans-serif", size: 13, color: "#222" },
    margin: { l: 70, r: 30, t: opts.title ? 80 : 50, b: 60 },
    legend: { orientation: "h", x: 0, y: 1.02, xanchor: "left", yanchor: "bottom" },
    xaxis: axis(opts.xLabel),
    yaxis: axis(opts.yLabel),
    ...extra,
  };
  const t = title(opts.title);
  if (t) layout.title = { ...t, x: 0.5, xanchor: "center" };
  return layout;
}
