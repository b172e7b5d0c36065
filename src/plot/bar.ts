import { colorAt } from "./colors";
import { axis, baseLayout, type LabelOptions } from "./layout";
import { assertSameLength } from "./math";
import type { Figure } from "./types";

export interface BarChartOptions extends LabelOptions {
  /**
   * "desc" (default): largest first; "abs": largest magnitude first, for signed weights such as linear-model
   * coefficients, where a big negative weight matters as much as a big positive one; "none": keep the given order.
   */
  sort?: "desc" | "asc" | "abs" | "none";
  /** Keep only the first `top` bars after sorting (the most important features). */
  top?: number;
  /**
   * Horizontal bars (default true): long feature names stay readable on the y axis. xLabel and yLabel always name
   * the x and y axes, so for horizontal bars xLabel describes the values (default "value").
   */
  horizontal?: boolean;
}

/** Bars for named values, sorted: the usual view of feature importances. */
export function barChart(labels: readonly string[], values: readonly number[], opts: BarChartOptions = {}): Figure {
  assertSameLength("barChart labels and values", labels, values);
  const sort = opts.sort ?? "desc";
  const order = labels.map((_, i) => i);
  if (sort === "desc") order.sort((a, b) => values[b] - values[a]);
  if (sort === "asc") order.sort((a, b) => values[a] - values[b]);
  if (sort === "abs") order.sort((a, b) => Math.abs(values[b]) - Math.abs(values[a]));
  const kept = opts.top === undefined ? order : order.slice(0, opts.top);
  const names = kept.map((i) => labels[i]);
  const vals = kept.map((i) => values[i]);
  // Negative values (e.g. coefficients) in the second colour, so the sign is visible at a glance.
  const colors = vals.map((v) => colorAt(v < 0 ? 1 : 0));
  const horizontal = opts.horizontal ?? true;

  const layout = baseLayout({ ...opts, xLabel: undefined, yLabel: undefined }, { showlegend: false });
  if (horizontal) {
    // The value axis is x. The category axis is y, reversed so the first (largest) bar is at the top, where we read first.
    layout.xaxis = axis(opts.xLabel ?? "value");
    layout.yaxis = axis(opts.yLabel, { type: "category", autorange: "reversed", showgrid: false });
  } else {
    layout.xaxis = axis(opts.xLabel, { type: "category", showgrid: false });
    layout.yaxis = axis(opts.yLabel ?? "value");
  }
  return {
    data: [
      {
        type: "bar",
        orientation: horizontal ? "h" : "v",
        x: horizontal ? vals : names,
        y: horizontal ? names : vals,
        marker: { color: colors },
        hovertemplate: horizontal ? "%{y}: %{x:.4g}<extra></extra>" : "%{x}: %{y:.4g}<extra></extra>",
      },
    ],
    layout,
  };
}
