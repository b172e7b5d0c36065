import { colorAt } from "./colors";
import { axis, baseLayout, type LabelOptions } from "./layout";
import { assertSameLength } from "./math";
import type { Figure, Trace } from "./types";

export interface RocCurveData {
  fpr: readonly number[];
  tpr: readonly number[];
  auc: number;
  name?: string;
}

/**
 * ROC curves (true-positive rate against false-positive rate as the threshold moves), one per model, with the AUC in
 * each legend entry and the dashed diagonal of a random classifier (AUC 0.5) for comparison.
 */
export function rocCurve(curves: readonly RocCurveData[], opts: LabelOptions = {}): Figure {
  const data: Trace[] = curves.map((c, i) => {
    assertSameLength(`rocCurve ${c.name ?? `curve ${i}`} fpr and tpr`, c.fpr, c.tpr);
    const name = c.name ?? (curves.length > 1 ? `model ${i + 1}` : "model");
    return {
      type: "scatter",
      mode: "lines",
      name: `${name} (AUC = ${c.auc.toFixed(3)})`,
      x: [...c.fpr],
      y: [...c.tpr],
      line: { color: colorAt(i), width: 2.5, shape: "linear" },
      hovertemplate: "FPR %{x:.3f}<br>TPR %{y:.3f}",
    };
  });
  // Drawn last so it sits in the legend after the models, but thin and grey so it stays in the background.
  data.push({
    type: "scatter",
    mode: "lines",
    name: "chance (AUC = 0.500)",
    x: [0, 1],
    y: [0, 1],
    line: { color: "#999999", width: 1.5, dash: "dash" },
    hoverinfo: "skip",
  });

  const layout = baseLayout({ xLabel: "false positive rate", yLabel: "true positive rate", ...opts });
  // Both axes fixed to 0..1 (with a hair of room so the lines at 0 and 1 are not cut). We do not force a square
  // plot: it would leave wide empty sides in a notebook-width output and push the legend away from the curves.
  layout.xaxis = axis(opts.xLabel ?? "false positive rate", { range: [-0.01, 1.01] });
  layout.yaxis = axis(opts.yLabel ?? "true positive rate", { range: [-0.01, 1.01] });
  // Legend inside the plot's bottom-right corner, which a good ROC curve leaves empty.
  layout.legend = {
    x: 0.98,
    y: 0.02,
    xanchor: "right",
    yanchor: "bottom",
    bgcolor: "rgba(255,255,255,0.85)",
    bordercolor: "#cccccc",
    borderwidth: 1,
  };
  return { data, layout };
}
