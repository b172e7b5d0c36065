import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { findRoot } from "../workspace/paths";
import { type BrowserChoice, CHROMIUM_ARGS, findChromium } from "./chromium";
import type { Figure } from "./types";

export interface SavePngOptions {
  width?: number;
  height?: number;
  /** Pixel density: 2 gives a sharper image (twice the pixels) for slides and reports. Default 1. */
  scale?: number;
  /** The browser to render with; by default the one findChromium() picks. */
  browser?: BrowserChoice;
}

/** The plotly.js bundle installed with the workspace; loaded from disk, never from a CDN. */
export function plotlyBundlePath(root: string = findRoot()): string {
  return join(root, "node_modules", "plotly.js-dist-min", "plotly.min.js");
}

/**
 * Renders the figure to a PNG file with headless Chromium and returns the file's absolute path.
 * Use it for reports, or in scripts and tests where show() has no notebook to draw in.
 *
 * How: open a blank page (no server, all network blocked), inject plotly.js from node_modules, and ask
 * `Plotly.toImage` for the picture. It takes about 3 seconds, mostly for the page to parse the 4.8 MB plotly.js.
 */
export async function savePng(fig: Figure, path: string, opts: SavePngOptions = {}): Promise<string> {
  const { width = 800, height = 500, scale = 1 } = opts;
  const browser = opts.browser ?? (await findChromium());
  const bundle = plotlyBundlePath();
  if (!existsSync(bundle)) {
    throw new Error(`plotly.js is not installed (looked for ${bundle}); run the workspace setup again.`);
  }
  const out = resolve(path);

  // Loaded here, not at the top of the file, so importing src/plot in a notebook does not load Playwright.
  const { chromium } = await import("playwright-core");
  // A fresh profile each time: no state leaks between renders, and it is deleted afterwards.
  const profile = mkdtempSync(join(tmpdir(), "plot-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: browser.executablePath,
      env: { ...process.env, ...browser.env } as Record<string, string>,
      headless: true,
      args: CHROMIUM_ARGS,
      offline: true,
    });
    try {
      // Belt and braces: any request at all (a font, a map tile) fails instead of reaching the network.
      await context.route("**/*", (route) => route.abort());
      const page = context.pages()[0] ?? (await context.newPage());
      await page.addScriptTag({ path: bundle });
      const figure = { data: fig.data, layout: { ...fig.layout, width, height } };
      // This function runs inside the browser page, where plotly.js defined the global `Plotly`.
      // toImage accepts a figure object directly, so no <div> is needed; it resolves to a data: URL.
      const dataUrl = await page.evaluate(
        (arg) =>
          (globalThis as unknown as { Plotly: PlotlyInPage }).Plotly.toImage(arg.figure, {
            format: "png",
            width: arg.width,
            height: arg.height,
            scale: arg.scale,
          }),
        { figure, width, height, scale },
      );
      const base64 = dataUrl.slice(dataUrl.indexOf(",") + 1);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, Buffer.from(base64, "base64"));
      return out;
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The one plotly.js function savePng calls inside the page. */
interface PlotlyInPage {
  toImage(
    figure: { data: unknown[]; layout: unknown },
    opts: { format: "png"; width: number; height: number; scale: number },
  ): Promise<string>;
}
