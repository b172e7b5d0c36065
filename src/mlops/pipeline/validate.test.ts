// Data validation on crafted tables: each check catches its problem and says by how much. No server needed.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "vitest";
import { csvData, datasetData, toCsv } from "./data";
import { splitData } from "./train";
import type { PipelineData } from "./types";
import { contractFor, describeCheck, leakageCheck, validateData } from "./validate";

const cancer = datasetData("breast-cancer");
const contract = contractFor(cancer);
const failed = (d: PipelineData) => validateData(d, contract).filter((c) => !c.passed);
const copy = (d: PipelineData): PipelineData => ({ ...d, X: d.X.map((r) => [...r]), y: [...d.y] });

test("the committed dataset passes every check, and its split does not leak", () => {
  assert.deepEqual(failed(cancer), []);
  const s = splitData(cancer, { seed: 42, testSize: 0.2 });
  assert.equal(leakageCheck(s.XTrain, s.XTest).passed, true);
});

test("missing values and out-of-range values are counted, with the worst features named", () => {
  const d = copy(cancer);
  d.X[0][0] = Number.NaN;
  d.X[1][0] = Number.NaN;
  d.X[2][3] = -5; // a negative area
  d.X[3][1] = 1e6;
  const f = failed(d);
  const byId = new Map(f.map((c) => [c.id, c]));
  assert.equal(byId.get("missing-values")?.value, 2);
  assert.match(byId.get("missing-values")!.message, /mean_radius: 2/);
  assert.equal(byId.get("ranges")?.value, 2);
  assert.match(describeCheck(byId.get("ranges")!), /FAILED, 2 \(must be <= 0\)/);
});

test("duplicated rows fail the duplicate check and, once split, the leakage check", () => {
  const d = copy(cancer);
  for (let i = 0; i < 200; i++) {
    d.X.push([...d.X[i]]);
    d.y.push(d.y[i]);
  }
  const dup = failed(d).find((c) => c.id === "duplicates");
  assert.ok(dup, "duplicates should fail");
  assert.ok(Math.abs(dup.value - 200 / 769) < 1e-12, `duplicate share: expected ${200 / 769}, got ${dup.value}`);
  const s = splitData(d, { seed: 42, testSize: 0.2 });
  const leak = leakageCheck(s.XTrain, s.XTest);
  assert.equal(leak.passed, false);
  assert.ok(leak.value > 10, `expected many leaked test rows, got ${leak.value}`);
});

test("conflicting labels, a bad label, a one-class table and a wrong schema are caught", () => {
  const d = copy(cancer);
  d.X.push([...d.X[0]]);
  d.y.push(1 - d.y[0]);
  assert.ok(failed(d).some((c) => c.id === "conflicting-labels" && c.value === 1));
  const bad = copy(cancer);
  bad.y[5] = 7;
  const schema = failed(bad).find((c) => c.id === "schema");
  assert.match(schema?.message ?? "", /1 labels are not a class index/);
  const oneClass = copy(cancer);
  oneClass.y = oneClass.y.map(() => 0);
  assert.ok(failed(oneClass).some((c) => c.id === "class-balance" && c.value === 0));
  const renamed = { ...copy(cancer), featureNames: cancer.featureNames.map((n, j) => (j === 0 ? "radius" : n)) };
  assert.match(failed(renamed)[0].message, /missing \[mean_radius\], unexpected \[radius\]/);
});

test("csvData reads a batch like the dataset (blank cells become NaN for validation to count) and rejects other columns", () => {
  const dir = mkdtempSync(join(tmpdir(), "pipeline-csv-"));
  try {
    const d = copy(cancer);
    d.X[4][2] = Number.NaN;
    const file = join(dir, "batch.csv");
    writeFileSync(file, toCsv(d));
    const back = csvData(file, "breast-cancer");
    assert.equal(back.X.length, 569);
    assert.ok(Number.isNaN(back.X[4][2]));
    assert.deepEqual(back.X[0], cancer.X[0]);
    assert.equal(failed(back).map((c) => c.id)[0], "missing-values");
    writeFileSync(file, "a,b,target\n1,2,0\n");
    assert.throws(() => csvData(file, "breast-cancer"), /schema: .*missing: mean_radius/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
