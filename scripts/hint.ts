// `npm run hint <exercise>`: prints an exercise's hints, solved or not. Without an id: the next unsolved exercise.
import { parseArgs } from "node:util";
import { loadManifest, selectExercises } from "../src/grader/manifest";
import { readProgress } from "../src/grader/progress";
import { findRoot, workspacePaths } from "../src/workspace/paths";

function main() {
  const root = findRoot();
  const all = loadManifest(root);
  const id = parseArgs({ options: {}, allowPositionals: true }).positionals[0];
  let ex = id ? selectExercises(all, id).find((e) => e.id === id) : undefined;
  if (id && !ex)
    throw new Error(`"${id}" is a week, not an exercise: name one exercise, e.g. \`npm run hint ${all[0].id}\`.`);
  if (!ex) {
    const saved = readProgress(workspacePaths(root).progress).exercises;
    ex = all.find((e) => saved[e.id]?.verdict !== "solved") ?? all[0];
  }
  console.log(`Hints for ${ex.id}: ${ex.title} (exercises/${ex.path}, topics ${ex.topics.join(", ")})\n`);
  for (const [i, h] of ex.hints.entries()) console.log(`${i + 1}. ${h.trim().replace(/\n/g, "\n   ")}\n`);
  console.log(`The reference solution is solutions/${ex.path}, for when you have tried.`);
}

try {
  main();
} catch (e) {
  console.error((e as Error).message);
  process.exitCode = 2;
}
