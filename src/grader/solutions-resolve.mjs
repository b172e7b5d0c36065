// Resolve hook: exercises/<path> -> solutions/<path> for every non-test module that has a solution twin.
import { existsSync } from "node:fs";
import { sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = process.env.GRADE_ROOT;
const exercises = `${root}${sep}exercises${sep}`;
const solutions = `${root}${sep}solutions${sep}`;
const TEST_FILE = /\.test\.[cm]?[jt]s$/;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!root || !resolved.url.startsWith("file:")) return resolved;
  const path = fileURLToPath(resolved.url);
  if (!path.startsWith(exercises) || TEST_FILE.test(path)) return resolved;
  const twin = solutions + path.slice(exercises.length);
  return existsSync(twin) ? { ...resolved, url: pathToFileURL(twin).href } : resolved;
}
