// Grades exercises/week-03/optimizers.ts (and proves solutions/week-03/optimizers.ts with the very same file).
// The expected numbers are worked out by hand from the update rules, with the arithmetic in the comments.
import assert from "node:assert/strict";
import { Matrix } from "ml-matrix";
import { test } from "vitest";
import { type AdamState, adamStep, type ParamSet, type SgdState, sgdStep } from "./optimizers";

/** θ = [1, -2] and two fixed gradients: step 1 sees g = [0.5, -1], step 2 sees g = [0.2, 0.4]. */
const G1 = [0.5, -1];
const G2 = [0.2, 0.4];
const row = (values: number[]) => new Matrix([values]);

function assertValues(got: Matrix, expected: number[], tol: number, what: string) {
  const values = got.to1DArray();
  assert.equal(values.length, expected.length, `${what}: expected ${expected.length} values, got ${values.length}`);
  for (const [i, v] of values.entries()) {
    assert.ok(Math.abs(v - expected[i]) <= tol, `${what}[${i}]: expected ${expected[i]}, got ${v} (tolerance ${tol})`);
  }
}

test("plain SGD (momentum 0) takes param - lr · grad, and leaves the gradients alone", () => {
  const params: ParamSet = { w: row([1, -2]) };
  const state: SgdState = { velocity: {} };
  const g = row(G1);
  sgdStep(params, { w: g }, 0.1, 0, state);
  // [1 - 0.1·0.5, -2 - 0.1·(-1)] = [0.95, -1.9]
  assertValues(params.w, [0.95, -1.9], 1e-12, "after step 1");
  assert.deepEqual(g.to1DArray(), G1, "sgdStep must not modify the gradient");
  sgdStep(params, { w: row(G2) }, 0.1, 0, state);
  // [0.95 - 0.1·0.2, -1.9 - 0.1·0.4] = [0.93, -1.94]: without momentum the first gradient is forgotten.
  assertValues(params.w, [0.93, -1.94], 1e-12, "after step 2");
});

test("SGD with momentum 0.9 matches two steps worked by hand", () => {
  const params: ParamSet = { w: row([1, -2]), b: new Matrix([[0.5], [1]]) };
  const state: SgdState = { velocity: {} };
  sgdStep(params, { w: row(G1), b: new Matrix([[1], [0]]) }, 0.1, 0.9, state);
  // Step 1: velocity = 0.9·0 + g = [0.5, -1]; θ = [1 - 0.1·0.5, -2 - 0.1·(-1)] = [0.95, -1.9].
  assertValues(params.w, [0.95, -1.9], 1e-12, "w after step 1");
  // A second parameter (a column) in the same step: velocity [1, 0], θ = [0.5 - 0.1, 1 - 0] = [0.4, 1].
  assertValues(params.b, [0.4, 1], 1e-12, "b after step 1");
  sgdStep(params, { w: row(G2), b: new Matrix([[1], [0]]) }, 0.1, 0.9, state);
  // Step 2: velocity = 0.9·[0.5, -1] + [0.2, 0.4] = [0.45 + 0.2, -0.9 + 0.4] = [0.65, -0.5];
  //         θ = [0.95 - 0.1·0.65, -1.9 - 0.1·(-0.5)] = [0.885, -1.85].
  assertValues(params.w, [0.885, -1.85], 1e-12, "w after step 2 (velocity 0.9·v + g)");
  // b: velocity = 0.9·[1, 0] + [1, 0] = [1.9, 0]; θ = [0.4 - 0.19, 1] = [0.21, 1].
  assertValues(params.b, [0.21, 1], 1e-12, "b after step 2");
  assert.throws(() => sgdStep(params, { w: row([1, 2, 3]) }, 0.1, 0.9, state), /shape/i);
});

test("Adam matches two steps worked by hand from Kingma & Ba (2015), Algorithm 1", () => {
  const params: ParamSet = { w: row([1, -2]) };
  const state: AdamState = { t: 0, m: {}, v: {} };
  const options = { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  const g1 = row(G1);
  adamStep(params, { w: g1 }, state, options);
  // Step 1 (t = 1):
  //   m = 0.9·0 + 0.1·[0.5, -1]       = [0.05, -0.1]
  //   v = 0.999·0 + 0.001·[0.25, 1]   = [0.00025, 0.001]
  //   m̂ = m / (1 - 0.9)   = [0.5, -1]      v̂ = v / (1 - 0.999) = [0.25, 1]     sqrt(v̂) = [0.5, 1]
  //   θ = θ - 0.1 · m̂ / (sqrt(v̂) + 1e-8) = [1 - 0.1·0.99999998, -2 + 0.1·0.99999999] = [0.900000002, -1.900000001]
  // (The first Adam step moves every weight by lr in the direction of -sign(g), whatever the gradient's size.)
  assert.equal(state.t, 1, "state.t counts the steps");
  assertValues(params.w, [0.900000002, -1.900000001], 1e-9, "after step 1");
  assert.deepEqual(g1.to1DArray(), G1, "adamStep must not modify the gradient");
  adamStep(params, { w: row(G2) }, state, options);
  // Step 2 (t = 2), g = [0.2, 0.4]:
  //   m = 0.9·[0.05, -0.1] + 0.1·[0.2, 0.4]          = [0.045 + 0.02, -0.09 + 0.04] = [0.065, -0.05]
  //   v = 0.999·[0.00025, 0.001] + 0.001·[0.04, 0.16] = [0.00024975 + 0.00004, 0.000999 + 0.00016]
  //                                                   = [0.00028975, 0.001159]
  //   m̂ = m / (1 - 0.9²)   = m / 0.19      = [0.3421052632, -0.2631578947]
  //   v̂ = v / (1 - 0.999²) = v / 0.001999  = [0.1449474737, 0.5797898949]   sqrt(v̂) = [0.3807196787, 0.7614393574]
  //   m̂ / (sqrt(v̂) + ε)                    = [0.8985751810, -0.3456058434]
  //   θ = [0.900000002 - 0.0898575181, -1.900000001 + 0.0345605843] = [0.8101424839, -1.8654394167]
  assert.equal(state.t, 2);
  assertValues(params.w, [0.8101424839, -1.8654394167], 1e-9, "after step 2 (did you bias-correct with t = 2?)");
  assert.throws(() => adamStep(params, { w: row([1]) }, state, options), /shape/i);
});

test("Adam's defaults are β1 = 0.9, β2 = 0.999, ε = 1e-8, and t counts steps, not parameters", () => {
  const params: ParamSet = { a: row([1, -2]), b: row([1, -2]) };
  const state: AdamState = { t: 0, m: {}, v: {} };
  adamStep(params, { a: row(G1), b: row(G1) }, state, { lr: 0.1 });
  assert.equal(state.t, 1, "two parameters in one step is still one step");
  adamStep(params, { a: row(G2), b: row(G2) }, state, { lr: 0.1 });
  assertValues(params.a, [0.8101424839, -1.8654394167], 1e-9, "a after two steps with the default betas");
  assertValues(params.b, [0.8101424839, -1.8654394167], 1e-9, "b after two steps with the default betas");
});

test("on an ill-conditioned quadratic, Adam gets lower than plain SGD with the same lr in 100 steps", () => {
  // f(x, y) = ½(x² + 0.01·y²): the y direction is 100 times flatter. SGD's step is lr · gradient, so along y it
  // crawls (y shrinks by only 0.1% per step); Adam divides by the gradient's own scale and moves y just as fast.
  const f = (w: Matrix) => 0.5 * (w.get(0, 0) ** 2 + 0.01 * w.get(0, 1) ** 2);
  const grad = (w: Matrix) => row([w.get(0, 0), 0.01 * w.get(0, 1)]);
  const sgd: ParamSet = { w: row([1, 1]) };
  const adam: ParamSet = { w: row([1, 1]) };
  const sgdState: SgdState = { velocity: {} };
  const adamState: AdamState = { t: 0, m: {}, v: {} };
  for (let i = 0; i < 100; i++) {
    sgdStep(sgd, { w: grad(sgd.w) }, 0.1, 0, sgdState);
    adamStep(adam, { w: grad(adam.w) }, adamState, { lr: 0.1 });
  }
  // By hand for SGD: y = 0.999^100 ≈ 0.905 and x = 0.9^100 ≈ 2.7e-5, so f ≈ ½ · 0.01 · 0.905² ≈ 0.0041.
  assert.ok(
    Math.abs(f(sgd.w) - 0.5 * 0.01 * 0.999 ** 200) < 1e-6,
    `plain SGD should reach f ≈ 0.0041, got ${f(sgd.w)}`,
  );
  assert.ok(f(adam.w) < f(sgd.w) / 10, `Adam should get at least 10x lower than SGD (${f(sgd.w)}), got ${f(adam.w)}`);
});
