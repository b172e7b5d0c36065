// Grades exercises/week-02/pca.ts (and proves solutions/week-02/pca.ts with this file).
import assert from "node:assert/strict";
import { PCA } from "ml-pca";
import { test } from "vitest";
import { fitStandardizer, loadDataset } from "../../src/data";
import { fitPca, transformPca } from "./pca";

const penguins = loadDataset("penguins");
const X = fitStandardizer(penguins.X).transform(penguins.X);
const reference = new PCA(X);

/** A vector with the sign rule of the exercise: its largest-magnitude entry positive. */
function signFixed(v: number[]): number[] {
  const largest = v.reduce((best, x) => (Math.abs(x) > Math.abs(best) ? x : best), 0);
  return largest < 0 ? v.map((x) => -x) : v;
}

test("a hand-sized example: points on a line have one component with all the variance", () => {
  const m = fitPca([
    [0, 0],
    [1, 2],
    [2, 4],
    [3, 6],
  ]);
  const u = [1 / Math.sqrt(5), 2 / Math.sqrt(5)];
  m.components[0].forEach((v, j) => {
    assert.ok(Math.abs(v - u[j]) < 1e-9, `first component: expected ${u}, got ${m.components[0]}`);
  });
  assert.deepEqual(m.mean, [1.5, 3]);
  // Variance along the line: the projections are -1.5√5, -0.5√5, 0.5√5, 1.5√5; their variance (n - 1) is 5·5/3.
  assert.ok(
    Math.abs(m.explainedVariance[0] - 25 / 3) < 1e-9,
    `explained variance: expected ${25 / 3}, got ${m.explainedVariance[0]}`,
  );
  assert.ok(Math.abs(m.explainedVarianceRatio[0] - 1) < 1e-9, "all the variance is on the line");
});

test("on the penguins, the same explained variance as ml-pca", () => {
  const m = fitPca(X);
  const expected = reference.getExplainedVariance();
  assert.equal(m.explainedVarianceRatio.length, 4);
  expected.forEach((e, k) => {
    assert.ok(
      Math.abs(m.explainedVarianceRatio[k] - e) < 1e-9,
      `ratio ${k}: expected ${e.toFixed(6)}, got ${m.explainedVarianceRatio[k]} (sorted largest first?)`,
    );
  });
  // The standardizer divides by n, so each column's variance with n - 1 is n / (n - 1), and there are 4 columns.
  const n = X.length;
  const total = m.explainedVariance.reduce((s, v) => s + v, 0);
  const expectedTotal = (4 * n) / (n - 1);
  assert.ok(
    Math.abs(total - expectedTotal) < 1e-9,
    `the variances must add up to the total variance, ${expectedTotal}; got ${total} (divide by n - 1)`,
  );
});

test("the components are ml-pca's eigenvectors, orthonormal, with the sign rule", () => {
  const m = fitPca(X);
  const eig = reference.getEigenvectors().transpose().to2DArray().map(signFixed);
  m.components.forEach((c, k) => {
    c.forEach((v, j) => {
      assert.ok(Math.abs(v - eig[k][j]) < 1e-6, `component ${k}[${j}]: expected ${eig[k][j]}, got ${v}`);
    });
    m.components.forEach((o, l) => {
      const dot = c.reduce((s, v, j) => s + v * o[j], 0);
      assert.ok(Math.abs(dot - (k === l ? 1 : 0)) < 1e-9, `components ${k} and ${l}: dot product ${dot}`);
    });
  });
});

test("transformPca keeps the first components and projects like ml-pca", () => {
  const m = fitPca(X, 2);
  assert.equal(m.components.length, 2);
  const mine = transformPca(m, X);
  const ref = reference.predict(X, { nComponents: 2 }).to2DArray();
  for (let k = 0; k < 2; k++) {
    // ml-pca's sign is its own: compare up to one sign per component.
    const sign = Math.sign(mine[0][k]) === Math.sign(ref[0][k]) ? 1 : -1;
    mine.forEach((row, i) => {
      assert.ok(
        Math.abs(row[k] - sign * ref[i][k]) < 1e-6,
        `row ${i}, component ${k}: expected ±${ref[i][k]}, got ${row[k]}`,
      );
    });
  }
  const variance = mine.reduce((s, r) => s + r[0] ** 2, 0) / (X.length - 1);
  assert.ok(
    Math.abs(variance - m.explainedVariance[0]) < 1e-9,
    "the variance of the first projection is the first explained variance",
  );
});

test("bad input gets a clear error", () => {
  assert.throws(() => fitPca([[1, 2]]), /two rows/i);
  assert.throws(() => fitPca([[1, 2], [3]]), /row/i);
  assert.throws(() => fitPca(X, 0), /nComponents/);
  assert.throws(() => fitPca(X, 5), /nComponents/);
});
