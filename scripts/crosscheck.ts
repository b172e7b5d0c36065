// `npm run crosscheck`: the real tools (kustomize, promtool, hadolint) judge every fixture, every exercise solution
// and the capstone's own files, and must agree with our checkers. Prints the agreement table; exits 1 on a
// disagreement that src/infra/crosscheck/differences.yaml does not explain, or (under CI) on a missing tool.
//   npm run crosscheck [-- --tool promtool] [--verbose]
import { parseArgs } from "node:util";
import {
  formatTable,
  loadDifferences,
  runCrosscheck,
  summarize,
  type Tool,
  type ToolSummary,
} from "../src/infra/crosscheck/index";
import { findRoot } from "../src/workspace/paths";

const TOOLS: Tool[] = ["kustomize", "promtool", "hadolint"];
const { values } = parseArgs({
  options: { tool: { type: "string", multiple: true }, verbose: { type: "boolean", default: false } },
});
const only = (values.tool ?? []) as Tool[];
for (const t of only) if (!TOOLS.includes(t)) throw new Error(`--tool ${t}: one of ${TOOLS.join(", ")}`);

const root = findRoot();
const differences = loadDifferences(root);
const { rows, missing } = runCrosscheck(root, only.length ? only : undefined);
const summaries: ToolSummary[] = [];
for (const [tool, comparisons] of rows) {
  summaries.push(summarize(tool, comparisons, differences));
  if (values.verbose) {
    for (const c of comparisons) {
      console.log(
        `${c.agree ? "agree   " : "DISAGREE"} ${tool} ${c.subject}\n    ours: ${c.ours}\n    ${tool}: ${c.theirs}`,
      );
    }
  }
}
console.log(formatTable(summaries));
const ruleRows = (rows.get("promtool") ?? []).filter((c) => /^PROM\d{3}$/.test(c.subject)).length;
if (ruleRows > 0) {
  console.log(`promtool's rows: ${(rows.get("promtool")?.length ?? 0) - ruleRows} files, and ${ruleRows} rules each`);
  console.log("needing a fixture of its own that promtool refuses too.");
}
let failed = false;
for (const s of summaries) {
  for (const c of s.unexplained) {
    failed = true;
    console.error(`\nUNEXPLAINED ${s.tool} ${c.subject}\n  ours:   ${c.ours}\n  ${s.tool}: ${c.theirs}`);
  }
  for (const d of s.stale) {
    failed = true;
    console.error(`\nSTALE differences.yaml entry (${d.tool} ${d.subject}): they agree now; remove the entry.`);
  }
}
for (const [tool, why] of missing) {
  console.error(`\n${tool}: not checked, ${why}.`);
  if (process.env.CI === "true") failed = true;
}
if (failed) {
  console.error("\nFix our checker, or list the difference with its reason in src/infra/crosscheck/differences.yaml.");
  process.exit(1);
}
