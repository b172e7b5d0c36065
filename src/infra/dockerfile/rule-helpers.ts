// Small helpers shared by the rules in ./rules.
import { RULE_TABLE } from "./rule-table";
import type { DockerfileModel, Finding, Rule, Severity, Stage } from "./types";

/** A rule: its id, severity, title and hadolint claim from rule-table.ts, and its check. */
export function defineRule(id: string, check: Rule["check"]): Rule {
  const info = RULE_TABLE.find((r) => r.id === id);
  if (!info) throw new Error(`${id} is not in the Dockerfile rule table (rule-table.ts)`);
  const hadolint = info.columns?.[0];
  return {
    id,
    severity: info.severity,
    title: info.title,
    ...(hadolint && hadolint !== "-" ? { hadolint } : {}),
    check,
  };
}

/** Build a finding; severity defaults to the rule's. */
export function finding(
  rule: { id: string; severity: Severity },
  line: number,
  message: string,
  fix: string,
  severity: Severity = rule.severity,
): Finding {
  return { rule: rule.id, severity, line, message, fix };
}

/** The stage that becomes the image (`docker build` without --target builds the last one). */
export function finalStage(model: DockerfileModel): Stage {
  return model.stages[model.stages.length - 1];
}

/**
 * The stage and the stages it is built FROM, root first: `FROM build AS final` inherits USER, HEALTHCHECK, ENV
 * and the base image from `build`.
 */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const chain: Stage[] = [stage];
  let s = stage;
  while (s.parent !== null && chain.length <= model.stages.length) {
    s = model.stages[s.parent];
    chain.unshift(s);
  }
  return chain;
}
