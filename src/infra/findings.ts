// What every checker of src/infra reports (the Dockerfile linter, the Kubernetes checks, the prometheus.yml
// checker): one Finding shape, one Severity scale, and the formats that print them.

export type Severity = "error" | "warning" | "info";

export const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** One problem, phrased the way a reviewer would leave it on a pull request. */
export interface Finding {
  /** Stable rule id, e.g. "SL001", "K8S020", "PROM007"; each checker's rule list gives its default severity. */
  rule: string;
  severity: Severity;
  /** The file the problem is in, when known. */
  file?: string;
  /** 1-based line; 0 for whole-file findings (e.g. a missing .dockerignore). */
  line: number;
  /** "Kind/name" of the Kubernetes object, or "job/<name>" of the scrape job, the finding is about. */
  object?: string;
  /** JSON-pointer-like path of the offending field, e.g. "/spec/replicas", when there is one. */
  path?: string;
  message: string;
  /** What to change, concretely. */
  fix: string;
}

/** Counts per severity, e.g. for a summary line. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/**
 * Linter-style text: one finding per line with its fix below, then the counts. `clean` is what to say when there is
 * nothing to report (e.g. "No findings: Prometheus would load this config.").
 */
export function formatReport(findings: readonly Finding[], clean: string): string {
  if (findings.length === 0) return clean;
  const lines = findings.map(
    (f) => `${f.file ?? "<input>"}:${f.line}  ${f.severity.padEnd(7)}  ${f.rule}  ${f.message}\n    fix: ${f.fix}`,
  );
  const s = countBySeverity(findings);
  lines.push(`${s.error} error(s), ${s.warning} warning(s), ${s.info} info`);
  return lines.join("\n");
}

/** One line per finding: `Dockerfile:3 error SL003 <message>  fix: <fix>` (no `:line` for whole-file findings). */
export function formatLines(findings: readonly Finding[], fileName: string): string[] {
  return findings.map((f) => {
    const where = f.line > 0 ? `${fileName}:${f.line}` : fileName;
    return `${where} ${f.severity} ${f.rule} ${f.message}  fix: ${f.fix.replace(/\n/g, " | ")}`;
  });
}

/** One rule of a checker's catalogue. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  title: string;
}

/**
 * A rule catalogue written as a table, one rule a line: `ID  severity  title`, columns apart by two or more spaces
 * (extra columns between severity and title are returned in `columns`). Easier to scan than object literals.
 */
export function ruleTable(text: string): (RuleInfo & { columns?: string[] })[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const cells = line.split(/\s{2,}/);
      const [id, severity] = cells;
      if (cells.length < 3 || !(severity in SEVERITY_ORDER)) throw new Error(`bad rule table line: ${line}`);
      const rule = { id, severity: severity as Severity, title: cells[cells.length - 1] };
      return cells.length > 3 ? { ...rule, columns: cells.slice(2, -1) } : rule;
    });
}
