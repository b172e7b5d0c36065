// Reference solution for exercises/week-03/optimizers.ts.
import { Matrix } from "ml-matrix";

export type ParamSet = Record<string, Matrix>;

export interface SgdState {
  velocity: ParamSet;
}

export interface AdamState {
  t: number;
  m: ParamSet;
  v: ParamSet;
}

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

function checkShape(name: string, param: Matrix | undefined, grad: Matrix): Matrix {
  if (!param) throw new Error(`no parameter "${name}" for the gradient "${name}"`);
  if (param.rows !== grad.rows || param.columns !== grad.columns) {
    throw new Error(
      `gradient "${name}" is ${grad.rows}×${grad.columns} but the parameter is ${param.rows}×${param.columns} (shape mismatch)`,
    );
  }
  return param;
}

export function sgdStep(params: ParamSet, grads: ParamSet, lr: number, momentum: number, state: SgdState): void {
  for (const [name, g] of Object.entries(grads)) {
    const p = checkShape(name, params[name], g);
    // The velocity is a running sum of past gradients, each older one shrunk by another factor μ.
    const v = (state.velocity[name] ?? Matrix.zeros(g.rows, g.columns)).mul(momentum).add(g);
    state.velocity[name] = v;
    p.sub(Matrix.mul(v, lr));
  }
}

export function adamStep(params: ParamSet, grads: ParamSet, state: AdamState, options: AdamOptions): void {
  const { lr, beta1 = 0.9, beta2 = 0.999, eps = 1e-8 } = options;
  state.t += 1;
  const correct1 = 1 - beta1 ** state.t;
  const correct2 = 1 - beta2 ** state.t;
  for (const [name, g] of Object.entries(grads)) {
    const p = checkShape(name, params[name], g);
    const m = (state.m[name] ?? Matrix.zeros(g.rows, g.columns)).mul(beta1).add(Matrix.mul(g, 1 - beta1));
    const v = (state.v[name] ?? Matrix.zeros(g.rows, g.columns)).mul(beta2).add(Matrix.mul(g, g).mul(1 - beta2));
    state.m[name] = m;
    state.v[name] = v;
    for (let r = 0; r < p.rows; r++) {
      for (let c = 0; c < p.columns; c++) {
        // Bias correction undoes the pull towards the zero start: without it the first steps would be tiny.
        const mHat = m.get(r, c) / correct1;
        const vHat = v.get(r, c) / correct2;
        p.set(r, c, p.get(r, c) - (lr * mHat) / (Math.sqrt(vHat) + eps));
      }
    }
  }
}
