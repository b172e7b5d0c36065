import { newDisplay } from "tslab";
import { escapeHtml } from "../workspace/html";
import { PALETTE } from "./colors";
import { isNotInKernelError } from "./kernel";

export interface ProgressOptions {
  /** How many steps make 100% (e.g. the number of epochs). */
  total: number;
  /** Shown before the bar, e.g. "training". */
  label?: string;
  /** Where terminal output goes; default process.stderr. Tests pass a fake stream. */
  stream?: { write(s: string): unknown; isTTY?: boolean; columns?: number };
}

export interface Progress {
  /** Report that `step` of `total` steps are done, with the latest metrics (loss, accuracy...). Cheap to call often. */
  update(step: number, metrics?: Record<string, number>): void;
  /** Finish: draws the final state (always, even if the last update was skipped) and a one-line summary. */
  done(metrics?: Record<string, number>): void;
}

/** At most ~10 redraws per second: enough to look live, few enough that a fast loop does not drown in output. */
const MIN_REDRAW_MS = 100;
const BAR_WIDTH = 24;

/**
 * Live progress for long cells such as training loops:
 *
 *     const p = progress({ total: epochs, label: "training" });
 *     for (let e = 1; e <= epochs; e++) { ...; p.update(e, { loss }); }
 *     p.done();
 *
 * In a notebook it shows ONE output (an HTML bar with the metrics) that is redrawn in place, instead of a new line
 * per epoch. In a terminal it redraws one line with a carriage return. When stderr is not a terminal (a log file,
 * CI, the test runner) it stays silent until done() and then writes a single summary line, so logs stay short.
 *
 * Each redraw is sent to the notebook as it happens, even from a loop that never awaits (checked with tslab
 * 1.0.22), so the bar moves during a plain synchronous training loop too.
 */
export function progress(opts: ProgressOptions): Progress {
  const label = opts.label ?? "progress";
  const total = opts.total;
  const stream = opts.stream ?? process.stderr;
  const start = Date.now();
  let step = 0;
  let metrics: Record<string, number> = {};
  let lastDraw = 0;
  let finished = false;

  const state = (): ProgressState => ({ label, step, total, metrics, elapsedMs: Date.now() - start });

  // Try to draw the empty bar in the notebook; tslab throws "Not ready" outside a kernel, which picks the terminal.
  let draw: (finished: boolean) => void;
  const display = newDisplay();
  try {
    display.html(renderHtml(state(), false));
    draw = (fin) => display.html(renderHtml(state(), fin));
  } catch (err) {
    if (!isNotInKernelError(err)) throw err;
    if (stream.isTTY) {
      draw = (fin) => {
        // \r returns to the line start, \x1b[K clears what a longer previous line left behind.
        const line = renderLine(state(), fin).slice(0, Math.max(20, (stream.columns ?? 100) - 1));
        stream.write(`\r${line}\x1b[K${fin ? "\n" : ""}`);
      };
    } else {
      draw = (fin) => {
        if (fin) stream.write(`${renderLine(state(), true)}\n`);
      };
    }
  }

  return {
    update(s, m) {
      if (finished) return;
      step = s;
      if (m) metrics = { ...metrics, ...m };
      const now = Date.now();
      if (now - lastDraw < MIN_REDRAW_MS) return;
      lastDraw = now;
      draw(false);
    },
    done(m) {
      if (finished) return;
      finished = true;
      if (m) metrics = { ...metrics, ...m };
      draw(true);
    },
  };
}

export interface ProgressState {
  label: string;
  step: number;
  total: number;
  metrics: Record<string, number>;
  elapsedMs: number;
}

function fraction(s: ProgressState): number {
  return s.total > 0 ? Math.min(1, Math.max(0, s.step / s.total)) : 0;
}

/** "3.2s", "4m 05s": short enough for one line. */
export function formatDuration(ms: number): string {
  const sec = ms / 1000;
  if (sec < 60) return `${sec.toFixed(1)}s`;
  const m = Math.floor(sec / 60);
  return `${m}m ${String(Math.floor(sec % 60)).padStart(2, "0")}s`;
}

/** Four significant digits: enough to see a loss move, short enough to read. Whole numbers stay whole. */
export function formatMetric(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(4);
}

/** "loss=0.2310 acc=0.9100". */
function metricsText(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${k}=${formatMetric(v)}`)
    .join(" ");
}

/** Elapsed time, plus the remaining time estimated from the average step so far. */
function timeText(s: ProgressState, finished: boolean): string {
  if (finished) return `done in ${formatDuration(s.elapsedMs)}`;
  const f = fraction(s);
  const eta = f > 0 ? ` · ETA ${formatDuration((s.elapsedMs / f) * (1 - f))}` : "";
  return `${formatDuration(s.elapsedMs)}${eta}`;
}

/** The terminal form: `training [#########...............] 12/30  40% 3.2s · ETA 4.8s loss=0.23`. */
export function renderLine(s: ProgressState, finished: boolean): string {
  const f = fraction(s);
  const filled = Math.round(f * BAR_WIDTH);
  const bar = `[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}]`;
  const pct = `${Math.round(f * 100)}%`.padStart(4);
  return [s.label, bar, `${s.step}/${s.total}`, pct, timeText(s, finished), metricsText(s.metrics)]
    .filter((part) => part !== "")
    .join(" ");
}

/** The notebook form: a bar plus a line of metrics, inline-styled because a notebook output has no stylesheet. */
export function renderHtml(s: ProgressState, finished: boolean): string {
  const pct = Math.round(fraction(s) * 100);
  const color = finished ? PALETTE[2] : PALETTE[0];
  const metrics = Object.entries(s.metrics)
    .map(([k, v]) => `<b>${escapeHtml(k)}</b> ${formatMetric(v)}`)
    .join(" &nbsp; ");
  return (
    `<div style="font-family: var(--jp-code-font-family, monospace); font-size: 13px; max-width: 560px">` +
    `<div>${escapeHtml(s.label)} &nbsp; ${s.step}/${s.total} (${pct}%) &nbsp; ${escapeHtml(timeText(s, finished))}</div>` +
    `<div style="background: #e5e5e5; border-radius: 4px; height: 10px; margin: 4px 0">` +
    `<div style="background: ${color}; width: ${pct}%; height: 100%; border-radius: 4px"></div></div>` +
    (metrics ? `<div>${metrics}</div>` : "") +
    `</div>`
  );
}
