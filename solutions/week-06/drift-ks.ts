// Reference solution for exercises/week-06/drift-ks.ts.
export interface KsResult {
  statistic: number;
  pValue: number;
}

function sortedCopy(sample: number[], what: string): number[] {
  if (sample.length === 0) throw new Error(`${what} is empty`);
  if (sample.some((v) => Number.isNaN(v))) throw new Error(`${what} holds NaN: drop missing values first`);
  return [...sample].sort((x, y) => x - y);
}

export function ecdf(sample: number[], x: number): number {
  if (sample.length === 0) throw new Error("the sample is empty");
  let below = 0;
  for (const v of sample) if (v <= x) below++;
  return below / sample.length;
}

export function ksStatistic(a: number[], b: number[]): number {
  const x = sortedCopy(a, "sample a");
  const y = sortedCopy(b, "sample b");
  // Walk both sorted samples together; after passing every copy of the current value in BOTH, compare the CDFs.
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

export function kolmogorovSurvival(lambda: number): number {
  if (lambda <= 0) return 1;
  let s = 0;
  if (lambda < 1.18) {
    for (let k = 1; k <= 20; k++) s += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * lambda * lambda));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * s));
  }
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += k % 2 === 1 ? term : -term;
    if (term < 1e-17) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

export function ksTwoSample(a: number[], b: number[]): KsResult {
  const statistic = ksStatistic(a, b);
  const en = (a.length * b.length) / (a.length + b.length);
  return { statistic, pValue: kolmogorovSurvival(Math.sqrt(en) * statistic) };
}
