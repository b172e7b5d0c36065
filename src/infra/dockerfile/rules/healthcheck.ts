// SL008 HEALTHCHECK or a documented probe. No hadolint equivalent (Checkov: CKV_DOCKER_2).
// Without a health check, an app that hangs but does not exit looks "running" forever. Under Kubernetes the probe
// lives in the manifest instead, so a `# probe: GET /healthz on 8080 (Kubernetes)` comment documents it and
// silences this rule.
import { defineRule, finalStage, finding, stageChain } from "../rule-helpers";

export const healthcheck = defineRule("SL008", ({ model }) => {
  const final = finalStage(model);
  const checks = stageChain(model, final).flatMap((s) => s.instructions.filter((i) => i.keyword === "HEALTHCHECK"));
  const last = checks[checks.length - 1];
  if (last && last.args.toUpperCase() !== "NONE") return [];
  if (model.comments.some((c) => /^probe\s*:\s*\S/i.test(c.text))) return [];
  return [
    finding(
      healthcheck,
      last ? last.line : final.from.line,
      "the final image has no HEALTHCHECK and no documented probe",
      'Add `HEALTHCHECK CMD ["node", "healthcheck.js"]` (or curl/wget if installed), or document the orchestrator\'s probe with a comment like `# probe: GET /healthz on 8080 (Kubernetes)`.',
    ),
  ];
});
