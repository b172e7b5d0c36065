import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { KERNEL_DISPLAY_NAME, PYTHON_KERNEL_DISPLAY_NAME, workspacePaths } from "./paths";
import { capture, runOrThrow } from "./run";

const LAB_OVERRIDES = {
  "@jupyterlab/apputils-extension:notification": { fetchNews: "false", checkForUpdates: false },
};

export const MIN_PYTHON: [number, number] = [3, 10];

/** Finds a Python 3.10+ interpreter: $PYTHON first, then python3, then python. */
export function findPython(): { cmd: string; version: string } | undefined {
  const candidates = [process.env.PYTHON, "python3", "python"].filter((c): c is string => !!c);
  for (const cmd of candidates) {
    const out = capture(cmd, ["-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"]);
    if (!out) continue;
    const [major, minor] = out.split(".").map(Number);
    if (major > MIN_PYTHON[0] || (major === MIN_PYTHON[0] && minor >= MIN_PYTHON[1])) return { cmd, version: out };
  }
  return undefined;
}

/** One hash over the requirements and their lock, so a change to either reinstalls. */
function requirementsHash(files: string[]): string {
  const h = createHash("sha256");
  for (const f of files) h.update(readFileSync(f));
  return h.digest("hex");
}

/** The kernelspec that starts tslab through the launcher, with absolute paths (no reliance on PATH). */
export function kernelSpec(root: string) {
  return {
    argv: [process.execPath, join(root, "scripts", "kernel-launcher.cjs"), "{connection_file}"],
    display_name: KERNEL_DISPLAY_NAME,
    language: "typescript",
  };
}

/** The kernelspec of the Python companion notebooks: ipykernel in .venv, by absolute path. */
export function pythonKernelSpec(venvBin: string) {
  return {
    argv: [join(venvBin, "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
    display_name: PYTHON_KERNEL_DISPLAY_NAME,
    language: "python",
  };
}

/**
 * Makes the Python side ready, idempotently:
 * 1. `.venv` exists (created with the found Python);
 * 2. requirements.txt is installed, every package held to its version in requirements-lock.txt (skipped when
 *    neither file changed since the last install);
 * 3. the project kernelspecs ("TypeScript (study)", and "Python (study)" for the companion notebooks) sit inside the
 *    venv's own Jupyter data path, so nothing touches the user's Jupyter.
 * Returns what it did, for the start-up message.
 */
export function ensureSetup(log: (line: string) => void = console.log): string[] {
  const p = workspacePaths();
  const done: string[] = [];
  const python = join(p.venvBin, "python");
  if (!existsSync(python)) {
    const found = findPython();
    if (!found) {
      throw new Error(
        `Python ${MIN_PYTHON.join(".")}+ was not found. Install it (Debian/Ubuntu: apt-get install python3 python3-venv), or set PYTHON=/path/to/python3.`,
      );
    }
    log(`Creating .venv with ${found.cmd} ${found.version} ...`);
    runOrThrow(found.cmd, ["-m", "venv", p.venv], "Creating .venv (on Debian/Ubuntu you may need python3-venv)");
    done.push("created .venv");
  }
  const stamp = join(p.venv, ".requirements.sha256");
  const wanted = requirementsHash([p.requirements, p.requirementsLock]);
  if (!existsSync(stamp) || readFileSync(stamp, "utf8").trim() !== wanted) {
    log("Installing the pinned Python packages (JupyterLab ...) into .venv; the first time takes a minute ...");
    runOrThrow(
      python,
      ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", p.requirements, "-c", p.requirementsLock],
      "pip install",
    );
    writeFileSync(stamp, `${wanted}\n`);
    done.push("installed requirements.txt");
  }
  // JupyterLab runs Node scripts that live inside .venv (jupyter_builder's yarn.js). Node looks upwards for the
  // nearest package.json to decide the module type, and ours says "module"; this marker keeps .venv CommonJS.
  const marker = join(p.venv, "package.json");
  if (!existsSync(marker)) writeFileSync(marker, '{ "type": "commonjs" }\n');
  // JupyterLab defaults for this workspace: no "fetch Jupyter news?" prompt (the workspace works offline).
  const overrides = join(p.venv, "share", "jupyter", "lab", "settings", "overrides.json");
  const wantedOverrides = `${JSON.stringify(LAB_OVERRIDES, null, 2)}\n`;
  if (!existsSync(overrides) || readFileSync(overrides, "utf8") !== wantedOverrides) {
    mkdirSync(dirname(overrides), { recursive: true });
    writeFileSync(overrides, wantedOverrides);
  }
  const specPath = join(p.kernelDir, "kernel.json");
  const spec = `${JSON.stringify(kernelSpec(p.root), null, 2)}\n`;
  if (!existsSync(specPath) || readFileSync(specPath, "utf8") !== spec) {
    mkdirSync(p.kernelDir, { recursive: true });
    writeFileSync(specPath, spec);
    done.push(`registered the "${KERNEL_DISPLAY_NAME}" kernel in .venv`);
  }
  const pythonSpecPath = join(p.pythonKernelDir, "kernel.json");
  const pythonSpec = `${JSON.stringify(pythonKernelSpec(p.venvBin), null, 2)}\n`;
  if (!existsSync(pythonSpecPath) || readFileSync(pythonSpecPath, "utf8") !== pythonSpec) {
    mkdirSync(p.pythonKernelDir, { recursive: true });
    writeFileSync(pythonSpecPath, pythonSpec);
    done.push(`registered the "${PYTHON_KERNEL_DISPLAY_NAME}" kernel in .venv`);
  }
  return done;
}
