// The real tools as referees of the home-made checkers: kustomize, promtool and hadolint run over every fixture,
// every exercise solution and the capstone's own files, and their verdicts are compared with ours.
// `npm run crosscheck` (a CI stage: the tools are not needed for `npm test`).
import { compareDockerfile } from "./hadolint";
import { collectInputs } from "./inputs";
import { compareKustomization } from "./kustomize";
import { comparePrometheusConfig, ruleCoverage } from "./promtool";
import { hadolintCommand, kustomizeCommand, promtoolCommand } from "./tools";
import type { Comparison, Tool, ToolCommand } from "./types";

export { type Difference, formatTable, loadDifferences, summarize, type ToolSummary } from "./differences";
export type { Comparison, Tool } from "./types";

export interface CrosscheckRun {
  rows: Map<Tool, Comparison[]>;
  /** Tools that are not installed, with how to get them. */
  missing: Map<Tool, string>;
}

export function runCrosscheck(root: string, only?: Tool[]): CrosscheckRun {
  const inputs = collectInputs(root);
  const rows = new Map<Tool, Comparison[]>();
  const missing = new Map<Tool, string>();
  const wanted = (tool: Tool, command: ToolCommand, compare: (c: ToolCommand & { found: true }) => Comparison[]) => {
    if (only && !only.includes(tool)) return;
    if (command.found) rows.set(tool, compare(command));
    else missing.set(tool, command.why);
  };
  try {
    wanted("kustomize", kustomizeCommand(), (c) =>
      inputs.kustomizations.map((dir) => compareKustomization(dir, inputs.label(dir), c)),
    );
    wanted("promtool", promtoolCommand(), (c) => {
      const results = inputs.prometheusConfigs.map((p) => ({
        ...comparePrometheusConfig(p, inputs.label(p), c),
        subject: inputs.label(p),
      }));
      return [...results.map((r) => r.comparison), ...ruleCoverage(results)];
    });
    wanted("hadolint", hadolintCommand(root), (c) =>
      inputs.dockerfiles.map((p) => compareDockerfile(p, inputs.label(p), c)),
    );
  } finally {
    inputs.dispose();
  }
  return { rows, missing };
}
