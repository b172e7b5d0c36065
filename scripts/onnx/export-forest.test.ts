// The committed ONNX model and its reference numbers are reproducible: scripts/onnx/export_forest.py, run with the
// project's .venv (pinned scikit-learn, skl2onnx, onnx), writes the same bytes again.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { findRoot, workspacePaths } from "../../src/workspace/paths";

test("export_forest.py rebuilds datasets/models/breast-cancer-forest.{onnx,json} byte for byte", () => {
  const root = findRoot();
  const out = mkdtempSync(join(tmpdir(), "onnx-export-"));
  try {
    const run = spawnSync(
      join(workspacePaths(root).venvBin, "python"),
      [join(root, "scripts", "onnx", "export_forest.py"), "--out-dir", out],
      { encoding: "utf8", env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
    );
    assert.equal(run.status, 0, `export_forest.py failed (npm run setup builds .venv):\n${run.stderr}`);
    for (const file of ["breast-cancer-forest.onnx", "breast-cancer-forest.json"]) {
      const fresh = readFileSync(join(out, file));
      const committed = readFileSync(join(root, "datasets", "models", file));
      assert.ok(fresh.equals(committed), `${file} differs from the committed one: commit both files again`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
