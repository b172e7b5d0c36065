// The library's drift statistics against numbers computed ONCE, independently, with scipy 1.17.1 / numpy 2.4.6 from
// the workspace's .venv (script: see the comments; same cases as the drift-psi / drift-ks exercises).
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset } from "../data";
import { kolmogorovSf, ksTest, psi, quantileEdges, quantileSorted, rocAuc } from "./stats";

const close = (got: number, want: number, rel: number, what: string) =>
  assert.ok(
    Math.abs(got - want) <= rel * Math.max(Math.abs(want), 1e-300),
    `${what}: expected ${want}, got ${got} (relative tolerance ${rel})`,
  );

const cancer = loadDataset("breast-cancer");
const column = (name: string, keep: (i: number) => boolean) => {
  const j = cancer.featureNames.indexOf(name);
  return cancer.X.filter((_, i) => keep(i)).map((r) => r[j]);
};

test("quantileSorted interpolates like numpy.quantile; rocAuc counts ties as half", () => {
  assert.equal(quantileSorted([1, 2, 3, 4], 0.5), 2.5);
  assert.equal(quantileSorted([1, 2, 3, 4], 1 / 3), 2);
  // Positives 0.8 and 0.4, negatives 0.4 and 0.1: pairs (0.8>0.4) (0.8>0.1) (0.4=0.4: ½) (0.4>0.1) → 3.5 / 4.
  assert.equal(rocAuc([1, 1, 0, 0], [0.8, 0.4, 0.4, 0.1]), 0.875);
  assert.throws(() => rocAuc([1, 1], [0.2, 0.3]), /one class/);
});

test("psi matches numpy on breast-cancer columns, empty bins and tied reference values", () => {
  // numpy: edges = unique(quantile(ref, arange(1,10)/10)); bincount(searchsorted(edges, x, 'left')) / n;
  // zero proportions -> 1e-4; sum((live - ref) * log(live / ref)).
  const r = column("mean_radius", () => true);
  close(
    psi(
      r,
      r.map((v) => v * 1.1),
    ),
    0.24494437785169512,
    1e-9,
    "mean_radius vs mean_radius × 1.1",
  );
  close(
    psi(
      column("mean_radius", (i) => i % 2 === 0),
      column("mean_radius", (i) => i % 2 === 1),
    ),
    0.0339763350760104,
    1e-9,
    "mean_radius, even vs odd rows",
  );
  const ones = Array.from({ length: 100 }, (_, i) => i + 1);
  close(psi(ones, [200, 201, 202]), 8.283089355027482, 1e-9, "1..100 vs [200, 201, 202] (9 empty bins)");
  const tied = [...new Array(50).fill(0), ...ones.slice(0, 50)];
  const tiedLive = [...new Array(10).fill(0), ...ones.slice(0, 90)];
  assert.equal(quantileEdges(tied).length, 6, "numpy keeps 6 distinct edges (7 bins)");
  close(psi(tied, tiedLive), 1.2875503299472804, 1e-9, "[0]*50+[1..50] vs [0]*10+[1..90]");
});

test("ksTest matches scipy's ks_2samp statistic and kstwobign.sf(√(nm/(n+m))·D) p-value", () => {
  // scipy.stats.ks_2samp(a, b).statistic and scipy.stats.kstwobign.sf(sqrt(n*m/(n+m)) * D).
  const texture = ksTest(
    column("mean_texture", (i) => cancer.y[i] === 0),
    column("mean_texture", (i) => cancer.y[i] === 1),
  );
  close(texture.statistic, 0.47180381586596903, 1e-12, "D, mean_texture benign vs malignant");
  close(texture.pValue, 3.8327824692614654e-26, 1e-6, "p, mean_texture benign vs malignant");
  const smooth = ksTest(
    column("mean_smoothness", (i) => i < 300),
    column("mean_smoothness", (i) => i >= 300),
  );
  close(smooth.statistic, 0.16045848822800496, 1e-12, "D, mean_smoothness first 300 rows vs the rest");
  close(smooth.pValue, 0.0013466826035701351, 1e-6, "p, mean_smoothness first 300 rows vs the rest");
  const ties = ksTest([1, 1, 2, 2, 3], [1, 2, 2, 3, 3, 3]);
  close(ties.statistic, 0.3, 1e-12, "D with ties");
  close(ties.pValue, 0.9667907604932683, 1e-6, "p with ties");
  // scipy.stats.kstwobign.sf at 0.5, 1.0, 1.18 (the switch between the two series), 1.5 and 2.5.
  for (const [x, want] of [
    [0.5, 0.9639452436648751],
    [1.0, 0.26999967167735456],
    [1.18, 0.1234538094297657],
    [1.5, 0.022217962616525127],
    [2.5, 7.453306344157342e-6],
  ]) {
    close(kolmogorovSf(x), want, 1e-9, `kstwobign.sf(${x})`);
  }
});
