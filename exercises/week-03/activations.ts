// Week 3 · Activation functions and their derivatives.
// Read the "Activations" section of notebooks/week-03-neural-networks.ipynb first.
// Grade it with `npm run grade activations`; stuck? `npm run hint activations`.
import { todo } from "../../src/grader/todo";

/*
 * Every function takes an array of pre-activations z (one number per neuron, or a whole matrix flattened) and
 * returns a NEW array of the same length: element i of the output depends only on element i of the input.
 * The derivatives are with respect to z, evaluated at z (not at the activation's output).
 */

/** ReLU: max(0, z). */
export function relu(z: readonly number[]): number[] {
  return todo("activations");
}

/**
 * The derivative of ReLU: 1 where z > 0, else 0. At z = 0 ReLU has a kink and no derivative; like PyTorch and
 * TensorFlow, use 0 there (any value in [0, 1] is a valid subgradient, but the convention must be fixed).
 */
export function reluDerivative(z: readonly number[]): number[] {
  return todo("activations");
}

/**
 * The logistic sigmoid 1 / (1 + e^-z), computed stably: finite and correct for z = ±1000 (e^1000 overflows).
 */
export function sigmoid(z: readonly number[]): number[] {
  return todo("activations");
}

/** The derivative of the sigmoid, σ(z)·(1 - σ(z)). */
export function sigmoidDerivative(z: readonly number[]): number[] {
  return todo("activations");
}

/** The hyperbolic tangent, (e^z - e^-z) / (e^z + e^-z): like the sigmoid but centred on 0, with range (-1, 1). */
export function tanh(z: readonly number[]): number[] {
  return todo("activations");
}

/** The derivative of tanh, 1 - tanh(z)². */
export function tanhDerivative(z: readonly number[]): number[] {
  return todo("activations");
}

export type ActivationName = "relu" | "sigmoid" | "tanh";

/** Each activation with its derivative, by name: the MLP exercise looks them up here. (Given; nothing to do.) */
export const ACTIVATIONS: Record<
  ActivationName,
  { f: (z: readonly number[]) => number[]; df: (z: readonly number[]) => number[] }
> = {
  relu: { f: relu, df: reluDerivative },
  sigmoid: { f: sigmoid, df: sigmoidDerivative },
  tanh: { f: tanh, df: tanhDerivative },
};
