// SL005 multi-stage build when the project has devDependencies. No hadolint equivalent.
// A plain `npm ci` installs TypeScript, test runners and linters into the shipped image. Either install with
// --omit=dev in the final stage, or build in one stage and copy only the output and production deps.

import { defineRule, finalStage, finding, stageChain } from "../rule-helpers";
import { commandsOf, dependencyInstall, envBefore, omitsDevDependencies, prunesDevDependencies } from "../shell";

export const multiStage = defineRule("SL005", ({ model, options }) => {
  if (!options.hasDevDependencies) return [];
  // `FROM deps` inherits whatever the `deps` stage installed, so look along the whole chain (file order).
  const instructions = stageChain(model, finalStage(model)).flatMap((s) => s.instructions);
  const runs = instructions.filter((i) => i.keyword === "RUN");
  for (const run of runs) {
    const env = envBefore(instructions, run.line);
    for (const cmd of commandsOf(run)) {
      const tool = dependencyInstall(cmd);
      if (tool !== "npm" && tool !== "yarn" && tool !== "pnpm") continue;
      if (omitsDevDependencies(cmd, env)) continue;
      // A later `npm prune --omit=dev` in the same stage undoes it.
      const pruned = runs.some(
        (r) =>
          r.line >= run.line && commandsOf(r).some((c) => prunesDevDependencies(c, envBefore(instructions, r.line))),
      );
      if (pruned) continue;
      const single = model.stages.length === 1;
      return [
        finding(
          multiStage,
          run.line,
          single
            ? `single-stage build runs \`${cmd.words.slice(0, 2).join(" ")}\` with devDependencies, so compilers and test tools ship in the image`
            : `the final stage runs \`${cmd.words.slice(0, 2).join(" ")}\` with devDependencies`,
          single
            ? "Use two stages: `FROM node:20-slim AS build` (npm ci, npm run build), then a final stage with `npm ci --omit=dev` and `COPY --from=build /app/dist ./dist`."
            : "Install with `npm ci --omit=dev` in the final stage (build tools belong in the build stage).",
        ),
      ];
    }
  }
  return [];
});
