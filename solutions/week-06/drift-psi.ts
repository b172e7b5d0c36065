// Reference solution for exercises/week-06/drift-psi.ts.
export interface FeaturePsi {
  feature: string;
  psi: number;
}

function checkFinite(values: number[], what: string): void {
  values.forEach((v, i) => {
    if (Number.isNaN(v)) throw new Error(`${what}[${i}] is NaN: drop or impute missing values first`);
  });
}

export function quantileEdges(reference: number[], bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`bins must be an integer >= 2, got ${bins}`);
  if (reference.length === 0) throw new Error("the reference sample is empty");
  checkFinite(reference, "reference");
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const h = (sorted.length - 1) * (i / bins);
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, sorted.length - 1);
    const e = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

export function binCounts(edges: number[], values: number[]): number[] {
  checkFinite(values, "values");
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    // Binary search for the number of edges strictly below v: that is v's bin.
    let lo = 0;
    let hi = edges.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (edges[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

export function psi(reference: number[], live: number[], bins = 10, epsilon = 1e-4): number {
  if (reference.length === 0 || live.length === 0) throw new Error("psi needs two non-empty samples");
  const edges = quantileEdges(reference, bins);
  const share = (counts: number[], n: number) => counts.map((c) => (c === 0 ? epsilon : c / n));
  const ref = share(binCounts(edges, reference), reference.length);
  const cur = share(binCounts(edges, live), live.length);
  let total = 0;
  for (let i = 0; i < ref.length; i++) total += (cur[i] - ref[i]) * Math.log(cur[i] / ref[i]);
  return total;
}

export function psiByFeature(
  referenceRows: number[][],
  liveRows: number[][],
  featureNames: string[],
  bins = 10,
): FeaturePsi[] {
  for (const row of [...referenceRows, ...liveRows]) {
    if (row.length !== featureNames.length) {
      throw new Error(`a row has ${row.length} values but there are ${featureNames.length} columns`);
    }
  }
  return featureNames
    .map((feature, j) => ({
      feature,
      psi: psi(
        referenceRows.map((r) => r[j]),
        liveRows.map((r) => r[j]),
        bins,
      ),
    }))
    .sort((a, b) => b.psi - a.psi);
}
