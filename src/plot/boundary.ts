import { colorAt } from "./colors";
import { axis, baseLayout, type LabelOptions } from "./layout";
import { extent, linspace } from "./math";
import type { ColorScale, Figure, Trace } from "./types";

/** A labelled 2-D example; `label` is the class index 0, 1, 2... */
export interface BoundaryPoint {
  x1: number;
  x2: number;
  label: number;
}

export interface DecisionBoundaryOptions extends LabelOptions {
  /** The model: a class index (0, 1, 2...) or, for binary models, the probability of class 1. */
  predict: (x1: number, x2: number) => number;
  /** The area to colour; by default the points' extent plus 10% on each side. */
  x1Range?: readonly [number, number];
  x2Range?: readonly [number, number];
  points?: readonly BoundaryPoint[];
  /** Grid cells per side: predict() is called resolution² times. Default 80 (6,400 calls). */
  resolution?: number;
  /** Class names by index, for the legend. */
  labels?: readonly string[];
  /**
   * "class": predict returns class indices, drawn as flat coloured regions.
   * "probability": predict returns P(class 1), drawn as a shaded contour map with the 0.5 line in black.
   * By default: "class" when every predicted value is a whole number, else "probability".
   */
  mode?: "class" | "probability";
}

/**
 * What a classifier decides everywhere in a 2-D feature space: the background shows the prediction on a grid, the
 * dots are the data coloured by their true class. Dots sitting in a region of another colour are misclassified.
 */
export function decisionBoundary(opts: DecisionBoundaryOptions): Figure {
  const points = opts.points ?? [];
  const resolution = opts.resolution ?? 80;
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new Error(`decisionBoundary: resolution must be a whole number >= 2, got ${resolution}`);
  }
  const x1Range =
    opts.x1Range ??
    paddedRange(
      points.map((p) => p.x1),
      "x1Range",
    );
  const x2Range =
    opts.x2Range ??
    paddedRange(
      points.map((p) => p.x2),
      "x2Range",
    );

  const gx = linspace(x1Range[0], x1Range[1], resolution);
  const gy = linspace(x2Range[0], x2Range[1], resolution);
  // plotly's z is row-major with rows along y: z[row j][column i] is the value at (gx[i], gy[j]).
  const z = gy.map((x2) => gx.map((x1) => opts.predict(x1, x2)));

  const mode = opts.mode ?? (z.every((row) => row.every(Number.isInteger)) ? "class" : "probability");
  const classCount = Math.max(
    opts.labels?.length ?? 0,
    ...points.map((p) => p.label + 1),
    ...(mode === "class" ? z.map((row) => Math.max(...row) + 1) : [2]),
  );
  const className = (c: number) => opts.labels?.[c] ?? `class ${c}`;

  const data: Trace[] = mode === "class" ? classRegions(gx, gy, z, classCount) : probabilityMap(gx, gy, z, className);

  // One trace per class so the legend lists the classes and a click hides one.
  for (let c = 0; c < classCount; c++) {
    const mine = points.filter((p) => p.label === c);
    if (mine.length === 0) continue;
    data.push({
      type: "scatter",
      mode: "markers",
      name: className(c),
      x: mine.map((p) => p.x1),
      y: mine.map((p) => p.x2),
      // A white outline keeps each dot visible on top of a region of its own colour.
      marker: { color: colorAt(c), size: 8, line: { color: "white", width: 1 } },
    });
  }

  const layout = baseLayout({ xLabel: "x1", yLabel: "x2", ...opts });
  layout.xaxis = axis(opts.xLabel ?? "x1", { range: [gx[0], gx[gx.length - 1]], showgrid: false });
  layout.yaxis = axis(opts.yLabel ?? "x2", { range: [gy[0], gy[gy.length - 1]], showgrid: false });
  return { data, layout };
}

/** Flat, translucent regions, one colour per class: a heatmap whose colour scale has one step per class. */
function classRegions(gx: number[], gy: number[], z: number[][], classCount: number): Trace[] {
  const colorscale: ColorScale = [];
  for (let c = 0; c < classCount; c++) {
    colorscale.push([c / classCount, colorAt(c)], [(c + 1) / classCount, colorAt(c)]);
  }
  return [
    {
      type: "heatmap",
      name: "predicted class",
      x: gx,
      y: gy,
      z,
      // zmin/zmax at half-steps centre each whole class number in its own colour band.
      zmin: -0.5,
      zmax: classCount - 0.5,
      colorscale,
      opacity: 0.3,
      showscale: false,
      zsmooth: false,
      hovertemplate: "x1 %{x:.3g}<br>x2 %{y:.3g}<br>predicted %{z}<extra></extra>",
    },
  ];
}

/** P(class 1) shaded from class 0's colour through white (undecided) to class 1's, plus the 0.5 decision line. */
function probabilityMap(gx: number[], gy: number[], z: number[][], className: (c: number) => string): Trace[] {
  return [
    {
      type: "contour",
      name: `P(${className(1)})`,
      x: gx,
      y: gy,
      z,
      zmin: 0,
      zmax: 1,
      colorscale: [
        [0, colorAt(0)],
        [0.5, "#ffffff"],
        [1, colorAt(1)],
      ],
      opacity: 0.45,
      contours: { start: 0, end: 1, size: 0.1 },
      line: { width: 0.5, color: "rgba(0,0,0,0.15)" },
      colorbar: { title: { text: `P(${className(1)})` } },
      hovertemplate: "x1 %{x:.3g}<br>x2 %{y:.3g}<br>P = %{z:.2f}<extra></extra>",
    },
    {
      type: "contour",
      name: "decision boundary (P = 0.5)",
      x: gx,
      y: gy,
      z,
      contours: { start: 0.5, end: 0.5, size: 1, coloring: "none" },
      line: { width: 2.5, color: "black" },
      showscale: false,
      hoverinfo: "skip",
    },
  ];
}

/** The values' extent widened by 10% on each side, so no point sits on the plot's edge. */
function paddedRange(values: number[], what: string): [number, number] {
  if (values.length === 0) throw new Error(`decisionBoundary: give ${what} or some points to take it from`);
  const [lo, hi] = extent(values);
  const pad = (hi - lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}
