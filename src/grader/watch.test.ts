// `npm run watch` grades through one warm vitest process: a save is seen (the stub's new code, not a cached copy), a
// wrong edit fails, and an infinite loop is reported as a time-out, after which a fresh warm process grades the next
// save. Played on a temporary copy of the workspace.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, test } from "vitest";
import { temporaryWorkspace } from "../workspace/copy";
import { findRoot } from "../workspace/paths";
import { loadManifest } from "./manifest";
import type { ExerciseResult } from "./run-exercise";
import { watchExercises } from "./watch";

const dir = temporaryWorkspace(findRoot(), { withSolutions: false });
// A short time-out for the loop below: the copy's manifest gives linreg 8 s instead of 20 (still ample for a warm run on a loaded machine).
const manifest = join(dir, "exercises", "manifest.yaml");
writeFileSync(
  manifest,
  readFileSync(manifest, "utf8").replace(
    "- id: linreg-normal-equation\n",
    "- id: linreg-normal-equation\n    timeoutMs: 8000\n",
  ),
);
const linreg = loadManifest(dir).find((e) => e.id === "linreg-normal-equation")!;
let resolveNext: (r: ExerciseResult) => void = () => {};
const w = watchExercises(dir, { onResult: (r) => resolveNext(r) }, linreg.id);
afterAll(async () => {
  await w.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes the stub and waits for the watcher's verdict on it. */
async function save(code: string): Promise<ExerciseResult> {
  const verdict = new Promise<ExerciseResult>((r) => {
    resolveNext = r;
  });
  writeFileSync(linreg.stub, code);
  return verdict;
}

const solution = readFileSync(linreg.solution, "utf8");

test("each save is graded with the code just saved", async () => {
  await w.ready;
  assert.equal((await save(`${readFileSync(linreg.stub, "utf8")}\n// a comment\n`)).verdict, "not-started");
  assert.equal((await save(solution)).verdict, "solved");
  const wrong = await save(solution.replace("return sum / yTrue.length;", "return sum / (yTrue.length - 1);"));
  assert.equal(wrong.verdict, "failed");
  assert.match(wrong.message ?? "", /10 !== 5/);
});

test("an infinite loop times out, and the next save is graded again", async () => {
  const loop = await save(solution.replace("let sum = 0;", "let sum = 0;\n  for (;;) {}"));
  assert.equal(loop.verdict, "timeout");
  assert.equal((await save(solution)).verdict, "solved");
});
