// Helpers for this folder's tests (not a test file itself, so tsx and tsc both see it as plain code).
import type { Finding } from "./types";

/** Lines (sorted) at which `rule` fired, so tests read `assert.deepEqual(linesOf(f, "SL001"), [3])`. */
export function linesOf(findings: readonly Finding[], rule: string): number[] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => f.line)
    .sort((a, b) => a - b);
}

/** Build a Dockerfile from lines, so a fixture's line numbers are easy to count: line i+1 is lines[i]. */
export function df(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}
