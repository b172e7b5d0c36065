// Reference solution for exercises/week-01/decision-boundary.ts.
export interface LinearClassifier2D {
  weights: readonly number[];
  bias: number;
}

export type BoundaryLine = { kind: "line"; slope: number; intercept: number } | { kind: "vertical"; x1: number };

function checkWeights(model: LinearClassifier2D): void {
  if (model.weights.length !== 2) {
    throw new Error(`expected two weights (one per feature), got ${model.weights.length}`);
  }
}

export function boundaryLine(model: LinearClassifier2D): BoundaryLine {
  checkWeights(model);
  const [w1, w2] = model.weights;
  const b = model.bias;
  // z = b + w1·x1 + w2·x2 = 0. Solve for x2 when we can divide by w2; otherwise x2 drops out and x1 is fixed.
  if (w2 !== 0) return { kind: "line", slope: -w1 / w2, intercept: -b / w2 };
  if (w1 !== 0) return { kind: "vertical", x1: -b / w1 };
  throw new Error(`no boundary: both weights are 0, so z = ${b} everywhere and every point gets the same class`);
}

export function classify(model: LinearClassifier2D, points: readonly (readonly number[])[]): number[] {
  checkWeights(model);
  const [w1, w2] = model.weights;
  return points.map((p, i) => {
    if (p.length !== 2) throw new Error(`point ${i} has ${p.length} values: expected two features [x1, x2]`);
    // z ≥ 0 ⇔ sigmoid(z) ≥ 0.5: comparing z avoids computing the sigmoid at all.
    return model.bias + w1 * p[0] + w2 * p[1] >= 0 ? 1 : 0;
  });
}
