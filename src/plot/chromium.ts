import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { findRoot } from "../workspace/paths";

/** Which browser the workspace drives headless (PNG export, the browser check, the capstone's screenshots). */
export interface BrowserChoice {
  executablePath: string;
  /** Where it came from, for messages and `npm run doctor`. */
  source: "CHROMIUM_PATH" | "installed" | "packaged";
  /** Extra environment the browser needs (the packaged one brings its own fonts). */
  env: Record<string, string>;
}

/** Chrome or Chromium where the usual installers put them, per platform. */
export function installedBrowserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === "darwin") {
    return [
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      join(homedir(), "Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
    ];
  }
  if (platform === "win32") {
    const roots = [env.PROGRAMFILES, env["PROGRAMFILES(X86)"], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.map((r) => join(r, "Google", "Chrome", "Application", "chrome.exe"));
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/snap/bin/chromium",
  ];
}

/** The npm package @sparticuz/chromium ships a headless Chromium for Linux x64 inside the package itself. */
const PACKAGE = "@sparticuz/chromium";

function packagedVersion(root: string): string | undefined {
  try {
    return JSON.parse(readFileSync(join(root, "node_modules", PACKAGE, "package.json"), "utf8")).version;
  } catch {
    return undefined;
  }
}

/** Where the packaged browser is unpacked once per version: the user's cache, so every clone shares it. */
export function packagedBrowserDir(version: string, env: NodeJS.ProcessEnv = process.env): string {
  const cache = env.XDG_CACHE_HOME || join(homedir(), ".cache");
  return join(cache, "ml-engineer-study", `chromium-${version}`);
}

/**
 * What `findChromium` would use, without unpacking anything: for `npm run doctor` and error messages.
 * Order: CHROMIUM_PATH, then an installed Chrome or Chromium, then the packaged one (Linux x64 only).
 */
export function describeChromium(env: NodeJS.ProcessEnv = process.env, root: string = findRoot()): string {
  if (env.CHROMIUM_PATH) return `CHROMIUM_PATH=${env.CHROMIUM_PATH}`;
  const installed = installedBrowserCandidates(process.platform, env).find((p) => existsSync(p));
  if (installed) return `installed browser ${installed}`;
  const version = packagedVersion(root);
  if (version && process.platform === "linux" && process.arch === "x64") {
    return `packaged Chromium from ${PACKAGE} ${version} (unpacked on first use into ${packagedBrowserDir(version, env)})`;
  }
  return "none";
}

const NO_BROWSER =
  "No Chrome or Chromium was found, and the packaged one (the npm package @sparticuz/chromium) runs only on Linux " +
  "x64. Install Google Chrome or Chromium, or set CHROMIUM_PATH to a Chrome or Chromium executable.";

/**
 * The browser to drive, in this order: CHROMIUM_PATH; an installed Chrome or Chromium (macOS and Windows learners
 * usually have one); the Chromium packaged in node_modules, unpacked once into the user's cache. Nothing is ever
 * downloaded. Throws an error that says what to do when none is usable.
 */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  root: string = findRoot(),
): Promise<BrowserChoice> {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return { executablePath: fromEnv, source: "CHROMIUM_PATH", env: {} };
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there. Fix or unset it.`);
  }
  const installed = installedBrowserCandidates(process.platform, env).find((p) => existsSync(p));
  if (installed) return { executablePath: installed, source: "installed", env: {} };
  return packagedChromium(env, root);
}

/** The Chromium packaged in node_modules, unpacked on first use (Linux x64 only). */
export async function packagedChromium(
  env: NodeJS.ProcessEnv = process.env,
  root: string = findRoot(),
): Promise<BrowserChoice> {
  const version = packagedVersion(root);
  if (!version || process.platform !== "linux" || process.arch !== "x64") throw new Error(NO_BROWSER);
  const dir = await unpackPackagedBrowser(root, packagedBrowserDir(version, env));
  return {
    executablePath: join(dir, "chromium"),
    source: "packaged",
    // Its fonts come along in the package; without them every label in a chart would be missing.
    env: { FONTCONFIG_FILE: join(dir, "fonts.conf") },
  };
}

/**
 * Unpacks the packaged browser into `dir` once. The package's own code does the unpacking, in a child process
 * whose TMPDIR is a private folder (the package unpacks into the temporary folder); that folder is then renamed
 * into place, so two processes starting at once never see a half-written browser. fonts.conf is written last and
 * marks a complete unpack.
 */
async function unpackPackagedBrowser(root: string, dir: string): Promise<string> {
  if (existsSync(join(dir, "fonts.conf"))) return dir;
  mkdirSync(dirname(dir), { recursive: true });
  const partial = mkdtempSync(`${dir}.partial-`);
  try {
    const script = `import(${JSON.stringify(PACKAGE)}).then((m) => m.default.executablePath()).then((p) => process.stdout.write(p))`;
    const exe = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
        cwd: root,
        env: { ...process.env, TMPDIR: partial },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("error", reject);
      child.on("close", (code) =>
        code === 0 ? resolve(out.trim()) : reject(new Error(`unpacking ${PACKAGE} failed (exit ${code}): ${err}`)),
      );
    });
    if (exe !== join(partial, "chromium")) throw new Error(`${PACKAGE} unpacked to ${exe}, expected ${partial}`);
    writeFileSync(join(partial, "fonts.conf"), fontsConf(dir));
    try {
      renameSync(partial, dir);
    } catch (e) {
      // Another process finished first: use its copy.
      if (!existsSync(join(dir, "fonts.conf"))) throw e;
    }
    return dir;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/** The system's fonts when it has a font configuration, plus the fonts that ship with the packaged browser. */
function fontsConf(dir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, "fonts", "fonts")}</dir>
  <cachedir>${join(dir, "fontconfig-cache")}</cachedir>
</fontconfig>
`;
}

/**
 * Flags for a quiet, offline, throwaway browser: no sandbox (containers usually cannot provide one), no GPU, and
 * none of the background traffic (updates, sync, field trials) Chromium otherwise starts on its own. The same flags
 * serve the installed and the packaged browser; the packaged one's own advice (--single-process and others, made
 * for AWS Lambda) is not followed.
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

/** playwright-core launch options for the chosen browser, and which browser that is. */
export async function chromiumLaunch(env: NodeJS.ProcessEnv = process.env) {
  const choice = await findChromium(env);
  const options = {
    executablePath: choice.executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...env, ...choice.env } as Record<string, string>,
  };
  return { choice, options };
}
