// Grades exercises/week-03/activations.ts (and proves solutions/week-03/activations.ts with the very same file).
import assert from "node:assert/strict";
import { test } from "vitest";
import { relu, reluDerivative, sigmoid, sigmoidDerivative, tanh, tanhDerivative } from "./activations";

/** Trusted references from independent formulas: σ(z) = (1 + tanh(z/2)) / 2 (fine for moderate z), and Math.tanh. */
const refSigmoid = (z: number) => 0.5 * (1 + Math.tanh(z / 2));
const refTanh = Math.tanh;

/** Points away from 0, where ReLU's kink would make a finite difference straddle two slopes. */
const POINTS = [-3, -1.7, -0.6, -0.05, 0.05, 0.4, 1.3, 2.9];

function close(got: number, expected: number, tol: number, what: string) {
  assert.ok(Number.isFinite(got), `${what}: expected a finite number close to ${expected}, got ${got}`);
  assert.ok(Math.abs(got - expected) <= tol, `${what}: expected ${expected}, got ${got} (tolerance ${tol})`);
}

/** Central difference (f(z+h) - f(z-h)) / 2h: error O(h²), so h = 1e-5 gives ~1e-10 on these smooth functions. */
function centralDifference(f: (z: readonly number[]) => number[], z: number, h = 1e-5): number {
  const [up] = f([z + h]);
  const [down] = f([z - h]);
  return (up - down) / (2 * h);
}

test("relu keeps positives and zeroes the rest, elementwise, in a new array", () => {
  const z = [-2, -0.5, 0, 0.5, 3];
  const out = relu(z);
  assert.deepEqual(out, [0, 0, 0, 0.5, 3]);
  assert.deepEqual(z, [-2, -0.5, 0, 0.5, 3], "the input array must not be modified");
  assert.notEqual(out, z, "return a new array");
  assert.deepEqual(relu([]), [], "an empty array maps to an empty array");
});

test("sigmoid and tanh match known values", () => {
  // σ(ln 3) = 1 / (1 + 1/3) = 3/4 and tanh(ln 2) = (2 - 1/2) / (2 + 1/2) = 3/5.
  const s = sigmoid([0, Math.log(3), -Math.log(3)]);
  close(s[0], 0.5, 1e-15, "sigmoid(0)");
  close(s[1], 0.75, 1e-12, "sigmoid(ln 3)");
  close(s[2], 0.25, 1e-12, "sigmoid(-ln 3)");
  const t = tanh([0, Math.log(2), -Math.log(2)]);
  close(t[0], 0, 1e-15, "tanh(0)");
  close(t[1], 0.6, 1e-12, "tanh(ln 2)");
  close(t[2], -0.6, 1e-12, "tanh(-ln 2)");
  const many = sigmoid(POINTS);
  assert.equal(many.length, POINTS.length, "one output per input");
  for (const [i, z] of POINTS.entries()) close(many[i], refSigmoid(z), 1e-12, `sigmoid(${z})`);
  const manyT = tanh(POINTS);
  for (const [i, z] of POINTS.entries()) close(manyT[i], refTanh(z), 1e-12, `tanh(${z})`);
});

test("every derivative agrees with a central finite difference of its function", () => {
  const pairs = [
    ["relu", relu, reluDerivative],
    ["sigmoid", sigmoid, sigmoidDerivative],
    ["tanh", tanh, tanhDerivative],
  ] as const;
  for (const [name, f, df] of pairs) {
    const d = df(POINTS);
    assert.equal(d.length, POINTS.length, `${name}Derivative: one output per input`);
    for (const [i, z] of POINTS.entries()) {
      close(d[i], centralDifference(f, z), 1e-7, `${name}'(${z}) against (f(z+h) - f(z-h)) / 2h`);
    }
  }
});

test("behaviour at 0: relu'(0) = 0 by convention, sigmoid'(0) = 1/4, tanh'(0) = 1", () => {
  assert.deepEqual(reluDerivative([0]), [0], "relu has a kink at 0; the convention (PyTorch, TensorFlow) is 0");
  assert.deepEqual(reluDerivative([-1e-12, 1e-12]), [0, 1], "the slope is 0 just left of 0 and 1 just right");
  close(sigmoidDerivative([0])[0], 0.25, 1e-15, "sigmoid'(0) = σ(0)(1 - σ(0)) = 0.5 · 0.5");
  close(tanhDerivative([0])[0], 1, 1e-15, "tanh'(0) = 1 - tanh(0)²");
});

test("sigmoid and tanh saturate for large |z| without overflowing to NaN", () => {
  const big = [-1000, -50, 50, 1000];
  const s = sigmoid(big);
  assert.deepEqual(s.map(Number.isFinite), [true, true, true, true], `sigmoid(±1000) must be finite, got ${s}`);
  close(s[0], 0, 1e-300, "sigmoid(-1000)");
  close(s[3], 1, 0, "sigmoid(1000)");
  // e^-50 / (1 + e^-50) ≈ 1.93e-22: a formula like 1 - σ(50) would round this to exactly 0.
  const tiny = Math.exp(-50) / (1 + Math.exp(-50));
  close(s[1], tiny, 1e-12 * tiny, "sigmoid(-50) (relative accuracy, not just ≈ 0)");
  const t = tanh(big);
  assert.deepEqual(t, [-1, -1, 1, 1], "tanh saturates at ±1 (e^1000 / e^1000 would be Infinity / Infinity = NaN)");
  // The derivatives vanish where the functions are flat: this is the vanishing-gradient problem of deep nets.
  for (const [name, d] of [
    ["sigmoid'", sigmoidDerivative(big)],
    ["tanh'", tanhDerivative(big)],
  ] as const) {
    for (const [i, z] of big.entries()) {
      assert.ok(
        Number.isFinite(d[i]) && d[i] >= 0 && d[i] < 1e-20,
        `${name}(${z}) should be a tiny ≥ 0 number, got ${d[i]}`,
      );
    }
  }
});
