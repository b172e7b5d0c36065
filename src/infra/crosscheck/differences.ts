// The list of disagreements the project keeps on purpose (differences.yaml), and the report that applies it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { Comparison, Tool } from "./types";

export interface Difference {
  tool: Tool;
  subject: string;
  reason: string;
}

export const DIFFERENCES_FILE = join("src", "infra", "crosscheck", "differences.yaml");

export function loadDifferences(root: string): Difference[] {
  const raw = parse(readFileSync(join(root, DIFFERENCES_FILE), "utf8")) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${DIFFERENCES_FILE} must be a list`);
  return raw.map((d, i) => {
    const ok = d && typeof d.tool === "string" && typeof d.subject === "string" && typeof d.reason === "string";
    if (!ok) throw new Error(`${DIFFERENCES_FILE} entry ${i + 1} needs tool, subject and reason`);
    return d as Difference;
  });
}

export interface ToolSummary {
  tool: Tool | string;
  compared: number;
  agreements: number;
  explained: number;
  unexplained: Comparison[];
  /** Entries of differences.yaml for this tool that no longer match a disagreement (stale, to be removed). */
  stale: Difference[];
}

export function summarize(tool: Tool, rows: Comparison[], differences: Difference[]): ToolSummary {
  const mine = differences.filter((d) => d.tool === tool);
  const explainedBy = (c: Comparison) => mine.find((d) => d.subject === c.subject);
  const disagreements = rows.filter((c) => !c.agree);
  return {
    tool,
    compared: rows.length,
    agreements: rows.length - disagreements.length,
    explained: disagreements.filter((c) => explainedBy(c)).length,
    unexplained: disagreements.filter((c) => !explainedBy(c)),
    stale: mine.filter((d) => !disagreements.some((c) => c.subject === d.subject)),
  };
}

/** The agreement table, one row per tool. */
export function formatTable(summaries: ToolSummary[]): string {
  const header = ["tool", "compared", "agreements", "disagreements", "explained", "unexplained"];
  const rows = summaries.map((s) => [
    s.tool,
    String(s.compared),
    String(s.agreements),
    String(s.compared - s.agreements),
    String(s.explained),
    String(s.unexplained.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
