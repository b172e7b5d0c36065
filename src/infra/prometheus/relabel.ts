// A relabel evaluator with Prometheus's semantics (model/relabel/relabel.go): each step reads the source labels'
// values joined by the separator, matches the anchored regex, and keeps, drops or rewrites the label set. Used to
// prove what a scrape config does to real discovered targets, not just that it parses.
import { createHash } from "node:crypto";
import { compileRe2, expandTemplate, type Re2, type TemplateMatch } from "./regex";

export const RELABEL_ACTIONS = [
  "replace",
  "keep",
  "drop",
  "keepequal",
  "dropequal",
  "hashmod",
  "labelmap",
  "labeldrop",
  "labelkeep",
  "lowercase",
  "uppercase",
] as const;
export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

/** One relabel_configs entry as written in prometheus.yml (snake_case keys, every field optional). */
export interface RelabelConfig {
  source_labels?: string[];
  separator?: string;
  regex?: string;
  modulus?: number;
  target_label?: string;
  replacement?: string;
  action?: string;
}

/** A label set: name -> value. An empty value means the label is absent (Prometheus never stores one). */
export type Labels = Record<string, string>;

/** The defaults Prometheus fills in before a step runs. */
export const RELABEL_DEFAULTS = { separator: ";", regex: "(.*)", replacement: "$1", action: "replace" } as const;

/** Classic label names; Prometheus 3 also accepts other UTF-8 names, but PromQL then needs them quoted. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** What a replace target_label or a labelmap replacement may look like when it uses $1 / ${name}. */
const RELABEL_TARGET = /^(?:(?:[a-zA-Z_]|\$(?:\{\w+\}|\w+))+\w*)+$/;

/** Which part of a step a problem is about, so a checker can point at the right line and rule. */
export type RelabelProblemField = "action" | "regex" | "target_label" | "modulus" | "replacement" | "fields";

export interface RelabelProblem {
  field: RelabelProblemField;
  message: string;
}

/**
 * Why Prometheus would refuse this step when it loads the file (its Config.Validate); empty when the step is
 * valid. Regex problems are reported too, since an uncompilable regex also stops the load.
 */
export function relabelProblems(c: RelabelConfig): RelabelProblem[] {
  const out: RelabelProblem[] = [];
  const add = (field: RelabelProblemField, message: string) => out.push({ field, message });
  const action = (c.action ?? RELABEL_DEFAULTS.action).toLowerCase();
  if (!(RELABEL_ACTIONS as readonly string[]).includes(action)) {
    add("action", `unknown relabel action "${c.action}" (one of ${RELABEL_ACTIONS.join(", ")})`);
    return out;
  }
  const target = c.target_label ?? "";
  const needsTarget = ["replace", "hashmod", "lowercase", "uppercase", "keepequal", "dropequal"];
  if (c.regex !== undefined) {
    const re = compileRe2(c.regex);
    if (re.ok === false) add("regex", `regex ${JSON.stringify(c.regex)} is not valid RE2: ${re.error}`);
  }
  if (action === "hashmod" && !c.modulus) add("modulus", "hashmod needs a non-zero modulus");
  if (needsTarget.includes(action) && target === "") add("target_label", `the ${action} action needs a target_label`);
  else if (action === "replace" && !(target.includes("$") ? RELABEL_TARGET : LABEL_NAME).test(target)) {
    add("target_label", `"${target}" is not a valid target_label for replace`);
  } else if (action !== "replace" && needsTarget.includes(action) && !LABEL_NAME.test(target)) {
    add("target_label", `"${target}" is not a valid target_label for ${action}`);
  }
  if (["lowercase", "uppercase", "keepequal", "dropequal"].includes(action) && c.replacement !== undefined) {
    add("replacement", `replacement cannot be set for the ${action} action`);
  }
  if (action === "labelmap" && !RELABEL_TARGET.test(c.replacement ?? RELABEL_DEFAULTS.replacement)) {
    add(
      "replacement",
      `"${c.replacement}" is not a valid replacement for labelmap (it must form a label name, e.g. $1)`,
    );
  }
  if (
    ["keepequal", "dropequal"].includes(action) &&
    (c.regex !== undefined || c.modulus !== undefined || c.separator !== undefined)
  ) {
    add("fields", `the ${action} action takes only source_labels and target_label`);
  }
  if (
    ["labeldrop", "labelkeep"].includes(action) &&
    (c.source_labels !== undefined ||
      c.target_label !== undefined ||
      c.modulus !== undefined ||
      c.separator !== undefined ||
      c.replacement !== undefined)
  ) {
    add("fields", `the ${action} action takes only a regex (matched against label NAMES)`);
  }
  return out;
}

function compiled(c: RelabelConfig): Re2 {
  const r = compileRe2(c.regex ?? RELABEL_DEFAULTS.regex);
  if (r.ok === false) throw new Error(`relabel regex ${JSON.stringify(c.regex)} cannot be evaluated: ${r.error}`);
  return r.re;
}

function set(labels: Labels, name: string, value: string): void {
  if (value === "") delete labels[name];
  else labels[name] = value;
}

/** md5 of the value, last 8 bytes as a big-endian uint64, modulo m: what Prometheus's hashmod computes. */
export function hashmod(value: string, modulus: number): number {
  const digest = createHash("md5").update(value).digest();
  return Number(digest.readBigUInt64BE(8) % BigInt(modulus));
}

/** One step. Returns false when the step drops the target. Mutates `labels`. */
function step(labels: Labels, c: RelabelConfig): boolean {
  const action = (c.action ?? RELABEL_DEFAULTS.action).toLowerCase() as RelabelAction;
  const val = (c.source_labels ?? []).map((n) => labels[n] ?? "").join(c.separator ?? RELABEL_DEFAULTS.separator);
  const target = c.target_label ?? "";
  switch (action) {
    case "keep":
      return compiled(c).test(val);
    case "drop":
      return !compiled(c).test(val);
    case "keepequal":
      return (labels[target] ?? "") === val;
    case "dropequal":
      return (labels[target] ?? "") !== val;
    case "replace": {
      const m = compiled(c).exec(val) as TemplateMatch | null;
      if (!m) return true; // no match: nothing changes
      const name = expandTemplate(target, m);
      if (!LABEL_NAME.test(name)) return true;
      set(labels, name, expandTemplate(c.replacement ?? RELABEL_DEFAULTS.replacement, m));
      return true;
    }
    case "lowercase":
      set(labels, target, val.toLowerCase());
      return true;
    case "uppercase":
      set(labels, target, val.toUpperCase());
      return true;
    case "hashmod":
      set(labels, target, String(hashmod(val, c.modulus ?? 0)));
      return true;
    case "labelmap": {
      const re = compiled(c);
      for (const [name, value] of Object.entries({ ...labels })) {
        const m = re.exec(name) as TemplateMatch | null;
        if (m) set(labels, expandTemplate(c.replacement ?? RELABEL_DEFAULTS.replacement, m), value);
      }
      return true;
    }
    case "labeldrop":
    case "labelkeep": {
      const re = compiled(c);
      for (const name of Object.keys(labels)) {
        if (re.test(name) === (action === "labeldrop")) delete labels[name];
      }
      return true;
    }
    default:
      throw new Error(`unknown relabel action "${c.action}"`);
  }
}

/**
 * Apply relabel steps in order. Returns the new label set, or null when a step drops the target. The input is not
 * modified. Throws on a step Prometheus would refuse to load (run relabelProblems first to report those nicely).
 */
export function relabel(labels: Labels, configs: RelabelConfig[]): Labels | null {
  const out: Labels = {};
  for (const [k, v] of Object.entries(labels)) if (v !== "") out[k] = v;
  for (const c of configs) {
    const problems = relabelProblems(c);
    if (problems.length > 0) throw new Error(`invalid relabel step: ${problems.map((p) => p.message).join("; ")}`);
    if (!step(out, c)) return null;
  }
  return out;
}
