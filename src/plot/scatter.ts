import { colorAt } from "./colors";
import { baseLayout, type LabelOptions } from "./layout";
import { assertSameLength, extent, linspace } from "./math";
import type { Datum, Figure, Trace } from "./types";

export interface ScatterWithLineOptions extends LabelOptions {
  /** The model: called on a fine grid of x values to draw a smooth line (works for curves too). */
  predict?: (x: number) => number;
  /** Or the model's predictions at each data x, when you have numbers rather than a function. */
  lineY?: readonly number[];
  /** Draw each point's residual (the vertical gap to the line) as a thin segment. Default false. */
  residuals?: boolean;
  /** Legend names. */
  dataName?: string;
  lineName?: string;
}

/** How many x values the `predict` line is sampled at: enough for a smooth curve, small enough to stay light. */
const LINE_POINTS = 200;

/**
 * Data as dots plus a fitted line, optionally with residuals: the picture for linear regression.
 * Give either `predict` (a function) or `lineY` (predictions at the data's x values); with neither, it is a plain
 * scatter plot (look at the data before fitting anything).
 */
export function scatterWithLine(x: readonly number[], y: readonly number[], opts: ScatterWithLineOptions = {}): Figure {
  assertSameLength("scatterWithLine x and y", x, y);
  const { predict, lineY } = opts;
  if (lineY) assertSameLength("scatterWithLine x and lineY", x, lineY);
  if (opts.residuals && !predict && !lineY) throw new Error("scatterWithLine: residuals need `predict` or `lineY`");
  const layout = baseLayout({ xLabel: "x", yLabel: "y", ...opts });

  const data: Trace[] = [];
  // The model's value at each data point: the other end of each residual segment.
  const fitted: number[] | undefined = lineY ? [...lineY] : predict ? x.map((xi) => predict(xi)) : undefined;
  if (opts.residuals && fitted) data.push(residualTrace(x, y, fitted));
  data.push({
    type: "scatter",
    mode: "markers",
    name: opts.dataName ?? "data",
    x: [...x],
    y: [...y],
    marker: { color: colorAt(0), size: 7, opacity: 0.8 },
    legendrank: 1,
  });
  if (!fitted) return { data, layout };

  let lx: number[];
  let ly: number[];
  if (predict && x.length > 0) {
    const [lo, hi] = extent(x);
    lx = linspace(lo, hi, LINE_POINTS);
    ly = lx.map((v) => predict(v));
  } else {
    // Predictions at the data points: sort by x, or plotly would join them in data order and zig-zag.
    const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
    lx = order.map((i) => x[i]);
    ly = order.map((i) => fitted[i]);
  }
  data.push({
    type: "scatter",
    mode: "lines",
    name: opts.lineName ?? "fit",
    x: lx,
    y: ly,
    line: { color: colorAt(1), width: 3 },
    legendrank: 2,
  });

  return { data, layout };
}

/**
 * All residuals as ONE trace: segments (x, y) -> (x, fitted) separated by `null`, which plotly treats as a gap.
 * One trace instead of one per point keeps the legend to a single entry and the figure fast with many points.
 */
function residualTrace(x: readonly number[], y: readonly number[], fitted: readonly number[]): Trace {
  const xs: Datum[] = [];
  const ys: Datum[] = [];
  x.forEach((xi, i) => {
    xs.push(xi, xi, null);
    ys.push(y[i], fitted[i], null);
  });
  return {
    type: "scatter",
    mode: "lines",
    name: "residuals",
    x: xs,
    y: ys,
    line: { color: "#888888", width: 1, dash: "dot" },
    hoverinfo: "skip",
    // Drawn first so the dots sit on top, but listed last in the legend.
    legendrank: 3,
  };
}
