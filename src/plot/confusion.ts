import { axis, baseLayout, type LabelOptions } from "./layout";
import type { Annotation, Figure } from "./types";

export interface ConfusionOptions extends LabelOptions {
  /** Colour each cell by its share of the row (recall per class) instead of the raw count; the text stays the count. */
  normalize?: boolean;
}

/**
 * A confusion matrix as a heatmap with the count written in every cell.
 * `matrix[i][j]` = how many examples of actual class i were predicted as class j, so predicted labels run along x and
 * actual labels down y, with the first class at the top-left (the usual textbook layout): the diagonal is correct.
 */
export function confusionHeatmap(
  matrix: readonly (readonly number[])[],
  labels: readonly string[],
  opts: ConfusionOptions = {},
): Figure {
  const n = labels.length;
  if (matrix.length !== n || matrix.some((row) => row.length !== n)) {
    throw new Error(`confusionHeatmap: expected a ${n}x${n} matrix to match the ${n} labels`);
  }
  const z = matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return opts.normalize ? row.map((v) => (total > 0 ? v / total : 0)) : [...row];
  });
  const max = Math.max(0, ...z.flat());

  // The count in each cell. Text is white on dark cells and near-black on light ones so it is always readable.
  const annotations: Annotation[] = [];
  matrix.forEach((row, i) => {
    row.forEach((count, j) => {
      annotations.push({
        x: labels[j],
        y: labels[i],
        text: String(count),
        showarrow: false,
        font: { size: 14, color: max > 0 && z[i][j] / max > 0.5 ? "white" : "#222" },
      });
    });
  });

  const layout = baseLayout({ xLabel: "predicted", yLabel: "actual", ...opts }, { annotations, showlegend: false });
  // Category axes so labels like "0" and "1" are not read as numbers; y reversed puts the first class on top.
  layout.xaxis = axis(opts.xLabel ?? "predicted", { type: "category", side: "bottom", showgrid: false });
  layout.yaxis = axis(opts.yLabel ?? "actual", {
    type: "category",
    autorange: "reversed",
    showgrid: false,
    // Square cells: one unit on y as long as one on x.
    scaleanchor: "x",
    constrain: "domain",
  });
  return {
    data: [
      {
        type: "heatmap",
        x: [...labels],
        y: [...labels],
        z,
        colorscale: [
          [0, "#f7fbff"],
          [1, "#08306b"],
        ],
        zmin: 0,
        zmax: opts.normalize ? 1 : max || 1,
        showscale: true,
        colorbar: { title: { text: opts.normalize ? "share of row" : "count" } },
        hovertemplate: "actual %{y}<br>predicted %{x}<br>%{z}<extra></extra>",
      },
    ],
    layout,
  };
}
