// Grades exercises/week-01/losses.ts (and proves solutions/week-01/losses.ts with this file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { Random } from "../../src/data";
import { binaryCrossEntropy, binaryCrossEntropyGrad, hingeLoss, hingeLossGrad, mseLoss, mseLossGrad } from "./losses";

function close(got: number, expected: number, what: string, tol = 1e-12): void {
  assert.ok(
    Math.abs(got - expected) <= tol * Math.max(1, Math.abs(expected)),
    `${what}: expected ${expected}, got ${got}`,
  );
}

/**
 * The trusted reference for a derivative: the central finite difference (f(v + h) - f(v - h)) / 2h, one prediction
 * at a time. Its error is about h²·f''' (truncation) + 1e-16·f/h (rounding): far below the tolerance used here.
 */
function checkGradient(
  name: string,
  loss: (pred: number[]) => number,
  grad: (pred: number[]) => number[],
  pred: number[],
): void {
  const h = 1e-6;
  const got = grad(pred);
  assert.equal(got.length, pred.length, `${name}: one derivative per prediction`);
  pred.forEach((v, i) => {
    const up = pred.slice();
    const down = pred.slice();
    up[i] = v + h;
    down[i] = v - h;
    const numeric = (loss(up) - loss(down)) / (2 * h);
    assert.ok(
      Math.abs(got[i] - numeric) <= 1e-6 * Math.max(1, Math.abs(numeric)),
      `${name}: derivative for prediction ${i} (= ${v}): finite differences give ${numeric}, got ${got[i]}`,
    );
  });
}

test("known values", () => {
  close(mseLoss([1, 2, 3], [1, 2, 5]), 4 / 3, "mseLoss([1,2,3], [1,2,5]) = (0 + 0 + 4) / 3");
  close(binaryCrossEntropy([1, 0], [0.8, 0.3]), -(Math.log(0.8) + Math.log(0.7)) / 2, "BCE([1,0], [0.8,0.3])");
  close(binaryCrossEntropy([1, 0, 1], [0.5, 0.5, 0.5]), Math.log(2), "BCE of a coin flip is log 2 ≈ 0.693");
  close(hingeLoss([1, -1, 1], [2, 0.5, -1]), 3.5 / 3, "hinge([1,-1,1], [2,0.5,-1]) = (0 + 1.5 + 2) / 3");
  close(mseLossGrad([1, 2], [2, 0])[0], 1, "∂MSE/∂ŷ₀ = 2(ŷ₀ - y₀)/n = 2·1/2");
  assert.deepEqual(hingeLossGrad([1, -1, 1], [2, 0.5, -1]), [0, 1 / 3, -1 / 3], "hinge slopes: 0, +1/n, -1/n");
});

test("every derivative matches central finite differences (fixed seed)", () => {
  const rng = new Random(2024);
  const n = 9;
  const yReal = Array.from({ length: n }, () => rng.next() * 10 - 5);
  const yPredReal = Array.from({ length: n }, () => rng.next() * 10 - 5);
  checkGradient(
    "mseLossGrad",
    (p) => mseLoss(yReal, p),
    (p) => mseLossGrad(yReal, p),
    yPredReal,
  );

  const y01 = Array.from({ length: n }, (_, i) => i % 2);
  // Probabilities in [0.05, 0.95], away from the clipping edges where the clipped loss is flat.
  const prob = Array.from({ length: n }, () => 0.05 + 0.9 * rng.next());
  checkGradient(
    "binaryCrossEntropyGrad",
    (p) => binaryCrossEntropy(y01, p),
    (p) => binaryCrossEntropyGrad(y01, p),
    prob,
  );

  const ySign = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? -1 : 1));
  // Scores whose margins y·s stay clear of the kink at 1, where the derivative does not exist.
  const scores = Array.from({ length: n }, (_, i) => {
    const margin = [-2, -0.5, 0.3, 0.9, 1.4, 3][i % 6] + 0.01 * rng.next();
    return margin * ySign[i];
  });
  checkGradient(
    "hingeLossGrad",
    (s) => hingeLoss(ySign, s),
    (s) => hingeLossGrad(ySign, s),
    scores,
  );
});

test("hinge is exactly 0 at and beyond the margin, and linear inside it", () => {
  const y = [1, -1, 1, -1];
  const beyond = [1, -1, 7, -3.5];
  assert.equal(hingeLoss(y, beyond), 0, "every margin y·s ≥ 1: no loss at all, not even a little");
  assert.deepEqual(hingeLossGrad(y, beyond), [0, 0, 0, 0], "and no gradient: confident right answers are left alone");
  // Right side but inside the margin still costs: y·s = 0.5 gives 0.5.
  close(hingeLoss([1], [0.5]), 0.5, "margin 0.5");
  // Wrong answers cost linearly, not quadratically: doubling the margin deficit doubles the loss.
  close(hingeLoss([1], [-3]) / hingeLoss([1], [-1]), 2, "hinge(-3) / hinge(-1) = 4 / 2");
});

test("cross-entropy is finite at p = 0 and p = 1 thanks to clipping, and punishes confident mistakes hard", () => {
  const worst = binaryCrossEntropy([1], [0]);
  assert.ok(Number.isFinite(worst), `BCE([1], [0]) must be finite, got ${worst}`);
  close(worst, -Math.log(1e-15), "BCE([1], [0]) with eps = 1e-15 is -log(1e-15) ≈ 34.5", 1e-9);
  // 1 is clipped to 1 - 1e-15, and 1 - (1 - 1e-15) is 1.11e-15 in floating point, not exactly 1e-15.
  close(binaryCrossEntropy([0], [1]), -Math.log(1 - (1 - 1e-15)), "BCE([0], [1]) = -log(1 - (1 - eps))", 1e-9);
  assert.ok(binaryCrossEntropy([1], [1]) < 1e-12, "a confident right answer costs (almost) nothing");
  for (const g of [...binaryCrossEntropyGrad([1, 0], [0, 1]), ...binaryCrossEntropyGrad([1, 0], [1, 0])]) {
    assert.ok(Number.isFinite(g), `the gradient at p = 0 or 1 must be finite too, got ${g}`);
  }
  close(binaryCrossEntropy([1], [0.3], 0.4), -Math.log(0.4), "the eps argument is honoured: 0.3 is clipped to 0.4");
  // Confidently wrong (p = 0.01 for a positive) costs far more than unsure (p = 0.4).
  assert.ok(binaryCrossEntropy([1], [0.01]) > 5 * binaryCrossEntropy([1], [0.4]), "-log 0.01 ≈ 4.6 vs -log 0.4 ≈ 0.92");
});

test("MSE is symmetric: over- and under-predicting by the same amount cost the same", () => {
  const y = [3, -1, 0.5];
  close(mseLoss(y, [4, 0, 1.5]), mseLoss(y, [2, -2, -0.5]), "+1 everywhere vs -1 everywhere");
  close(mseLoss([1, 2, 3], [0, 0, 7]), mseLoss([0, 0, 7], [1, 2, 3]), "swapping truth and prediction");
  assert.equal(mseLoss(y, y), 0, "perfect predictions");
  assert.deepEqual(mseLossGrad(y, y), [0, 0, 0], "and a zero gradient at the optimum");
});

test("bad input gets a clear error", () => {
  for (const [name, fn] of [
    ["mseLoss", mseLoss],
    ["mseLossGrad", mseLossGrad],
    ["binaryCrossEntropy", binaryCrossEntropy],
    ["binaryCrossEntropyGrad", binaryCrossEntropyGrad],
    ["hingeLoss", hingeLoss],
    ["hingeLossGrad", hingeLossGrad],
  ] as const) {
    assert.throws(() => fn([], []), /empty/i, `${name}([], []) should throw mentioning "empty"`);
    assert.throws(() => fn([1, 1], [1]), /length/i, `${name} with 2 labels and 1 prediction should mention "length"`);
  }
  assert.throws(() => binaryCrossEntropy([2], [0.5]), /label/i, "cross-entropy labels are 0 or 1");
  assert.throws(() => binaryCrossEntropy([1], [1.5]), /probability/i, "1.5 is not a probability");
  assert.throws(() => binaryCrossEntropyGrad([-1], [0.5]), /label/i);
  assert.throws(() => hingeLoss([0], [0.5]), /label/i, "hinge labels are -1 or +1: a 0 label is a common slip");
  assert.throws(() => hingeLossGrad([0], [0.5]), /label/i);
});
