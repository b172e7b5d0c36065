// The inputs every cross-check runs over: the checkers' fixtures, every exercise solution, the capstone's own files.
// A solution is a file of its exercise's folder (an overlay's base stays in exercises/), so solutions are read from a
// temporary copy of exercises/ with solutions/ laid over it, at the same relative paths; `capstone/` is linked in
// beside it, so an overlay's `../../../capstone/k8s/base` still resolves. Reported paths are the repository's.
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, relative } from "node:path";

const SKIP = new Set(["node_modules", ".venv", ".git", "dist", "model"]);

/** Every file under `dir` (recursively) whose name passes `keep`, skipping dependency and build folders. */
export function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out.sort();
}

export interface Inputs {
  /** Absolute path -> the path to report (relative to the repository). */
  label(path: string): string;
  /** Folders holding a kustomization.yaml. */
  kustomizations: string[];
  prometheusConfigs: string[];
  dockerfiles: string[];
  /** Removes the temporary solutions tree. */
  dispose(): void;
}

const isKustomization = (n: string) => n === "kustomization.yaml" || n === "kustomization.yml";
const isPrometheusConfig = (n: string) => /^prometheus\.ya?ml$/.test(n);
const isDockerfile = (n: string) => n === "Dockerfile" || n.endsWith(".Dockerfile");

/** Lay solutions/ over a copy of exercises/ in a temporary folder that mirrors the repository's layout. */
function solutionsTree(root: string): string {
  const tmp = mkdtempSync(join(tmpdir(), "crosscheck-"));
  cpSync(join(root, "exercises"), join(tmp, "solutions"), { recursive: true });
  cpSync(join(root, "solutions"), join(tmp, "solutions"), { recursive: true, force: true });
  symlinkSync(join(root, "capstone"), join(tmp, "capstone"), "dir");
  return tmp;
}

export function collectInputs(root: string): Inputs {
  const tmp = solutionsTree(root);
  const solutionFiles = (keep: (n: string) => boolean) =>
    walk(join(root, "solutions"), keep).map((p) => join(tmp, relative(root, p)));
  const fixtures = (keep: (n: string) => boolean) => walk(join(root, "src", "infra"), keep);
  const capstone = (keep: (n: string) => boolean) => walk(join(root, "capstone"), keep);
  const all = (keep: (n: string) => boolean) => [...fixtures(keep), ...solutionFiles(keep), ...capstone(keep)];
  return {
    label: (path) => relative(path.startsWith(tmp) ? tmp : root, path) || basename(path),
    kustomizations: all(isKustomization).map((f) => join(f, "..")),
    prometheusConfigs: [
      ...fixtures((n) => n.endsWith(".yml") && /^(PROM\d{3}|good)/.test(n)),
      ...solutionFiles(isPrometheusConfig),
      ...walk(join(root, "capstone", "compose", "prometheus"), isPrometheusConfig),
    ],
    dockerfiles: all(isDockerfile),
    dispose: () => rmSync(tmp, { recursive: true, force: true }),
  };
}
