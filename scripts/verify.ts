// `npm run verify`: the maintainers' and CI's strict check. Run it on an untouched checkout (it expects every stub
// to be "not started"). Steps: type check, lint, manifest completeness, stubs prove nothing, solutions pass,
// every notebook in both passes. Usage: npm run verify [-- --skip-notebooks]

import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { completenessProblems } from "../src/grader/completeness";
import { loadManifest } from "../src/grader/manifest";
import { formatResult } from "../src/grader/report";
import { killTestsOnInterrupt, runExercises } from "../src/grader/run-exercise";
import { checkNotebooks } from "../src/workspace/notebooks";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
const failures: string[] = [];

async function step(name: string, body: () => Promise<string[]> | string[]) {
  const started = Date.now();
  console.log(`\n== ${name} ==`);
  let problems: string[];
  try {
    problems = await body();
  } catch (e) {
    problems = [(e as Error).message];
  }
  for (const p of problems) console.log(`  ✗ ${p}`);
  console.log(`${problems.length ? "✗" : "✓"} ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)`);
  failures.push(...problems.map((p) => `${name}: ${p}`));
}

function tool(bin: string, args: string[]): string[] {
  const r = spawnSync(join(root, "node_modules", ".bin", bin), args, { cwd: root, stdio: "inherit" });
  return r.status === 0 ? [] : [`${bin} ${args.join(" ")} exited with ${r.status ?? r.error?.message}`];
}

async function main() {
  killTestsOnInterrupt();
  await step("type check (tsc --noEmit)", () => tool("tsc", ["--noEmit", "-p", "."]));
  await step("lint (biome)", () => tool("biome", ["check", "."]));
  const exercises = loadManifest(root);
  await step("manifest: every entry has a stub, a test and a solution; no orphans", () =>
    completenessProblems(exercises, root),
  );
  await step("stubs: every untouched stub is 'not started' and passes no test", async () => {
    const results = await runExercises(exercises, "exercises", root);
    return results.flatMap((r) => {
      const passing = r.tests.filter((t) => t.passed).map((t) => t.name);
      if (r.verdict === "not-started" && passing.length === 0) return [];
      const why = passing.length ? `passes on the stub: ${passing.join("; ")}` : formatResult(r);
      return [`${r.exercise.id} is ${r.verdict}, expected not started (${why})`];
    });
  });
  await step("solutions: every reference solution passes its exercise's tests", async () => {
    const results = await runExercises(exercises, "solutions", root);
    return results.filter((r) => r.verdict !== "solved").map((r) => formatResult(r));
  });
  if (!parseArgs({ options: { "skip-notebooks": { type: "boolean" } } }).values["skip-notebooks"]) {
    await step("notebooks: solutions pass and stubs pass", () => checkNotebooks([]));
  }
  console.log(failures.length ? `\nverify: ${failures.length} problems` : "\nverify: everything holds.");
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exitCode = 2;
});
