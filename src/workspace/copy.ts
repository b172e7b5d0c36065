import { cpSync, existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** Heavy or machine-local folders that a temporary copy links to or leaves out instead of copying. */
const SKIP = new Set([
  "node_modules",
  ".venv",
  ".git",
  ".jupyter",
  ".progress.json",
  ".cache",
  ".tools",
  ".mlflow",
  ".review",
]);

/**
 * Copies the workspace into a new temporary folder (node_modules linked, not copied), optionally laying
 * solutions/ over exercises/. The notebook runner uses it so that a run never touches the learner's files.
 */
export function temporaryWorkspace(root: string, opts: { withSolutions: boolean }): string {
  const dir = mkdtempSync(join(tmpdir(), "workspace-"));
  cpSync(root, dir, {
    recursive: true,
    filter: (src) => src === root || !SKIP.has(basename(src)),
  });
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  // The copy's notebooks start moto and MLflow from .venv, like the learner's do.
  if (existsSync(join(root, ".venv"))) symlinkSync(join(root, ".venv"), join(dir, ".venv"), "dir");
  if (opts.withSolutions) cpSync(join(root, "solutions"), join(dir, "exercises"), { recursive: true });
  return dir;
}
