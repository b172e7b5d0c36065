// Small helpers shared by the rules in ./rules.
import type { DockerfileModel, Finding, Severity, Stage } from "./types";

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
