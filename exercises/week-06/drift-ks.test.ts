// Grades exercises/week-06/drift-ks.ts (and proves solutions/week-06/drift-ks.ts with the very same file).
//
// Where the reference numbers come from: computed ONCE, independently, with scipy 1.17.1 in the workspace's .venv
// (.venv/bin/python), on the inputs named next to each number:
//
//   r = scipy.stats.ks_2samp(a, b)                      -> D = r.statistic
//   en = len(a) * len(b) / (len(a) + len(b))
//   p = scipy.stats.kstwobign.sf(np.sqrt(en) * D)       -> the asymptotic p-value this exercise asks for
//
// Columns come from datasets/breast-cancer.csv (csv.DictReader; "rows" are the data rows in file order; target 0 is
// benign, 1 malignant). scipy's own ks_2samp p-value (method "auto" picks an exact computation for small samples) is
// quoted too where it differs, to show why the test pins the asymptotic formula.
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset } from "../../src/data";
import { ecdf, kolmogorovSurvival, ksStatistic, ksTwoSample } from "./drift-ks";

const close = (got: number, want: number, rel: number, what: string) =>
  assert.ok(
    Math.abs(got - want) <= rel * Math.abs(want) + 1e-300,
    `${what}: expected ${want}, got ${got} (relative tolerance ${rel})`,
  );

const cancer = loadDataset("breast-cancer");
const col = (name: string, keep: (i: number) => boolean) => {
  const j = cancer.featureNames.indexOf(name);
  return cancer.X.filter((_, i) => keep(i)).map((r) => r[j]);
};

test("ecdf is the share of values <= x", () => {
  const s = [3, 1, 2, 2];
  assert.equal(ecdf(s, 0), 0);
  assert.equal(ecdf(s, 1), 0.25);
  assert.equal(ecdf(s, 2), 0.75, "both 2s count at x = 2");
  assert.equal(ecdf(s, 2.5), 0.75);
  assert.equal(ecdf(s, 3), 1);
  assert.throws(() => ecdf([], 1), /empty/i);
});

test("ksStatistic equals scipy's D, with and without ties", () => {
  // scipy: ks_2samp([1,2,3,4,5], [3,4,5,6,7,8]).statistic = 0.5 (at x = 2: 2/5 - 0 ... at x = 5: 1 - 3/6).
  assert.equal(ksStatistic([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]), 0.5);
  // scipy: ks_2samp([1,1,2,2,3], [1,2,2,3,3,3]).statistic = 0.3: ties must move both CDFs before comparing.
  close(ksStatistic([1, 1, 2, 2, 3], [1, 2, 2, 3, 3, 3]), 0.3, 1e-12, "D with ties");
  assert.equal(ksStatistic([1, 2, 3], [1, 2, 3]), 0, "identical samples");
  assert.equal(ksStatistic([1, 2], [5, 6]), 1, "disjoint samples");
  assert.equal(ksStatistic([3, 1, 2], [2, 3, 1]), 0, "order does not matter");
});

test("ksStatistic rejects empty samples and NaN", () => {
  assert.throws(() => ksStatistic([], [1]), /empty/i);
  assert.throws(() => ksStatistic([1], []), /empty/i);
  assert.throws(() => ksStatistic([1, Number.NaN], [1]), /NaN/);
});

test("kolmogorovSurvival equals scipy.stats.kstwobign.sf on both sides of λ = 1.18", () => {
  // scipy: kstwobign.sf(0.3, 0.5, 1.0, 1.18, 1.5, 2.5)
  const cases: [number, number][] = [
    [0.3, 0.9999906941986655],
    [0.5, 0.9639452436648751],
    [1.0, 0.26999967167735456],
    [1.18, 0.1234538094297657],
    [1.5, 0.022217962616525127],
    [2.5, 7.453306344157342e-6],
  ];
  for (const [x, want] of cases) close(kolmogorovSurvival(x), want, 1e-9, `Q(${x})`);
  assert.equal(kolmogorovSurvival(0), 1);
  assert.ok(kolmogorovSurvival(10) >= 0 && kolmogorovSurvival(10) < 1e-80, "Q(10) is ~0, never negative");
});

test("ksTwoSample on breast-cancer: a real difference, a random split, and a mild one (scipy numbers)", () => {
  // mean_texture, benign (357 rows) vs malignant (212): D = 0.47180381586596903, p = 3.8327824692614654e-26
  // (scipy's own auto p = 2.42e-27: a different method, same verdict).
  const texture = ksTwoSample(
    col("mean_texture", (i) => cancer.y[i] === 0),
    col("mean_texture", (i) => cancer.y[i] === 1),
  );
  close(texture.statistic, 0.47180381586596903, 1e-12, "D, texture by class");
  close(texture.pValue, 3.8327824692614654e-26, 1e-6, "p, texture by class");
  // mean_radius, even-numbered rows (285) vs odd-numbered (284): D = 0.05155670867309118, p = 0.8439478462704424.
  const radius = ksTwoSample(
    col("mean_radius", (i) => i % 2 === 0),
    col("mean_radius", (i) => i % 2 === 1),
  );
  close(radius.statistic, 0.05155670867309118, 1e-12, "D, radius even vs odd");
  close(radius.pValue, 0.8439478462704424, 1e-6, "p, radius even vs odd");
  // mean_smoothness, first 300 rows vs the other 269: D = 0.16045848822800496, p = 0.0013466826035701351 (< 0.01).
  const smooth = ksTwoSample(
    col("mean_smoothness", (i) => i < 300),
    col("mean_smoothness", (i) => i >= 300),
  );
  close(smooth.statistic, 0.16045848822800496, 1e-12, "D, smoothness first 300 vs rest");
  close(smooth.pValue, 0.0013466826035701351, 1e-6, "p, smoothness first 300 vs rest");
});

test("ksTwoSample on tiny samples uses the asymptotic formula (scipy's exact p differs)", () => {
  // a = [1..5], b = [3..8]: D = 0.5, en = 30/11, kstwobign.sf(√en × 0.5) = 0.502914033641129.
  // (scipy.stats.ks_2samp(a, b).pvalue = 0.35714285714285715 with its exact method: five rows are not "asymptotic".)
  const r = ksTwoSample([1, 2, 3, 4, 5], [3, 4, 5, 6, 7, 8]);
  assert.equal(r.statistic, 0.5);
  close(r.pValue, 0.502914033641129, 1e-9, "asymptotic p");
  // [1,1,2,2,3] vs [1,2,2,3,3,3]: D = 0.3, p = 0.9667907604932683.
  close(ksTwoSample([1, 1, 2, 2, 3], [1, 2, 2, 3, 3, 3]).pValue, 0.9667907604932683, 1e-9, "p with ties");
});
