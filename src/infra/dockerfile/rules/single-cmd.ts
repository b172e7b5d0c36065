// SL013 one CMD and one ENTRYPOINT per stage. hadolint: DL4003 (CMD), DL4004 (ENTRYPOINT).
// Only the last one takes effect; earlier ones are dead code that misleads readers.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

export const singleCmd = defineRule("SL013", ({ model }) => {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    for (const kw of ["CMD", "ENTRYPOINT"]) {
      const all = stage.instructions.filter((i) => i.keyword === kw);
      for (const dead of all.slice(0, -1)) {
        out.push(
          finding(
            singleCmd,
            dead.line,
            `${kw} on line ${dead.line} is overridden by the ${kw} on line ${all[all.length - 1].line}; only the last one counts`,
            `Delete the earlier ${kw}.`,
          ),
        );
      }
    }
  }
  return out;
});
