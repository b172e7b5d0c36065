// Live progress for TensorFlow.js training: a callback for model.fit that redraws ONE progress output (in a
// notebook, the bar from src/plot; in a terminal, one line) and records the history for lossCurves.
import * as tf from "@tensorflow/tfjs";
import type { EpochRecord } from "../plot/loss";
import { type ProgressOptions, progress } from "../plot/progress";

export interface FitProgressOptions {
  /** The number of epochs model.fit will run (the bar's 100%). */
  epochs: number;
  /** Shown before the bar. Default "tfjs training". */
  label?: string;
  /** Where terminal output goes (default process.stderr); tests pass a fake stream. */
  stream?: ProgressOptions["stream"];
}

export interface FitProgress {
  /** Pass it to model.fit: `callbacks: [fp.callback]`. */
  callback: tf.CustomCallback;
  /** One record per finished epoch (loss, accuracy, and val* when fit has validation data), for lossCurves. */
  history: EpochRecord[];
}

/** tfjs names the accuracy metric "acc" or "accuracy" depending on how it was requested; accept both. */
function pick(logs: tf.Logs | undefined, ...keys: string[]): number | undefined {
  for (const k of keys) {
    const v = logs?.[k];
    if (typeof v === "number" && Number.isFinite(v)) return v;
  }
  return undefined;
}

/**
 * A model.fit callback that shows live progress (epoch, loss, accuracy) and collects the history:
 *
 *     const fp = fitProgress({ epochs: 50 });
 *     await model.fit(xs, ys, { epochs: 50, callbacks: [fp.callback] });
 *     show(lossCurves(fp.history));
 *
 * One callback per fit call: it counts epochs from the start of that call.
 */
export function fitProgress(opts: FitProgressOptions): FitProgress {
  const history: EpochRecord[] = [];
  const bar = progress({ total: opts.epochs, label: opts.label ?? "tfjs training", stream: opts.stream });
  const callback = new tf.CustomCallback({
    onEpochEnd: (epoch, logs) => {
      const record: EpochRecord = { epoch: epoch + 1, loss: pick(logs, "loss") ?? Number.NaN };
      const accuracy = pick(logs, "acc", "accuracy");
      const valLoss = pick(logs, "val_loss");
      const valAccuracy = pick(logs, "val_acc", "val_accuracy");
      if (accuracy !== undefined) record.accuracy = accuracy;
      if (valLoss !== undefined) record.valLoss = valLoss;
      if (valAccuracy !== undefined) record.valAccuracy = valAccuracy;
      history.push(record);
      const { epoch: _, ...metrics } = record;
      bar.update(epoch + 1, metrics);
    },
    onTrainEnd: () => bar.done(),
  });
  return { callback, history };
}
