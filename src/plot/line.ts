import { colorAt, withAlpha } from "./colors";
import { axis, baseLayout, type LabelOptions } from "./layout";
import { assertSameLength, extent } from "./math";
import type { Axis, Figure, Trace } from "./types";

export interface LineSeries {
  name: string;
  x: readonly number[];
  y: readonly number[];
  /** Spread at each x (e.g. the standard deviation over cross-validation folds): drawn as a band y ± std. */
  std?: readonly number[];
}

export interface LineChartOptions extends LabelOptions {
  /** Log-scale x axis, for hyper-parameters swept over powers of ten (regularisation C, learning rate). */
  logX?: boolean;
  logY?: boolean;
  /** Show a marker at each measured x. Default true: curves from a handful of settings should show where data is. */
  markers?: boolean;
}

/**
 * Several named lines on one chart, each with an optional shaded ± std band: validation curves (score against a
 * hyper-parameter) and learning curves (score against training-set size), for a train and a validation series.
 */
export function lineChart(series: readonly LineSeries[], opts: LineChartOptions = {}): Figure {
  const data: Trace[] = [];
  series.forEach((s, i) => {
    assertSameLength(`lineChart "${s.name}" x and y`, s.x, s.y);
    const color = colorAt(i);
    if (s.std) {
      assertSameLength(`lineChart "${s.name}" y and std`, s.y, s.std);
      data.push(band(s, s.std, color));
    }
    data.push({
      type: "scatter",
      mode: opts.markers === false ? "lines" : "lines+markers",
      name: s.name,
      x: [...s.x],
      y: [...s.y],
      line: { color, width: 2.5 },
      marker: { color, size: 6 },
      legendgroup: s.name,
    });
  });
  const layout = baseLayout(opts);
  layout.xaxis = axis(opts.xLabel, opts.logX ? logAxis(series.flatMap((s) => [...s.x])) : {});
  layout.yaxis = axis(opts.yLabel, opts.logY ? logAxis(series.flatMap((s) => [...s.y])) : {});
  return { data, layout };
}

/**
 * A log axis. Over two or more powers of ten, ticks only at the powers (0.01, 0.1, 1...): plotly would otherwise
 * also label the 2s and 5s in between, which crowds a hyper-parameter sweep.
 */
function logAxis(values: number[]): Axis {
  const positive = values.filter((v) => v > 0);
  if (positive.length === 0) return { type: "log" };
  const [lo, hi] = extent(positive);
  return Math.log10(hi / lo) >= 2 ? { type: "log", dtick: 1 } : { type: "log" };
}

/**
 * The band as one closed shape: along the upper edge left to right, then back along the lower edge right to left,
 * filled with `toself`. Drawn before its line, in the same legend group, so hiding the line hides the band too.
 */
function band(s: LineSeries, std: readonly number[], color: string): Trace {
  const upper = s.y.map((v, i) => v + std[i]);
  const lower = s.y.map((v, i) => v - std[i]);
  return {
    type: "scatter",
    mode: "lines",
    name: `${s.name} ± std`,
    x: [...s.x, ...[...s.x].reverse()],
    y: [...upper, ...lower.reverse()],
    fill: "toself",
    fillcolor: withAlpha(color, 0.18),
    line: { color: "rgba(0,0,0,0)", width: 0 },
    showlegend: false,
    legendgroup: s.name,
    hoverinfo: "skip",
  };
}
