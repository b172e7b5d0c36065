// Grades exercises/week-06/drift-psi.ts (and proves solutions/week-06/drift-psi.ts with the very same file).
//
// Where the reference numbers come from: computed ONCE, independently, with numpy 2.4.6 in the workspace's .venv
// (.venv/bin/python), by this function, on the inputs named next to each number:
//
//   def psi(ref, live, bins=10, eps=1e-4):
//       ref, live = np.asarray(ref, float), np.asarray(live, float)
//       edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
//       r = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1) / len(ref)
//       l = np.bincount(np.searchsorted(edges, live, side="left"), minlength=len(edges) + 1) / len(live)
//       r = np.where(r == 0, eps, r); l = np.where(l == 0, eps, l)
//       return float(np.sum((l - r) * np.log(l / r)))
//
// with columns read from datasets/breast-cancer.csv (csv.DictReader; "rows" are the file's data rows in order).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import { binCounts, psi, psiByFeature, quantileEdges } from "./drift-psi";

const TOL = 1e-9;
const close = (got: number, want: number, what: string, tol = TOL) =>
  assert.ok(
    Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)),
    `${what}: expected ${want}, got ${got} (tolerance ${tol})`,
  );

const cancer = loadDataset("breast-cancer");
const col = (name: string, keep: (i: number) => boolean = () => true) => {
  const j = cancer.featureNames.indexOf(name);
  return cancer.X.filter((_, i) => keep(i)).map((r) => r[j]);
};
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

test("quantileEdges: numpy's linear quantiles at 1/bins ... (bins-1)/bins, repeated edges removed", () => {
  // 1..10, bins 4: h = 9 × 0.25 = 2.25 → 3 + 0.25 × (4 - 3) = 3.25; h = 4.5 → 5.5; h = 6.75 → 7.75.
  assert.deepEqual(quantileEdges(oneTo(10), 4), [3.25, 5.5, 7.75]);
  // Unsorted input gives the same edges: sort first.
  assert.deepEqual(quantileEdges([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 4), [3.25, 5.5, 7.75]);
  // numpy: unique(quantile([0]*50 + [1..50], arange(1,10)/10)) = [0, 0.5, 10.4, 20.3, 30.2, 40.1] (6 edges).
  const tied = quantileEdges([...new Array(50).fill(0), ...oneTo(50)], 10);
  assert.equal(tied.length, 6, `expected 6 distinct edges, got ${tied.length}: ${tied}`);
  for (const [i, want] of [0, 0.5, 10.4, 20.3, 30.2, 40.1].entries()) close(tied[i], want, `edge ${i}`, 1e-12);
});

test("quantileEdges rejects empty input, bad bins and NaN", () => {
  assert.throws(() => quantileEdges([], 10), /empty/i);
  assert.throws(() => quantileEdges([1, 2, 3], 1), /bins/i);
  assert.throws(() => quantileEdges([1, 2, 3], 2.5), /bins/i);
  assert.throws(() => quantileEdges([1, Number.NaN, 3], 4), /NaN/);
});

test("binCounts: right-closed bins, a value on an edge counts below it, outliers land in the end bins", () => {
  // Bins (-∞, 2], (2, 5], (5, +∞).
  assert.deepEqual(binCounts([2, 5], [-100, 1, 2, 2.0001, 5, 6, 1e9]), [3, 2, 2]);
  assert.deepEqual(binCounts([2, 5], []), [0, 0, 0]);
  assert.deepEqual(binCounts([], [1, 2, 3]), [3], "no edges: one bin holds everything");
  assert.throws(() => binCounts([2, 5], [Number.NaN]), /NaN/);
});

test("psi is 0 for identical samples and matches numpy on a 10% scale shift of mean_radius", () => {
  close(psi(col("mean_radius"), col("mean_radius")), 0, "identical samples");
  // numpy: psi(rows' mean_radius, rows' mean_radius * 1.1) = 0.24494437785169512 (over the 0.2 alarm line).
  close(
    psi(
      col("mean_radius"),
      col("mean_radius").map((v) => v * 1.1),
    ),
    0.24494437785169512,
    "mean_radius vs mean_radius × 1.1",
  );
  // numpy: psi(mean_radius of even-numbered rows, of odd-numbered rows) = 0.0339763350760104 (a random split: stable).
  close(
    psi(
      col("mean_radius", (i) => i % 2 === 0),
      col("mean_radius", (i) => i % 2 === 1),
    ),
    0.0339763350760104,
    "mean_radius, even vs odd rows",
  );
  // numpy: psi(mean_texture where target == 0 (benign), where target == 1 (malignant)) = 1.2009335286335692.
  close(
    psi(
      col("mean_texture", (i) => cancer.y[i] === 0),
      col("mean_texture", (i) => cancer.y[i] === 1),
    ),
    1.2009335286335692,
    "mean_texture, benign vs malignant",
  );
});

test("psi uses epsilon for empty bins and respects the number of bins", () => {
  // numpy: psi(1..100, [200, 201, 202]) = 8.283089355027482: 9 of 10 live bins are empty (share 1e-4).
  close(psi(oneTo(100), [200, 201, 202]), 8.283089355027482, "all live rows beyond the reference");
  // numpy: psi([0]*50 + [1..50], [0]*10 + [1..90]) = 1.2875503299472804 (7 bins after removing a repeated edge).
  close(
    psi([...new Array(50).fill(0), ...oneTo(50)], [...new Array(10).fill(0), ...oneTo(90)]),
    1.2875503299472804,
    "tied reference",
  );
  // numpy: psi(1..20, 5..24, bins=5) = 1.6580498377744515.
  close(
    psi(
      oneTo(20),
      oneTo(20).map((v) => v + 4),
      5,
    ),
    1.6580498377744515,
    "5 bins",
  );
  assert.throws(() => psi([], [1]), /empty/i);
  assert.throws(() => psi([1, 2], []), /empty/i);
});

test("psiByFeature ranks the shifted features first on breast-cancer", () => {
  const names = cancer.featureNames;
  const live = cancer.X.map((r) => r.map((v, j) => (names[j] === "mean_radius" ? v * 1.1 : v)));
  const ranked = psiByFeature(cancer.X, live, names);
  assert.equal(ranked.length, 30);
  assert.equal(ranked[0].feature, "mean_radius", `expected mean_radius first, got ${ranked[0].feature}`);
  close(ranked[0].psi, 0.24494437785169512, "mean_radius's PSI, as above");
  assert.ok(
    ranked.slice(1).every((f) => f.psi === 0),
    "the unchanged features have PSI 0",
  );
  assert.throws(() => psiByFeature([[1, 2]], [[1]], ["a", "b"]), /columns/);
});
