import assert from "node:assert/strict";
import { test } from "vitest";
import { runPythonJson } from "./scikit-learn";

test("runPythonJson sends JSON in and parses the JSON the script prints", () => {
  const script = "import json, sys\nd = json.load(sys.stdin)\nprint(json.dumps({'sum': sum(d['xs'])}))";
  assert.deepEqual(runPythonJson(script, { xs: [1, 2, 3.5] }), { sum: 6.5 });
});

test("a failing script throws with its stderr", () => {
  assert.throws(() => runPythonJson("raise SystemExit('no such model')", {}), /no such model/);
});
