// Week 1 · Decision boundaries: where a linear classifier changes its mind.
// Read the "Decision boundaries" section of notebooks/week-01-ml-fundamentals.ipynb first.
// Grade it with `npm run grade decision-boundary`; stuck? `npm run hint decision-boundary`.
import { todo } from "../../src/grader/todo";

/**
 * A linear classifier on two features: z = bias + weights[0]·x1 + weights[1]·x2, and P(class 1) = sigmoid(z).
 * A LogisticModel from logreg.ts fitted on two features has exactly this shape, so you can pass one in.
 */
export interface LinearClassifier2D {
  weights: readonly number[];
  bias: number;
}

/**
 * The decision boundary as a line in the (x1, x2) plane.
 * - `{ kind: "line", slope, intercept }`: the points with x2 = slope·x1 + intercept (whenever weights[1] ≠ 0).
 * - `{ kind: "vertical", x1 }`: the points with x1 = that value. When weights[1] = 0, x2 does not affect z, so the
 *   boundary cannot be written as "x2 = ...": it is the vertical line x1 = -bias / weights[0].
 */
export type BoundaryLine = { kind: "line"; slope: number; intercept: number } | { kind: "vertical"; x1: number };

/**
 * The line where z = 0, that is where P(class 1) = 0.5 exactly.
 * Throws an Error mentioning "two weights" unless weights has length 2, and one mentioning "no boundary" when both
 * weights are 0 (then z = bias everywhere: every point gets the same class and there is no line).
 */
export function boundaryLine(model: LinearClassifier2D): BoundaryLine {
  return todo("decision-boundary");
}

/**
 * The predicted class of each point [x1, x2]: 1 when z ≥ 0 (P(class 1) ≥ 0.5, so a point exactly on the boundary is
 * class 1, the same rule as the logistic-regression section), else 0.
 * Throws an Error mentioning "two features" for a point that does not have exactly two values.
 */
export function classify(model: LinearClassifier2D, points: readonly (readonly number[])[]): number[] {
  return todo("decision-boundary");
}
