// Grades exercises/week-01/decision-boundary.ts (and proves solutions/week-01/decision-boundary.ts with this file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { fitStandardizer, loadDataset, Random } from "../../src/data";
import { type BoundaryLine, boundaryLine, classify, type LinearClassifier2D } from "./decision-boundary";

/** The model's own verdict, computed here independently: P(class 1) = sigmoid(b + w·x). */
function probability(model: LinearClassifier2D, x1: number, x2: number): number {
  return 1 / (1 + Math.exp(-(model.bias + model.weights[0] * x1 + model.weights[1] * x2)));
}

/** The x1 of a vertical boundary, or a failed assertion naming what came back instead. */
function verticalX1(line: BoundaryLine, what: string): number {
  assert.equal(line.kind, "vertical", `${what}: expected { kind: "vertical", x1 }, got ${JSON.stringify(line)}`);
  return line.kind === "vertical" ? line.x1 : Number.NaN;
}

/** A point of the returned line at the given x1 (or, for a vertical line, at height x2 = t). */
function pointOn(line: BoundaryLine, t: number): [number, number] {
  return line.kind === "line" ? [t, line.slope * t + line.intercept] : [line.x1, t];
}

function close(got: number, expected: number, tol: number, what: string): void {
  assert.ok(Math.abs(got - expected) <= tol, `${what}: expected ${expected}, got ${got}`);
}

test("boundaryLine solves b + w1·x1 + w2·x2 = 0 for x2 (hand-computed)", () => {
  // 1 + 2·x1 - 1·x2 = 0  ⇔  x2 = 2·x1 + 1
  const line = boundaryLine({ weights: [2, -1], bias: 1 });
  assert.equal(line.kind, "line", `expected kind "line", got ${JSON.stringify(line)}`);
  if (line.kind !== "line") return;
  close(line.slope, 2, 1e-12, "slope");
  close(line.intercept, 1, 1e-12, "intercept");
  // w1 = 0: a horizontal line x2 = -b / w2.
  const flat = boundaryLine({ weights: [0, 4], bias: -2 });
  assert.equal(flat.kind, "line", `0·x1 + 4·x2 - 2 = 0 is a horizontal line, got ${JSON.stringify(flat)}`);
  if (flat.kind !== "line") return;
  close(flat.slope, 0, 1e-12, "slope of 0·x1 + 4·x2 - 2 = 0");
  close(flat.intercept, 0.5, 1e-12, "intercept of 0·x1 + 4·x2 - 2 = 0");
});

test("points on the returned line have probability exactly 0.5 under the model (random models, fixed seed)", () => {
  const rng = new Random(11);
  for (let k = 0; k < 200; k++) {
    const w1 = rng.next() * 6 - 3;
    // Keep |w2| ≥ 0.1 so the line is not nearly vertical (w2 = 0 exactly is its own test below).
    const w2 = (rng.next() < 0.5 ? -1 : 1) * (0.1 + rng.next() * 3);
    const model = { weights: [w1, w2], bias: rng.next() * 10 - 5 };
    const line = boundaryLine(model);
    assert.equal(line.kind, "line", `w2 = ${w2} ≠ 0, so the boundary is "x2 = slope·x1 + intercept"`);
    for (const t of [-3, -0.5, 0, 1.7, 4]) {
      const [x1, x2] = pointOn(line, t);
      close(probability(model, x1, x2), 0.5, 1e-9, `P(class 1) at (${x1}, ${x2}) on the line of model ${k}`);
    }
  }
});

test("points just off the line get the class the model gives them, on either side", () => {
  const rng = new Random(5);
  for (let k = 0; k < 100; k++) {
    const w = [rng.next() * 6 - 3, (rng.next() < 0.5 ? -1 : 1) * (0.1 + rng.next() * 3)];
    const model = { weights: w, bias: rng.next() * 4 - 2 };
    const line = boundaryLine(model);
    const norm = Math.hypot(w[0], w[1]);
    for (const t of [-2, 0, 2]) {
      const [x1, x2] = pointOn(line, t);
      // A small step along the normal (w1, w2) raises z; a step against it lowers z.
      const step = 0.01 / norm;
      const plus = [x1 + step * w[0], x2 + step * w[1]];
      const minus = [x1 - step * w[0], x2 - step * w[1]];
      assert.deepEqual(
        classify(model, [plus, minus]),
        [1, 0],
        `model ${JSON.stringify(model)}: the point on the side of the normal (w1, w2) is class 1, the other class 0`,
      );
    }
  }
});

test("which side is class 1 depends on the sign of w2", () => {
  // Same line x2 = x1 for both models, but opposite signs: above the line is class 1 only when w2 > 0.
  const up = { weights: [-1, 1], bias: 0 };
  const down = { weights: [1, -1], bias: 0 };
  const above = [0, 1];
  const below = [0, -1];
  assert.deepEqual(classify(up, [above, below]), [1, 0], "w2 > 0: the points above the line are class 1");
  assert.deepEqual(classify(down, [above, below]), [0, 1], "w2 < 0: the points below the line are class 1");
  assert.deepEqual(classify(up, [[2, 2]]), [1], "a point exactly on the boundary (z = 0, P = 0.5) is class 1");
});

test("w2 = 0 gives a vertical line x1 = -b / w1", () => {
  const model = { weights: [2, 0], bias: -4 };
  close(verticalX1(boundaryLine(model), "2·x1 + 0·x2 - 4 = 0"), 2, 1e-12, "x1 of the vertical line");
  assert.deepEqual(
    classify(model, [
      [2.5, -100],
      [1.5, 100],
      [2.5, 100],
    ]),
    [1, 0, 1],
    "right of x1 = 2 is class 1 whatever x2 is",
  );
  // Negative w1 flips the sides.
  const flipped = boundaryLine({ weights: [-0.5, 0], bias: 1 });
  close(verticalX1(flipped, "-0.5·x1 + 0·x2 + 1 = 0"), 2, 1e-12, "x1 of the vertical line");
  for (const t of [-5, 0, 5]) {
    const [x1, x2] = pointOn(flipped, t);
    close(probability({ weights: [-0.5, 0], bias: 1 }, x1, x2), 0.5, 1e-12, "P on the vertical line");
  }
});

test("classify matches the model's probability on the breast-cancer data (two standardized features)", () => {
  const data = loadDataset("breast-cancer");
  const cols = ["mean_radius", "mean_texture"].map((n) => data.featureNames.indexOf(n));
  const two = fitStandardizer(data.X.map((row) => cols.map((c) => row[c]))).transform(
    data.X.map((row) => cols.map((c) => row[c])),
  );
  // A fixed model close to what logistic regression learns on these two features.
  const model = { weights: [3.4, 1.1], bias: -0.7 };
  const expected = two.map(([a, b]) => (probability(model, a, b) >= 0.5 ? 1 : 0));
  const got = classify(model, two);
  assert.equal(got.length, two.length, "one class per point");
  const wrong = got.findIndex((c, i) => c !== expected[i]);
  assert.equal(
    wrong,
    -1,
    `point ${wrong} ${JSON.stringify(two[wrong])}: expected class ${expected[wrong]}, got ${got[wrong]}`,
  );
  assert.deepEqual(classify(model, []), [], "no points, no classes");
});

test("bad input gets a clear error", () => {
  assert.throws(() => boundaryLine({ weights: [0, 0], bias: 1 }), /no boundary/i);
  assert.throws(() => boundaryLine({ weights: [1, 2, 3], bias: 0 }), /two weights/i);
  assert.throws(() => classify({ weights: [1, 1], bias: 0 }, [[1, 2, 3]]), /two features/i);
});
