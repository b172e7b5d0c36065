// What every semantic rule gets: the whole object set (rules look across objects) and a finding builder.
import { type Finding, type ManifestObject, ref, type Severity } from "../types";
import { nsOf } from "../workload";

export interface RuleContext {
  objects: ManifestObject[];
  /** "Kind/name" (or "Kind/namespace/name") of objects that exist outside this set, e.g. Secrets made by a vault. */
  existing: Set<string>;
}

/** The object of `kind` named `name` in the namespace of `from`, if the set (or opts.existing) has it. */
export function lookup(
  ctx: RuleContext,
  kind: string,
  name: string,
  from: ManifestObject,
): ManifestObject | "external" | undefined {
  const found = ctx.objects.find((o) => o.kind === kind && o.name === name && nsOf(o) === nsOf(from));
  if (found) return found;
  if (ctx.existing.has(`${kind}/${name}`) || ctx.existing.has(`${kind}/${nsOf(from)}/${name}`)) return "external";
  return undefined;
}

export function finding(
  rule: string,
  severity: Severity,
  o: ManifestObject,
  message: string,
  fix: string,
  path?: string,
): Finding {
  return { rule, severity, file: o.file, line: o.line, object: ref(o), path, message: `${ref(o)}: ${message}`, fix };
}
