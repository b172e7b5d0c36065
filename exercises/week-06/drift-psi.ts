// Week 6 · Data drift, part 1: the population stability index (PSI) per feature.
// Read the "Monitoring: drift, latency and failures" section of notebooks/week-06-mlops.ipynb first.
// Grade it with `npm run grade drift-psi`; stuck? `npm run hint drift-psi`.
//
// PSI compares how a feature's values spread over bins now ("live") with how they spread in the training data
// ("reference"):  PSI = Σ_bins (live_i - ref_i) · ln(live_i / ref_i),  where ref_i and live_i are SHARES of rows.
// Rule of thumb: < 0.1 stable, 0.1-0.2 moderate shift, > 0.2 significant shift.
import { todo } from "../../src/grader/todo";

/**
 * The interior bin edges: the reference's quantiles at 1/bins, 2/bins, ..., (bins-1)/bins, computed like
 * numpy.quantile's default (sort, h = (n - 1)·q, interpolate linearly between sorted[floor(h)] and the next value),
 * with repeated edges removed (a feature with many equal values yields fewer bins), ascending.
 * Example: quantileEdges([1, 2, ..., 10], 4) is [3.25, 5.5, 7.75].
 * Throws an Error mentioning "empty" for an empty reference, "bins" when bins is not an integer >= 2, and "NaN"
 * when the reference holds NaN.
 */
export function quantileEdges(reference: number[], bins: number): number[] {
  return todo("drift-psi");
}

/**
 * How many values fall in each of the edges.length + 1 bins. Bins are closed on the right:
 * (-∞, e0], (e0, e1], ..., (e_last, +∞), so a value equal to an edge counts in the bin BELOW it, and values beyond
 * the reference's range land in the first or last bin. (numpy: bincount(searchsorted(edges, values, "left")).)
 * Throws an Error mentioning "NaN" when a value is NaN.
 */
export function binCounts(edges: number[], values: number[]): number[] {
  return todo("drift-psi");
}

/**
 * PSI of `live` against `reference`, with `bins` bins cut at the reference's quantiles (quantileEdges). Shares are
 * count / total; a bin with no rows gets the share `epsilon` instead of 0 (ln 0 is -∞), on either side.
 * Throws an Error mentioning "empty" when either sample is empty.
 */
export function psi(reference: number[], live: number[], bins = 10, epsilon = 1e-4): number {
  return todo("drift-psi");
}

export interface FeaturePsi {
  feature: string;
  psi: number;
}

/**
 * PSI for every feature (column) of two tables with the same columns, sorted from the largest PSI to the smallest
 * (the features to look at first). Throws an Error mentioning "columns" when a row's length differs from
 * featureNames.length.
 */
export function psiByFeature(
  referenceRows: number[][],
  liveRows: number[][],
  featureNames: string[],
  bins = 10,
): FeaturePsi[] {
  return todo("drift-psi");
}
