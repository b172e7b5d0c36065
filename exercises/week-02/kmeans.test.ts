// Grades exercises/week-02/kmeans.ts (and proves solutions/week-02/kmeans.ts with this file).
import assert from "node:assert/strict";
import { kmeans as mlKmeans } from "ml-kmeans";
import { test } from "vitest";
import { fitStandardizer, loadDataset } from "../../src/data";
import { assignClusters, inertia, kMeans } from "./kmeans";

const penguins = loadDataset("penguins");
const X = fitStandardizer(penguins.X).transform(penguins.X);

test("assignClusters picks the nearest centroid, ties to the lower index", () => {
  const centroids = [
    [0, 0],
    [4, 0],
  ];
  assert.deepEqual(
    assignClusters(
      [
        [1, 0],
        [3, 1],
        [2, 0],
        [-5, 9],
      ],
      centroids,
    ),
    [0, 1, 0, 0],
    "(2, 0) is a tie: cluster 0",
  );
});

test("inertia is the sum of squared distances to the assigned centroid", () => {
  const got = inertia(
    [
      [1, 0],
      [3, 1],
      [2, 0],
    ],
    [
      [0, 0],
      [4, 0],
    ],
    [0, 1, 0],
  );
  assert.ok(Math.abs(got - (1 + 2 + 4)) < 1e-12, `expected 1 + 2 + 4 = 7, got ${got}`);
});

test("from the same start, the same clusters as ml-kmeans (Lloyd's algorithm is deterministic)", () => {
  const start = [X[0], X[200], X[300]].map((r) => r.slice());
  const mine = kMeans(X, 3, { initialCentroids: start.map((r) => r.slice()) });
  const ref = mlKmeans(X, 3, { initialization: start.map((r) => r.slice()), maxIterations: 300 });
  const differ = mine.labels.filter((l, i) => l !== ref.clusters[i]).length;
  assert.equal(differ, 0, `${differ} of ${X.length} penguins got another cluster than ml-kmeans from the same start`);
  mine.centroids.forEach((c, k) => {
    c.forEach((v, j) => {
      assert.ok(
        Math.abs(v - ref.centroids[k][j]) < 1e-6,
        `centroid ${k}[${j}]: expected ${ref.centroids[k][j]}, got ${v}`,
      );
    });
  });
});

test("the result is a fixed point: labels are the nearest centroids, centroids the means of their points", () => {
  const r = kMeans(X, 4, { seed: 3 });
  assert.equal(r.labels.length, X.length);
  assert.deepEqual(r.labels, assignClusters(X, r.centroids), "every label must be the nearest centroid");
  r.centroids.forEach((c, k) => {
    const members = X.filter((_, i) => r.labels[i] === k);
    assert.ok(members.length > 0, `cluster ${k} is empty`);
    c.forEach((v, j) => {
      const mean = members.reduce((s, m) => s + m[j], 0) / members.length;
      assert.ok(Math.abs(v - mean) < 1e-9, `centroid ${k}[${j}] = ${v} is not the mean of its points (${mean})`);
    });
  });
  assert.ok(
    Math.abs(r.inertia - inertia(X, r.centroids, r.labels)) < 1e-9,
    "inertia must match the centroids and labels",
  );
  assert.ok(r.iterations >= 1, "at least one iteration");
});

test("restarts find the best k = 3 clustering of the penguins that ml-kmeans finds in 10 seeds", () => {
  let best = Number.POSITIVE_INFINITY;
  for (let seed = 1; seed <= 10; seed++) {
    const ref = mlKmeans(X, 3, { seed });
    best = Math.min(best, inertia(X, ref.centroids, ref.clusters));
  }
  const mine = kMeans(X, 3, { seed: 1, nInit: 10 });
  assert.ok(
    mine.inertia <= best * 1.005,
    `inertia ${mine.inertia.toFixed(2)}: ml-kmeans's best of 10 seeds is ${best.toFixed(2)}; one start can stop in a worse local minimum, so keep the best of nInit`,
  );
  assert.deepEqual(kMeans(X, 3, { seed: 1, nInit: 10 }).labels, mine.labels, "the same seed must give the same result");
});

test("bad input gets a clear error", () => {
  assert.throws(() => kMeans([], 2), /empty/i);
  assert.throws(() => kMeans([[1, 2], [3]], 1), /row/i);
  assert.throws(() => kMeans(X, 0), /\bk\b/);
  assert.throws(() => kMeans([[1], [2]], 3), /\bk\b/);
  assert.throws(() => kMeans(X, 2.5), /\bk\b/);
  assert.throws(() => kMeans(X, 2, { initialCentroids: [[0, 0, 0, 0]] }), /initialCentroids/);
});
