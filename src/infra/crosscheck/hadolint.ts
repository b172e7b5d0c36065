// hadolint as the referee of src/infra/dockerfile: where one of our rules names the hadolint rule it mirrors, the two
// must fire on the same files. Only the claimed ids are compared; hadolint's other rules are its own business.
import { readFileSync } from "node:fs";
import { lintDockerfile } from "../dockerfile/lint";
import { RULES } from "../dockerfile/rules";
import { run } from "./tools";
import type { Comparison, ToolCommand } from "./types";

/** Our rule id -> the hadolint ids it claims, e.g. SL001 -> [DL3006, DL3007]. */
export const CLAIMS = new Map(
  RULES.filter((r) => r.hadolint).map((r) => [r.id, (r.hadolint ?? "").split(/,\s*/)] as const),
);

export function compareDockerfile(path: string, subject: string, tool: ToolCommand & { found: true }): Comparison {
  const ours = new Set(lintDockerfile(readFileSync(path, "utf8"), { fileName: subject }).map((f) => f.rule));
  const real = run(tool.command, [...tool.args, path]);
  let codes: Set<string>;
  try {
    codes = new Set((JSON.parse(real.stdout) as { code: string }[]).map((d) => d.code));
  } catch {
    return { tool: "hadolint", subject, agree: false, ours: "", theirs: `no JSON from hadolint: ${real.stderr}` };
  }
  const mismatches: string[] = [];
  for (const [rule, ids] of CLAIMS) {
    const theirs = ids.filter((id) => codes.has(id));
    if (ours.has(rule) !== theirs.length > 0) {
      mismatches.push(
        ours.has(rule) ? `${rule} fired, ${ids.join("/")} did not` : `${theirs.join("/")} fired, ${rule} did not`,
      );
    }
  }
  const claimed = (ids: Iterable<string>, keep: (id: string) => boolean) => [...ids].filter(keep).sort().join(" ");
  return {
    tool: "hadolint",
    subject,
    agree: mismatches.length === 0,
    ours: mismatches.join("; ") || claimed(ours, (r) => CLAIMS.has(r)) || "no claimed rule fired",
    theirs: claimed(codes, (c) => [...CLAIMS.values()].some((ids) => ids.includes(c))) || "no claimed rule fired",
  };
}
