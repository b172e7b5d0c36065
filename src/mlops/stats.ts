/**
 * The statistics the pipeline and the monitors need, written out so they can be read: quantiles (numpy's default,
 * linear interpolation), ROC AUC (the Mann-Whitney rank form), the population stability index over bins cut at the
 * reference's quantiles, and the two-sample Kolmogorov-Smirnov test with its asymptotic p-value.
 *
 * The week-6 exercises `drift-psi` and `drift-ks` ask the learner for the same two drift measures; this is the
 * library's own copy (src never imports exercises), checked against the same scipy/numpy reference numbers.
 */

/** Sorted copy, ascending, refusing NaN (a NaN would silently sort anywhere). */
export function sortedFinite(values: ArrayLike<number>, what = "values"): number[] {
  const out = Array.from(values);
  for (let i = 0; i < out.length; i++) {
    if (Number.isNaN(out[i])) throw new Error(`${what}[${i}] is NaN: drop or impute missing values first.`);
  }
  return out.sort((a, b) => a - b);
}

/** The q-quantile of SORTED values with linear interpolation between order statistics (numpy.quantile's default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error("quantile of an empty sample");
  if (!(q >= 0 && q <= 1)) throw new Error(`quantile level must be in [0, 1], got ${q}`);
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Area under the ROC curve for labels 0/1 and scores: P(score of a random positive > a random negative), ties 1/2. */
export function rocAuc(yTrue: readonly number[], scores: readonly number[]): number {
  if (yTrue.length !== scores.length) throw new Error(`rocAuc: ${yTrue.length} labels but ${scores.length} scores`);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  // Average ranks (1-based) over runs of tied scores: this is what counts a tie as half a win.
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]] === scores[order[i]]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let nPos = 0;
  let rankSum = 0;
  yTrue.forEach((y, i) => {
    if (y !== 0 && y !== 1) throw new Error(`rocAuc needs labels 0 or 1, got ${y} at ${i}`);
    if (y === 1) {
      nPos++;
      rankSum += ranks[i];
    }
  });
  const nNeg = yTrue.length - nPos;
  if (nPos === 0 || nNeg === 0) throw new Error("rocAuc is undefined when only one class is present");
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

// ---- Population stability index -------------------------------------------------------------------------------

/** Proportion used for an empty bin, so ln(p/q) stays finite. */
export const PSI_EPSILON = 1e-4;

/**
 * Interior bin edges at the reference's quantiles 1/bins, ..., (bins-1)/bins, duplicates removed (a feature with
 * many equal values has fewer distinct cut points, hence fewer bins). Bins are right-closed: (-inf, e1], (e1, e2],
 * ..., (e_last, +inf), so every value, however far out, lands in a bin.
 */
export function quantileEdges(reference: ArrayLike<number>, bins = 10): number[] {
  if (!Number.isInteger(bins) || bins < 2) throw new Error(`bins must be an integer >= 2, got ${bins}`);
  const sorted = sortedFinite(reference, "reference");
  if (sorted.length === 0) throw new Error("the reference sample is empty");
  const edges: number[] = [];
  for (let i = 1; i < bins; i++) {
    const e = quantileSorted(sorted, i / bins);
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Which bin x falls in: the number of edges strictly below x (numpy.searchsorted(edges, x, side="left")). */
export function binIndex(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Counts per bin (edges.length + 1 bins). */
export function binCounts(edges: readonly number[], values: ArrayLike<number>): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) throw new Error(`value ${i} is NaN: drop or impute missing values first.`);
    counts[binIndex(edges, values[i])]++;
  }
  return counts;
}

/** Counts to proportions, with empty bins set to epsilon. */
export function proportions(counts: readonly number[], epsilon = PSI_EPSILON): number[] {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) throw new Error("no values to compute proportions from");
  return counts.map((c) => (c === 0 ? epsilon : c / n));
}

/** PSI = Σ (live - ref) · ln(live / ref) over bins, from the two proportion vectors. */
export function psiFromProportions(ref: readonly number[], live: readonly number[]): number {
  if (ref.length !== live.length) throw new Error(`psi: ${ref.length} reference bins but ${live.length} live bins`);
  let psi = 0;
  for (let i = 0; i < ref.length; i++) psi += (live[i] - ref[i]) * Math.log(live[i] / ref[i]);
  return psi;
}

/** PSI of `live` against `reference`, binned at the reference's quantiles. */
export function psi(reference: ArrayLike<number>, live: ArrayLike<number>, bins = 10, epsilon = PSI_EPSILON): number {
  const edges = quantileEdges(reference, bins);
  return psiFromProportions(
    proportions(binCounts(edges, reference), epsilon),
    proportions(binCounts(edges, live), epsilon),
  );
}

// ---- Two-sample Kolmogorov-Smirnov ------------------------------------------------------------------------------

/** D = max over x of |F_a(x) - F_b(x)|, the largest gap between the two empirical CDFs. */
export function ksStatistic(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const x = sortedFinite(a, "a");
  const y = sortedFinite(b, "b");
  if (x.length === 0 || y.length === 0) throw new Error("the KS test needs two non-empty samples");
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    // Step past every copy of the smaller value in BOTH samples before comparing: ties move the CDFs together.
    const v = Math.min(x[i], y[j]);
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

/**
 * The Kolmogorov distribution's survival function Q(λ) = 2 Σ_{k≥1} (-1)^(k-1) e^(-2k²λ²) (scipy.stats.kstwobign.sf).
 * For small λ that series converges slowly, so there the equivalent form 1 - (√(2π)/λ) Σ e^(-(2k-1)²π²/(8λ²)) is used.
 */
export function kolmogorovSf(lambda: number): number {
  if (lambda <= 0) return 1;
  if (lambda < 1.18) {
    let s = 0;
    for (let k = 1; k <= 20; k++) s += Math.exp((-((2 * k - 1) ** 2) * Math.PI ** 2) / (8 * lambda * lambda));
    return Math.min(1, Math.max(0, 1 - (Math.sqrt(2 * Math.PI) / lambda) * s));
  }
  let s = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    s += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * s));
}

export interface KsResult {
  statistic: number;
  /** Asymptotic two-sided p-value: Q(√(n·m/(n+m)) · D). */
  pValue: number;
}

/** Two-sample KS test: are a and b drawn from the same distribution? A small p-value says probably not. */
export function ksTest(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const statistic = ksStatistic(a, b);
  const en = (a.length * b.length) / (a.length + b.length);
  return { statistic, pValue: kolmogorovSf(Math.sqrt(en) * statistic) };
}
