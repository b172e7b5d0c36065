import { existsSync } from "node:fs";

/** Where Debian/Ubuntu packages put Chromium; CHROMIUM_PATH overrides. */
const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/**
 * The Chromium executable savePng() drives. We use the system's browser rather than one downloaded by Playwright,
 * so nothing is fetched from the internet. Throws an error that says how to get one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there. Fix or unset it.`);
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    "savePng needs Chromium to render the chart, and none was found. " +
      "Install it (Debian/Ubuntu: `sudo apt-get install chromium`) " +
      "or set CHROMIUM_PATH to a Chromium or Chrome executable.",
  );
}

/**
 * Flags for a quiet, offline, throwaway browser: no sandbox (containers usually cannot provide one), no GPU, and
 * none of the background traffic (updates, sync, field trials) Chromium otherwise starts on its own.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
