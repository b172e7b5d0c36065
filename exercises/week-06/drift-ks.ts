// Week 6 · Data drift, part 2: the two-sample Kolmogorov-Smirnov test.
// Read the "Monitoring: drift, latency and failures" section of notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade drift-ks`; stuck? `npm run hint drift-ks`.
//
// KS asks: could these two samples come from the same distribution? Its statistic D is the largest vertical gap
// between their empirical CDFs; its p-value is how often a gap at least that large would appear by chance if they
// did. Drift monitors flag a feature when p is tiny (this workspace: p < 0.01).
import { todo } from "../../src/grader/todo";

/**
 * The empirical CDF of `sample` at x: the share of values <= x (0 below the smallest, 1 at or above the largest).
 * Throws an Error mentioning "empty" for an empty sample.
 */
export function ecdf(sample: number[], x: number): number {
  return todo("drift-ks");
}

/**
 * D = max over every x of |F_a(x) - F_b(x)|, with F the empirical CDFs. It is enough to look at the x values that
 * occur in either sample (the CDFs only change there). Equal to scipy.stats.ks_2samp(a, b).statistic.
 * Throws an Error mentioning "empty" when a sample is empty and "NaN" when one holds NaN.
 */
export function ksStatistic(a: number[], b: number[]): number {
  return todo("drift-ks");
}

/**
 * The Kolmogorov distribution's survival function, Q(λ) = P(K > λ) = 2 Σ_{k=1..∞} (-1)^(k-1) · exp(-2 k² λ²)
 * (scipy.stats.kstwobign.sf). Q(0) = 1 and Q decreases to 0. The series converges slowly for small λ: for λ < 1.18
 * use the equivalent form Q(λ) = 1 - (√(2π) / λ) · Σ_{k=1..∞} exp(-(2k - 1)² π² / (8 λ²)). Return a value in [0, 1].
 */
export function kolmogorovSurvival(lambda: number): number {
  return todo("drift-ks");
}

export interface KsResult {
  statistic: number;
  pValue: number;
}

/**
 * The two-sample KS test with the asymptotic p-value: with n = a.length, m = b.length and en = n·m / (n + m),
 * pValue = kolmogorovSurvival(√en · D). (For small samples scipy's ks_2samp defaults to an exact method and prints
 * a different p-value; the asymptotic one is what monitors use on hundreds of rows.)
 */
export function ksTwoSample(a: number[], b: number[]): KsResult {
  return todo("drift-ks");
}
