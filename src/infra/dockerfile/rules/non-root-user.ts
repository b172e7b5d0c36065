// SL003 non-root USER in the final stage. hadolint: DL3002 (last USER should not be root).
// Containers run as root unless told otherwise; a compromised process then owns the container and is one kernel
// bug away from the host. Official node images ship a `node` user for exactly this.
// USER applies to the image config wherever it appears in the stage, so order relative to CMD does not matter;
// what matters is the last USER of the final stage (or of the stages it is built FROM).
import { defineRule, finalStage, finding, stageChain } from "../rule-helpers";
import type { Instr } from "../types";

function isRoot(user: string): boolean {
  const name = user.split(":")[0].trim().toLowerCase();
  return name === "root" || name === "0";
}

export const nonRootUser = defineRule("SL003", ({ model }) => {
  const final = finalStage(model);
  const chain = stageChain(model, final);
  const users = chain.flatMap((s) => s.instructions.filter((i) => i.keyword === "USER"));
  const last: Instr | undefined = users[users.length - 1];
  const fix = "Add `USER node` (node images) or create one: `RUN useradd -r -u 10001 app` then `USER 10001`.";
  if (last) {
    if (!isRoot(last.args)) return [];
    return [
      finding(
        nonRootUser,
        last.line,
        `the final image runs as root (USER ${last.args})`,
        `Switch back to an unprivileged user after the root-only steps. ${fix}`,
      ),
    ];
  }
  // distroless ":nonroot" images already default to an unprivileged user.
  const tag = chain[0].image?.tag ?? "";
  if (/nonroot/.test(tag)) return [];
  const start = final.instructions.find((i) => i.keyword === "CMD" || i.keyword === "ENTRYPOINT");
  return [
    finding(
      nonRootUser,
      start ? start.line : final.from.line,
      "the final stage never sets USER, so the container runs as root",
      fix,
    ),
  ];
});
