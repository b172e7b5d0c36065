// Week 3 · Optimizers: SGD with momentum, and Adam.
// Read the "Optimizers" section of notebooks/week-03-neural-networks.ipynb first.
// Grade it with `npm run grade optimizers`; stuck? `npm run hint optimizers`.
// To create matrices (Matrix.zeros for a first velocity), change the import to `import { Matrix } from "ml-matrix"`.
import type { Matrix } from "ml-matrix";
import { todo } from "../../src/grader/todo";

/**
 * Named parameter matrices, e.g. { W1, b1, W2, b2 } from the MLP exercise; gradients have the same names and shapes.
 * An optimizer step updates every params[name] for which grads[name] exists, IN PLACE: change the matrix's entries
 * or put a new matrix at params[name], either is fine. It never modifies grads.
 */
export type ParamSet = Record<string, Matrix>;

/** What SGD with momentum remembers between steps: one velocity per parameter. Start with `{ velocity: {} }`. */
export interface SgdState {
  velocity: ParamSet;
}

/** What Adam remembers between steps. Start with `{ t: 0, m: {}, v: {} }`. */
export interface AdamState {
  /** The number of steps taken so far (0 before the first). */
  t: number;
  /** First-moment (mean) estimates of each gradient, starting at 0. */
  m: ParamSet;
  /** Second-moment (uncentred variance) estimates of each gradient, starting at 0. */
  v: ParamSet;
}

export interface AdamOptions {
  /** The step size α. */
  lr: number;
  /** Decay of the first-moment estimate. Default 0.9. */
  beta1?: number;
  /** Decay of the second-moment estimate. Default 0.999. */
  beta2?: number;
  /** Added to the denominator so it is never 0. Default 1e-8. */
  eps?: number;
}

/**
 * One step of stochastic gradient descent with momentum μ (heavy ball):
 *
 *   velocity ← μ · velocity + grad        (velocity starts at 0)
 *   param    ← param - lr · velocity
 *
 * With momentum = 0 this is plain gradient descent, param ← param - lr · grad.
 * Throws an Error mentioning "shape" when a gradient's shape differs from its parameter's.
 */
export function sgdStep(params: ParamSet, grads: ParamSet, lr: number, momentum: number, state: SgdState): void {
  todo("optimizers");
}

/**
 * One step of Adam (Kingma & Ba 2015, Algorithm 1), for every parameter θ with gradient g:
 *
 *   t ← t + 1                              (once per step, not once per parameter)
 *   m ← β1 · m + (1 - β1) · g
 *   v ← β2 · v + (1 - β2) · g²             (g² elementwise)
 *   m̂ = m / (1 - β1^t),  v̂ = v / (1 - β2^t)   (bias correction: m and v start at 0)
 *   θ ← θ - lr · m̂ / (sqrt(v̂) + ε)          (elementwise)
 *
 * Throws an Error mentioning "shape" when a gradient's shape differs from its parameter's.
 */
export function adamStep(params: ParamSet, grads: ParamSet, state: AdamState, options: AdamOptions): void {
  todo("optimizers");
}
