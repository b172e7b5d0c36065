import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Exercise } from "./manifest";

/** Files under exercises/ that are not stubs or tests, yet belong there. */
const EXERCISE_FOLDER_FILES = new Set(["manifest.yaml", "README.md"]);

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name));
}

/**
 * Every manifest entry has a stub, a test and a solution; every file in exercises/ and solutions/ belongs to an
 * entry. Returns the problems, one readable line each (empty when all is well).
 */
export function completenessProblems(exercises: Exercise[], root: string): string[] {
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const ex of exercises) {
    const files: [string, string][] = [
      ["stub", ex.stub],
      ["test", ex.test],
      ["solution", ex.solution],
      ...ex.extraStubs.flatMap((x): [string, string][] => [
        ["stub", x.stub],
        ["solution", x.solution],
      ]),
      ...ex.assetFiles.map((f): [string, string] => ["asset", f]),
    ];
    for (const [what, file] of files) {
      expected.add(file);
      if (!existsSync(file)) problems.push(`${ex.id}: missing ${what} ${relative(root, file)}`);
    }
  }
  for (const folder of ["exercises", "solutions"]) {
    for (const file of listFiles(join(root, folder))) {
      const rel = relative(join(root, folder), file);
      if (folder === "exercises" && EXERCISE_FOLDER_FILES.has(rel)) continue;
      if (!expected.has(file)) problems.push(`orphan file ${folder}/${rel}: no manifest entry uses it`);
    }
  }
  return problems;
}
