import { display } from "tslab";
import { isNotInKernelError } from "./kernel";
import type { Figure } from "./types";

/** The MIME type JupyterLab's plotly renderer (the jupyterlab-plotly extension) draws. */
export const PLOTLY_MIME = "application/vnd.plotly.v1+json";

export interface ShowOptions {
  /** Plot height in pixels, unless the figure's layout sets one. Default 450 (the renderer's own default is 360). */
  height?: number;
}

/** Options for plotly's interactive toolbar: no plotly logo, and the chart follows the notebook's width. */
const CONFIG = { displaylogo: false, responsive: true };

let warnedOutsideKernel = false;

/**
 * Draws the figure as an interactive chart in the notebook output.
 *
 * It returns nothing on purpose: tslab prints the value of a cell's last expression, so returning the figure would
 * dump its whole JSON under every chart. Keep the figure in a variable if you also want to savePng() it.
 *
 * Everything is local: the figure goes to JupyterLab as plain JSON, and the jupyterlab-plotly extension renders it
 * with the plotly.js it bundles (no CDN, works offline). Outside a kernel (node scripts, tests) there is nowhere to
 * draw, so it prints a one-line note the first time and otherwise does nothing; use savePng() there instead.
 */
export function show(fig: Figure, opts: ShowOptions = {}): void {
  // The renderer sets layout.height on the object it receives, and fails if there is no layout at all: send a copy.
  const layout = { ...fig.layout, height: fig.layout?.height ?? opts.height ?? 450 };
  const payload = { data: fig.data, layout, config: CONFIG };
  try {
    // `raw` passes the object through as the MIME bundle's value (its type says string, but any JSON works).
    display.raw(PLOTLY_MIME, payload as unknown as string);
  } catch (err) {
    if (!isNotInKernelError(err)) throw err;
    if (!warnedOutsideKernel) {
      warnedOutsideKernel = true;
      console.error("plot: not running in a Jupyter kernel, so show() draws nothing (savePng() writes an image).");
    }
  }
}
