// lintDockerfile: parse, run every rule, return findings sorted by line. Never throws: unreadable input becomes
// an SL000 finding, and a rule that crashes on odd input becomes an SL999 finding instead of taking the caller down.

import { countBySeverity, type Finding, formatLines, SEVERITY_ORDER, type Severity } from "../findings";
import { PARSE_RULE, parseDockerfile } from "./parse";
import { RULES } from "./rules";
import type { LintOptions } from "./types";

export { countBySeverity };
export const INTERNAL_RULE = "SL999";

export function lintDockerfile(text: string, opts: LintOptions = {}): Finding[] {
  const options = opts ?? {};
  const fileName = options.fileName ?? "Dockerfile";
  let parsed: ReturnType<typeof parseDockerfile>;
  try {
    parsed = parseDockerfile(text, fileName);
  } catch (e) {
    return [
      {
        rule: PARSE_RULE,
        severity: "error",
        line: 0,
        message: `${fileName} could not be parsed: ${String(e)}`,
        fix: "Check the file is a Dockerfile.",
      },
    ];
  }
  const findings = [...parsed.findings];
  if (parsed.model) {
    const ctx = { model: parsed.model, options };
    for (const rule of RULES) {
      try {
        findings.push(...rule.check(ctx));
      } catch (e) {
        findings.push({
          rule: INTERNAL_RULE,
          severity: "info",
          line: 0,
          message: `rule ${rule.id} could not check this file (${String(e)})`,
          fix: "This is a linter bug, not your mistake; please report it with the Dockerfile.",
        });
      }
    }
  }
  return findings.sort(
    (a, b) =>
      a.line - b.line || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.rule.localeCompare(b.rule),
  );
}

/** One line per finding: `Dockerfile:3 error SL003 <message>  fix: <fix>` (no `:line` for whole-file findings). */
export function formatFindings(findings: readonly Finding[], fileName = "Dockerfile"): string[] {
  return formatLines(findings, fileName);
}

/** A CLI exit code: 1 when any finding is at least as severe as `failOn` (default "error"), else 0. */
export function exitCodeFor(findings: readonly Finding[], failOn: Severity = "error"): 0 | 1 {
  return findings.some((f) => SEVERITY_ORDER[f.severity] <= SEVERITY_ORDER[failOn]) ? 1 : 0;
}
