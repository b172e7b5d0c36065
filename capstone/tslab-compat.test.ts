// The notebooks import the capstone in-process (week 7: build() and inject(); week 4 likewise), and tslab compiles
// what a notebook imports with its own TypeScript 5.0, into CommonJS, emitting declarations. This test compiles the
// capstone's modules exactly that way, with the compiler tslab ships (@tslab/typescript-for-tslab), so a change that
// only a newer TypeScript accepts fails here, not in a learner's notebook. An example of what it catches: an exported
// TypeBox schema built with an object spread, whose inferred type TypeScript 5.0 "cannot name" in a declaration.
// (src/workspace/tslab-compat.test.ts checks the import shapes of src/, exercises/ and solutions/ the same way.)
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "vitest";
import { findRoot } from "../src/workspace/paths";

const root = findRoot();
const ts = createRequire(join(root, "package.json"))("@tslab/typescript-for-tslab") as typeof import("typescript");

/** What a notebook may import: every module of capstone/src, and the scripts the week-7 notebook uses. */
const files = [
  ...readdirSync(join(root, "capstone", "src"), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".ts") && !d.name.endsWith(".test.ts"))
    .map((d) => join(d.parentPath, d.name)),
  join(root, "capstone", "scripts", "learner-model.ts"),
].sort();

/** The file's code without comments, so examples in doc comments do not count. */
const code = (file: string) =>
  readFileSync(file, "utf8")
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/^\s*\/\/.*$/gm, "");

test("the compiler is tslab's TypeScript 5.0", () => {
  assert.match(ts.version, /^5\.0\./);
});

test("the capstone's modules compile under tslab's TypeScript 5.0 with its options, declarations included", () => {
  const outDir = mkdtempSync(join(tmpdir(), "tslab-capstone-"));
  try {
    // The options tslab 1.0 passes (node_modules/tslab/dist/converter.js), minus what only matters for cells.
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      esModuleInterop: true,
      target: ts.ScriptTarget.ES2022,
      lib: ["lib.es2022.d.ts"],
      declaration: true,
      emitDeclarationOnly: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ["node"],
      rootDir: root,
      outDir,
    });
    const diagnostics = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
    const messages = diagnostics.map((d) => {
      const where = d.file
        ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : "";
      return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300)}`;
    });
    assert.deepEqual(messages, []);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});

test("they import files without extensions, and use no import.meta and no top-level await", () => {
  const problems: string[] = [];
  for (const file of files) {
    const text = code(file);
    if (/\bimport\.meta\b/.test(text)) problems.push(`${relative(root, file)}: import.meta`);
    if (/^await\s/m.test(text)) problems.push(`${relative(root, file)}: top-level await`);
    for (const m of text.matchAll(/(?:import|export)\s[^;]*?from\s+"(\.[^"]+)"/g)) {
      if (/\.[cm]?[jt]s$/.test(m[1])) problems.push(`${relative(root, file)}: "${m[1]}" has an extension`);
      else if (!existsSync(`${resolve(dirname(file), m[1])}.ts`)) {
        problems.push(`${relative(root, file)}: "${m[1]}" is not a .ts file (a folder?)`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
