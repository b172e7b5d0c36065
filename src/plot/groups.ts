import { colorAt } from "./colors";
import { baseLayout, type LabelOptions } from "./layout";
import { assertSameLength } from "./math";
import type { Figure, Trace } from "./types";

export interface ScatterByGroupOptions extends LabelOptions {
  /** Legend names of the colour groups by index (default "group 0", "group 1"...). */
  groupNames?: readonly string[];
  /** A second grouping shown by marker shape, e.g. the true class next to a cluster colour. */
  shapes?: readonly number[];
  /** Legend names of the shape groups by index. */
  shapeNames?: readonly string[];
}

/** Marker shapes that stay apart at small sizes, one per shape group. */
const SHAPES = ["circle", "x", "diamond", "square", "triangle-up", "cross"];

/**
 * 2-D points coloured by one grouping (clusters, predicted classes) and, optionally, shaped by a second (the true
 * classes): one trace per (colour, shape) pair, so the legend can switch each combination on and off.
 */
export function scatterByGroup(
  x: readonly number[],
  y: readonly number[],
  groups: readonly number[],
  opts: ScatterByGroupOptions = {},
): Figure {
  assertSameLength("scatterByGroup x and y", x, y);
  assertSameLength("scatterByGroup x and groups", x, groups);
  if (opts.shapes) assertSameLength("scatterByGroup x and shapes", x, opts.shapes);
  const shapes = opts.shapes ?? groups.map(() => 0);
  const groupName = (g: number) => opts.groupNames?.[g] ?? `group ${g}`;
  const keys = [...new Set(groups.map((g, i) => `${g}:${shapes[i]}`))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  const data: Trace[] = keys.map((key) => {
    const [g, s] = key.split(":").map(Number);
    const idx = groups.map((_, i) => i).filter((i) => groups[i] === g && shapes[i] === s);
    return {
      type: "scatter",
      mode: "markers",
      name: opts.shapes ? `${groupName(g)} · ${opts.shapeNames?.[s] ?? `shape ${s}`}` : groupName(g),
      x: idx.map((i) => x[i]),
      y: idx.map((i) => y[i]),
      marker: { color: colorAt(g), size: 7, opacity: 0.8, symbol: SHAPES[s % SHAPES.length] },
    };
  });
  return { data, layout: baseLayout({ xLabel: "x1", yLabel: "x2", ...opts }) };
}
