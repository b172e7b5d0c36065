// Reference solution for exercises/week-03/activations.ts.

export function relu(z: readonly number[]): number[] {
  return z.map((v) => Math.max(0, v));
}

export function reluDerivative(z: readonly number[]): number[] {
  // Strictly greater than 0: the kink at 0 gets derivative 0, the same convention as PyTorch and TensorFlow.
  return z.map((v) => (v > 0 ? 1 : 0));
}

function sigmoidOne(v: number): number {
  // Two branches so that exp() only ever sees a non-positive argument and cannot overflow.
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

export function sigmoid(z: readonly number[]): number[] {
  return z.map(sigmoidOne);
}

export function sigmoidDerivative(z: readonly number[]): number[] {
  return z.map((v) => {
    const s = sigmoidOne(v);
    return s * (1 - s);
  });
}

export function tanh(z: readonly number[]): number[] {
  // Math.tanh is already stable: it returns ±1 for large |z| instead of Infinity / Infinity = NaN.
  return z.map(Math.tanh);
}

export function tanhDerivative(z: readonly number[]): number[] {
  return z.map((v) => {
    const t = Math.tanh(v);
    return 1 - t * t;
  });
}

export type ActivationName = "relu" | "sigmoid" | "tanh";

export const ACTIVATIONS: Record<
  ActivationName,
  { f: (z: readonly number[]) => number[]; df: (z: readonly number[]) => number[] }
> = {
  relu: { f: relu, df: reluDerivative },
  sigmoid: { f: sigmoid, df: sigmoidDerivative },
  tanh: { f: tanh, df: tanhDerivative },
};
