// One call for CI and graders: parse (if given text) + schema + semantic rules, with findings sorted by file and
// line, and a formatter that prints them like a linter.

import { countBySeverity, formatReport, SEVERITY_ORDER } from "../findings";
import { loadKustomization } from "./kustomize";
import { parseManifests } from "./parse";
import { runRules } from "./rules/index";
import { validateSchemas } from "./schema";
import type { Finding, ManifestObject, Severity } from "./types";

export interface CheckOptions {
  /** File name to put on findings when checking text. */
  file?: string;
  /** Per-rule severity overrides, or "off", e.g. { K8S023: "off" } for a dev overlay without limits. */
  rules?: Record<string, Severity | "off">;
  /**
   * Objects that exist outside this set, as "Kind/name" or "Kind/namespace/name", e.g. "Secret/registry-creds"
   * made by an operator: references to them are not reported.
   */
  existing?: string[];
  /** Skip the kubernetes-models schema pass (rules only). */
  schema?: boolean;
}

/** Parse + schema + rules. Accepts YAML text or objects already parsed (e.g. from loadKustomization). */
export function checkManifests(input: string | ManifestObject[], opts: CheckOptions = {}): Finding[] {
  let objects: ManifestObject[];
  const findings: Finding[] = [];
  if (typeof input === "string") {
    const parsed = parseManifests(input, opts.file);
    objects = parsed.objects;
    findings.push(...parsed.errors);
  } else {
    objects = input;
  }
  if (opts.schema !== false) findings.push(...validateSchemas(objects));
  findings.push(...runRules(objects, opts.existing));
  const out: Finding[] = [];
  for (const f of findings) {
    const override = opts.rules?.[f.rule];
    if (override === "off") continue;
    out.push(override ? { ...f, severity: override } : f);
  }
  return out.sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      a.line - b.line ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.rule.localeCompare(b.rule),
  );
}

/**
 * Render a kustomization folder (base or overlay) and check the result: layout findings (K8S060/K8S061, YAML
 * errors in its files) first, then schema and rules on the rendered objects.
 */
export function checkKustomization(dir: string, opts: CheckOptions = {}): Finding[] {
  const { objects, errors } = loadKustomization(dir);
  const rest = checkManifests(objects, opts);
  return [...errors.filter((f) => opts.rules?.[f.rule] !== "off"), ...rest];
}

/** Counts per severity. */
export function summarize(findings: Finding[]): Record<Severity, number> {
  return countBySeverity(findings);
}

/** Linter-style text: `file:line  severity  RULE  Kind/name: message` + an indented fix line. */
export function formatFindings(findings: Finding[]): string {
  return formatReport(findings, "No findings: the manifests pass every check.");
}
