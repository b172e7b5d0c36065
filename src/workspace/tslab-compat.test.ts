// Notebooks run on tslab, which compiles with its own TypeScript 5.0 into CommonJS and resolves a relative import
// only as "<path>.ts" (never "<folder>/index.ts"). Code that notebooks may import must respect that; this test
// finds what would break there long before a learner's notebook does.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "vitest";
import { findRoot } from "./paths";

const root = findRoot();

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts") && !d.name.endsWith(".test.ts"))
    .map((d) => join(d.parentPath, d.name));
}

const files = ["src", "exercises", "solutions"].flatMap(sources);

/** The file's code without comments, so examples in doc comments do not count. */
function code(file: string): string {
  return readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");
}
const IMPORT = /(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g;

test("notebook-reachable code imports files, not folders, and without extensions", () => {
  const problems: string[] = [];
  for (const file of files) {
    for (const m of code(file).matchAll(IMPORT)) {
      const spec = m[1];
      const where = `${relative(root, file)}: "${spec}"`;
      if (/\.[cm]?[jt]s$/.test(spec)) problems.push(`${where} has an extension`);
      else if (!existsSync(`${resolve(dirname(file), spec)}.ts`))
        problems.push(`${where} is not a .ts file (a folder?)`);
    }
  }
  assert.deepEqual(problems, []);
});

test("notebook-reachable code uses no import.meta and no top-level await", () => {
  const problems = files.filter((f) => /\bimport\.meta\b/.test(code(f))).map((f) => relative(root, f));
  for (const f of files) {
    if (/^await\s/m.test(code(f))) problems.push(`${relative(root, f)}: top-level await`);
  }
  assert.deepEqual(problems, []);
});
