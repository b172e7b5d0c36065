import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const PACKAGE_NAME = "ml-engineer-study";

/**
 * The workspace root: the nearest folder, from the current directory upwards, whose package.json is this project's.
 * The kernel, the scripts and the tests all run with their working directory inside the workspace, so walking up
 * from `process.cwd()` works everywhere (notebooks compile to CommonJS under tslab, where `import.meta` is absent).
 */
export function findRoot(start: string = process.cwd()): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, "utf8")).name === PACKAGE_NAME) return dir;
      } catch {
        // An unreadable package.json is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Not inside the ${PACKAGE_NAME} workspace (started looking in ${start}).`);
    }
    dir = parent;
  }
}

/** Absolute paths of the workspace's rooms. */
export function workspacePaths(root: string = findRoot()) {
  const venv = join(root, ".venv");
  return {
    root,
    venv,
    venvBin: join(venv, process.platform === "win32" ? "Scripts" : "bin"),
    kernelDir: join(venv, "share", "jupyter", "kernels", KERNEL_NAME),
    pythonKernelDir: join(venv, "share", "jupyter", "kernels", PYTHON_KERNEL_NAME),
    requirements: join(root, "requirements.txt"),
    requirementsLock: join(root, "requirements-lock.txt"),
    exercises: join(root, "exercises"),
    solutions: join(root, "solutions"),
    notebooks: join(root, "notebooks"),
    datasets: join(root, "datasets"),
    progress: join(root, ".progress.json"),
  };
}

/** The kernelspec name every notebook's metadata refers to. */
export const KERNEL_NAME = "typescript-study";
export const KERNEL_DISPLAY_NAME = "TypeScript (study)";
/** The second project kernel: the Python of .venv (scikit-learn, joblib, FastAPI), for the companion notebooks. */
export const PYTHON_KERNEL_NAME = "python-study";
export const PYTHON_KERNEL_DISPLAY_NAME = "Python (study)";
