// SL007 exec-form CMD and ENTRYPOINT. hadolint: DL3025.
// Shell form runs `/bin/sh -c "..."`: the shell is PID 1 and does not forward SIGTERM, so `docker stop` waits
// 10 s and then kills the app without a graceful shutdown.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

export const execForm = defineRule("SL007", ({ model }) => {
  const out: Finding[] = [];
  for (const i of model.instructions) {
    if (i.keyword !== "CMD" && i.keyword !== "ENTRYPOINT") continue;
    if (i.args === "" || i.args.startsWith("[") || model.brokenJson.has(i)) continue; // SL000 reports those
    const words = i.args
      .split(/\s+/)
      .map((w) => JSON.stringify(w))
      .join(", ");
    out.push(
      finding(
        execForm,
        i.line,
        `${i.keyword} uses shell form, so /bin/sh is PID 1 and the app never receives SIGTERM`,
        `Use exec form: \`${i.keyword} [${words}]\`.`,
      ),
    );
  }
  return out;
});
