// SL010 `apt-get install` without --no-install-recommends (hadolint DL3015) and
// SL011 without removing /var/lib/apt/lists in the same RUN (hadolint DL3009).
// Recommended packages and the apt index add tens of MB each; deleting the lists in a LATER RUN does not help,
// because the earlier layer still contains them.

import { defineRule, finding } from "../rule-helpers";
import { commandsOf } from "../shell";
import type { Finding } from "../types";

function isAptInstall(words: string[]): boolean {
  return (words[0] === "apt-get" || words[0] === "apt") && words.includes("install");
}

export const aptNoRecommends = defineRule("SL010", ({ model }) => {
  const out: Finding[] = [];
  for (const i of model.instructions) {
    if (i.keyword !== "RUN") continue;
    const cmd = commandsOf(i).find((c) => isAptInstall(c.words));
    if (cmd && !cmd.words.includes("--no-install-recommends")) {
      out.push(
        finding(
          aptNoRecommends,
          i.line,
          "apt-get install pulls in recommended packages you did not ask for",
          "Use `apt-get install -y --no-install-recommends <packages>`.",
        ),
      );
    }
  }
  return out;
});

export const aptCleanup = defineRule("SL011", ({ model }) => {
  const out: Finding[] = [];
  for (const i of model.instructions) {
    if (i.keyword !== "RUN") continue;
    if (!commandsOf(i).some((c) => isAptInstall(c.words))) continue;
    if (/rm\s+-[a-z]*\s*\/var\/lib\/apt\/lists/.test(i.args) || i.flags.has("mount")) continue;
    out.push(
      finding(
        aptCleanup,
        i.line,
        "apt package lists stay in this layer (tens of MB) because they are not removed in the same RUN",
        "End the same RUN with `&& rm -rf /var/lib/apt/lists/*`.",
      ),
    );
  }
  return out;
});
