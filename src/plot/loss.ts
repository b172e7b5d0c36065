import { colorAt } from "./colors";
import { axis, baseLayout, type LabelOptions } from "./layout";
import type { Figure, Trace } from "./types";

/** One row of a training history: what a training loop records after each epoch. */
export interface EpochRecord {
  epoch: number;
  loss: number;
  valLoss?: number;
  accuracy?: number;
  valAccuracy?: number;
}

type Metric = "loss" | "valLoss" | "accuracy" | "valAccuracy";

/**
 * Training (solid) and validation (dashed) loss per epoch. If the history has accuracy, it goes on a second y-axis
 * on the right, because loss and accuracy have different scales. Same colour = same metric, dash = validation:
 * a widening gap between solid and dashed is the classic sign of overfitting.
 */
export function lossCurves(history: readonly EpochRecord[], opts: LabelOptions = {}): Figure {
  const epochs = history.map((h) => h.epoch);
  const has = (m: Metric) => history.some((h) => typeof h[m] === "number");
  const series = (m: Metric, name: string, color: string, validation: boolean, yaxis: "y" | "y2"): Trace => ({
    type: "scatter",
    mode: history.length > 30 ? "lines" : "lines+markers",
    name,
    x: epochs,
    // An epoch without this metric (e.g. validation every 5 epochs) becomes a gap; connectgaps joins across it.
    y: history.map((h) => (typeof h[m] === "number" ? (h[m] as number) : null)),
    connectgaps: true,
    line: { color, width: 2, dash: validation ? "dash" : "solid" },
    marker: { color, size: 5 },
    yaxis,
  });

  const data: Trace[] = [series("loss", "train loss", colorAt(0), false, "y")];
  if (has("valLoss")) data.push(series("valLoss", "val loss", colorAt(0), true, "y"));
  const withAccuracy = has("accuracy") || has("valAccuracy");
  if (has("accuracy")) data.push(series("accuracy", "train accuracy", colorAt(1), false, "y2"));
  if (has("valAccuracy")) data.push(series("valAccuracy", "val accuracy", colorAt(1), true, "y2"));

  const layout = baseLayout({ xLabel: "epoch", yLabel: "loss", ...opts });
  if (withAccuracy) {
    // Accuracy as a fraction gets a fixed 0..1 axis, so small wiggles do not look dramatic; percentages autoscale.
    const fraction = history.every((h) => (h.accuracy ?? 0) <= 1 && (h.valAccuracy ?? 0) <= 1);
    layout.yaxis2 = axis("accuracy", { overlaying: "y", side: "right", showgrid: false });
    if (fraction) layout.yaxis2.range = [0, 1.02];
    layout.margin = { ...layout.margin, r: 70 };
  }
  return { data, layout };
}
