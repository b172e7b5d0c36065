// Every function in src/infra stays short enough to read in one screen: at most 120 lines (arrow functions and
// methods included). A checker that grows past that is split into one step or one field per function.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { test } from "vitest";
import { findRoot } from "../workspace/paths";
import { walk } from "./crosscheck/inputs";

const MAX_LINES = 120;

/** [file:line name, length] of every function longer than `max` lines in one source file. */
function longFunctions(file: string, text: string, max: number): [string, number][] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: [string, number][] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const name = (node as ts.FunctionDeclaration).name?.getText() ?? "(anonymous)";
      if (end - start + 1 > max) out.push([`${file}:${start} ${name}`, end - start + 1]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

test(`no function in src/infra is over ${MAX_LINES} lines`, () => {
  const root = findRoot();
  const files = walk(join(root, "src", "infra"), (n) => n.endsWith(".ts") && !n.endsWith(".test.ts"));
  assert.ok(files.length > 20, "the walk found src/infra's sources");
  const long = files.flatMap((f) => longFunctions(relative(root, f), readFileSync(f, "utf8"), MAX_LINES));
  assert.deepEqual(long, [], "split these into one step or one field per function");
});

test("the length check finds a long function", () => {
  const body = Array.from({ length: MAX_LINES }, (_, i) => `  const x${i} = ${i};`).join("\n");
  assert.deepEqual(longFunctions("x.ts", `function big() {\n${body}\n}\n`, MAX_LINES), [["x.ts:1 big", MAX_LINES + 2]]);
});
