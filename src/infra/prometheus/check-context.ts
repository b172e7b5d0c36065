// What every part of the prometheus.yml checker shares: the parsed document (for line numbers), the findings, and
// the small readers that turn a raw YAML value into a setting or a finding.
import { type Document, isMap, type LineCounter } from "yaml";
import type { Finding } from "../findings";
import { parseDuration } from "./duration";
import type { Labels } from "./relabel";
import { FIXES, SEVERITY } from "./rules";

export type Path = (string | number)[];
export type Raw = Record<string, unknown>;

export const isRaw = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
/** yaml.v2 decodes any scalar into a string field (`regex: true` is "true"), so we do too. */
export const scalar = (v: unknown): string | undefined =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
/** Milliseconds of a duration already checked (0 for none). */
export const ms = (d: string) => parseDuration(d) ?? 0;

export function stringMap(v: unknown): Labels {
  const out: Labels = {};
  if (isRaw(v)) for (const [k, x] of Object.entries(v)) out[k] = String(x);
  return out;
}

export interface Checker {
  findings: Finding[];
  lineOf(path: Path): number;
  /** A finding of `rule` at `path`, about scrape job `job` when given. */
  add(rule: string, path: Path, message: string, job?: string): void;
  /** The duration at `path` (PROM003 and the fallback when it is not one). */
  duration(path: Path, v: unknown, fallback: string, job?: string): string;
  /** The list at `path` ([] when absent; PROM002 and [] when it is not a list). */
  listAt(v: unknown, path: Path, job: string): unknown[];
}

/** The 1-based line of `path`, or of its nearest ancestor in the document; a mapping entry's KEY line. */
function lineFinder(doc: Document, lc: LineCounter) {
  return (path: Path): number => {
    for (let n = path.length; n >= 0; n--) {
      // Prefer the key's own line for a mapping entry: the value may start on the next line.
      if (n > 0 && typeof path[n - 1] === "string") {
        const parent = doc.getIn(path.slice(0, n - 1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[n - 1]);
          const keyRange = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
          if (keyRange) return lc.linePos(keyRange[0]).line;
        }
      }
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node?.range) return lc.linePos(node.range[0]).line;
    }
    return 1;
  };
}

export function makeChecker(doc: Document, lc: LineCounter, file: string): Checker {
  const findings: Finding[] = [];
  const lineOf = lineFinder(doc, lc);
  const add = (rule: string, path: Path, message: string, job?: string) =>
    findings.push({
      rule,
      severity: SEVERITY.get(rule) ?? "error",
      file,
      line: lineOf(path),
      object: job ? `job/${job}` : undefined,
      path: `/${path.join("/")}`,
      message: job ? `job "${job}": ${message}` : message,
      fix: FIXES[rule] ?? "",
    });
  return {
    findings,
    lineOf,
    add,
    duration(path, v, fallback, job) {
      if (v === undefined) return fallback;
      const s = scalar(v);
      if (s !== undefined && parseDuration(s) !== null) return s;
      add("PROM003", path, `${String(path[path.length - 1])}: ${JSON.stringify(v)} is not a duration`, job);
      return fallback;
    },
    listAt(v, path, job) {
      if (v === undefined || v === null) return [];
      if (Array.isArray(v)) return v;
      add("PROM002", path, `${String(path[path.length - 1])} must be a list`, job);
      return [];
    },
  };
}
