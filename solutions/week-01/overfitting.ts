// Reference solution for exercises/week-01/overfitting.ts.
import { fitNormalEquation, mse, predict } from "./linreg";

export interface DegreeResult {
  degree: number;
  trainMse: number;
  testMse: number;
  predict: (x: number) => number;
}

export function polynomialFeatures(x: number[], degree: number): number[][] {
  if (!Number.isInteger(degree) || degree < 1)
    throw new Error(`polynomial degree must be a whole number ≥ 1, got ${degree}`);
  return x.map((v) => {
    const row: number[] = [];
    let power = 1;
    // Multiply up one power at a time instead of calling v ** k for every k.
    for (let k = 1; k <= degree; k++) {
      power *= v;
      row.push(power);
    }
    return row;
  });
}

function checkPair(x: number[], y: number[], what: string): void {
  if (x.length !== y.length) throw new Error(`degreeSweep: ${what} length mismatch (${x.length} x, ${y.length} y)`);
}

export function degreeSweep(
  xTrain: number[],
  yTrain: number[],
  xTest: number[],
  yTest: number[],
  degrees: number[],
): DegreeResult[] {
  if (xTrain.length === 0 || xTest.length === 0) throw new Error("degreeSweep: empty training or test set");
  checkPair(xTrain, yTrain, "training");
  checkPair(xTest, yTest, "test");
  // Training statistics only: scaling the test points with their own mean would leak them into the model.
  const mean = xTrain.reduce((s, v) => s + v, 0) / xTrain.length;
  const std = Math.sqrt(xTrain.reduce((s, v) => s + (v - mean) ** 2, 0) / xTrain.length) || 1;
  const scale = (x: number[]) => x.map((v) => (v - mean) / std);
  const zTrain = scale(xTrain);
  const zTest = scale(xTest);
  return degrees.map((degree) => {
    const model = fitNormalEquation(polynomialFeatures(zTrain, degree), yTrain);
    return {
      degree,
      trainMse: mse(yTrain, predict(model, polynomialFeatures(zTrain, degree))),
      testMse: mse(yTest, predict(model, polynomialFeatures(zTest, degree))),
      predict: (x: number) => predict(model, polynomialFeatures(scale([x]), degree))[0],
    };
  });
}
