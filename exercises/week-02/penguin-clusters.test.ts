// Grades exercises/week-02/penguin-clusters.ts (and proves solutions/week-02/penguin-clusters.ts with this file).
// Only the outcome is graded: accuracy on held-out penguins the function never sees, by majority naming of clusters.
import assert from "node:assert/strict";
import { test } from "vitest";
import { loadDataset, trainTestSplit } from "../../src/data";
import { clusterPenguins } from "./penguin-clusters";

const TARGET = 0.93;
const MAX_CLUSTERS = 6;
const penguins = loadDataset("penguins");
const split = trainTestSplit(penguins.X, penguins.y, { testSize: 0.3, seed: 5, stratify: true });

function checkClusters(clusters: unknown, rows: number, where: string): number[] {
  assert.ok(Array.isArray(clusters), `${where}: expected an array of cluster numbers, got ${typeof clusters}`);
  assert.equal(clusters.length, rows, `${where}: expected one cluster per row (${rows}), got ${clusters.length}`);
  for (const c of clusters) {
    assert.ok(
      Number.isInteger(c) && c >= 0 && c < MAX_CLUSTERS,
      `${where}: clusters must be whole numbers from 0 to ${MAX_CLUSTERS - 1}, got ${c}`,
    );
  }
  return clusters as number[];
}

test(`held-out penguins in a cluster named after their species: at least ${TARGET} (baseline 0.68)`, () => {
  // A copy of the training measurements: the labels and the held-out rows never reach the learner's code.
  const assign = clusterPenguins(split.XTrain.map((r) => r.slice()));
  assert.equal(typeof assign, "function", "clusterPenguins must return a function");
  const trainClusters = checkClusters(assign(split.XTrain.map((r) => r.slice())), split.XTrain.length, "training rows");
  const names = new Map<number, number>();
  for (const c of new Set(trainClusters)) {
    const counts = [0, 0, 0];
    trainClusters.forEach((tc, i) => {
      if (tc === c) counts[split.yTrain[i]]++;
    });
    names.set(c, counts.indexOf(Math.max(...counts)));
  }
  const testClusters = checkClusters(assign(split.XTest.map((r) => r.slice())), split.XTest.length, "held-out rows");
  const correct = testClusters.filter((c, i) => names.get(c) === split.yTest[i]).length;
  const accuracy = correct / split.yTest.length;
  const species = penguins.classNames ?? [];
  const named = [...names].map(([c, s]) => `cluster ${c} = ${species[s]}`).join(", ");
  assert.ok(
    accuracy >= TARGET,
    `${correct} of ${split.yTest.length} held-out penguins (${accuracy.toFixed(3)}) are in a cluster named after their species; the bar is ${TARGET}. Your clusters: ${named}. Which measurement dominates a distance in grams and millimetres?`,
  );
});

test("the same training rows give the same clusters (seed what is random)", () => {
  const a = clusterPenguins(split.XTrain.map((r) => r.slice()))(split.XTest);
  const b = clusterPenguins(split.XTrain.map((r) => r.slice()))(split.XTest);
  assert.deepEqual(b, a);
});
