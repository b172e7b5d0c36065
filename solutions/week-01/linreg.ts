// Reference solution for exercises/week-01/linreg.ts.
export interface LinearModel {
  weights: number[];
  bias: number;
}

function checkLengths(a: number, b: number, what: string): void {
  if (a === 0) throw new Error(`${what}: empty input`);
  if (a !== b) throw new Error(`${what}: length mismatch (${a} vs ${b})`);
}

export function mse(yTrue: number[], yPred: number[]): number {
  checkLengths(yTrue.length, yPred.length, "mse");
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) sum += (yTrue[i] - yPred[i]) ** 2;
  return sum / yTrue.length;
}

export function predict(model: LinearModel, X: number[][]): number[] {
  return X.map((row) => row.reduce((acc, x, j) => acc + x * model.weights[j], model.bias));
}

/** Solves the square system M w = v by Gaussian elimination with partial pivoting. */
function solve(M: number[][], v: number[]): number[] {
  const n = v.length;
  const a = M.map((row, i) => [...row, v[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-12) throw new Error("singular system: are two features identical?");
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let r = col + 1; r < n; r++) {
      const f = a[r][col] / a[col][col];
      for (let c = col; c <= n; c++) a[r][c] -= f * a[col][c];
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = a[r][n];
    for (let c = r + 1; c < n; c++) s -= a[r][c] * w[c];
    w[r] = s / a[r][r];
  }
  return w;
}

export function fitNormalEquation(X: number[][], y: number[]): LinearModel {
  checkLengths(X.length, y.length, "fitNormalEquation");
  const A = X.map((row) => [1, ...row]);
  const d = A[0].length;
  const AtA = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const Aty = new Array<number>(d).fill(0);
  for (let i = 0; i < A.length; i++) {
    for (let j = 0; j < d; j++) {
      Aty[j] += A[i][j] * y[i];
      for (let k = 0; k < d; k++) AtA[j][k] += A[i][j] * A[i][k];
    }
  }
  const [bias, ...weights] = solve(AtA, Aty);
  return { weights, bias };
}
