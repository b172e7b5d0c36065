/**
 * A reference profile: what the training data looked like, feature by feature, saved with every model version so
 * the traffic the model later sees can be compared with it (drift.ts). Per feature: count, min/max, mean/std, the
 * deciles, the bins cut at the reference's quantiles with their counts (what PSI needs), and a quantile-preserving
 * sample of at most `sampleSize` values (what the two-sample KS test needs: it compares whole distributions).
 *
 * It is plain JSON, so it can be logged to MLflow as an artifact and read back by any monitor.
 */
import { binCounts, quantileEdges, quantileSorted, sortedFinite } from "./stats";

export const PROFILE_FORMAT = "ml-study-reference-profile";

export interface FeatureProfile {
  name: string;
  count: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  /** Quantiles at QUANTILE_LEVELS (0, 0.1, ..., 1). */
  quantiles: number[];
  /** Interior bin edges at the reference's quantiles (right-closed bins, see stats.quantileEdges). */
  edges: number[];
  /** Reference rows per bin (edges.length + 1 bins). */
  counts: number[];
  /** Sorted, quantile-preserving subsample of the reference values, for the KS test. */
  sample: number[];
}

export interface ReferenceProfile {
  format: typeof PROFILE_FORMAT;
  version: 1;
  /** What the data was (a dataset name or file), for people reading it. */
  dataset: string;
  rows: number;
  createdAt: string;
  bins: number;
  features: FeatureProfile[];
}

export const QUANTILE_LEVELS: readonly number[] = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

export interface ProfileOptions {
  /** Bins for PSI. Default 10 (deciles), the usual choice. */
  bins?: number;
  /** Largest KS sample kept per feature. Default 1000. */
  sampleSize?: number;
  dataset?: string;
  /** Fixed time stamp, for reproducible files. Default now. */
  createdAt?: string;
}

/** Every sorted[k] at evenly spaced ranks: keeps the distribution's shape, deterministic, no random draw. */
function quantileSample(sorted: number[], size: number): number[] {
  if (sorted.length <= size) return sorted;
  return Array.from({ length: size }, (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / size)]);
}

function featureProfile(name: string, values: number[], bins: number, sampleSize: number): FeatureProfile {
  const sorted = sortedFinite(values, name);
  if (sorted.length === 0) throw new Error(`feature ${name} has no values to profile`);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  const variance = sorted.reduce((a, b) => a + (b - mean) ** 2, 0) / sorted.length;
  const edges = quantileEdges(sorted, bins);
  return {
    name,
    count: sorted.length,
    min: sorted[0],
    max: sorted[sorted.length - 1],
    mean,
    std: Math.sqrt(variance),
    quantiles: QUANTILE_LEVELS.map((q) => quantileSorted(sorted, q)),
    edges,
    counts: binCounts(edges, sorted),
    sample: quantileSample(sorted, sampleSize),
  };
}

/** Profiles the columns of X (rows × features) named by featureNames. */
export function buildProfile(X: readonly number[][], featureNames: readonly string[], o: ProfileOptions = {}) {
  if (X.length === 0) throw new Error("cannot profile an empty dataset");
  const bins = o.bins ?? 10;
  const sampleSize = o.sampleSize ?? 1000;
  const features = featureNames.map((name, j) =>
    featureProfile(
      name,
      X.map((row) => row[j]),
      bins,
      sampleSize,
    ),
  );
  const profile: ReferenceProfile = {
    format: PROFILE_FORMAT,
    version: 1,
    dataset: o.dataset ?? "unknown",
    rows: X.length,
    createdAt: o.createdAt ?? new Date().toISOString(),
    bins,
    features,
  };
  return profile;
}

/** Parses and sanity-checks a profile read from a file or from MLflow. */
export function parseProfile(text: string, where = "reference profile"): ReferenceProfile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${where} is not JSON: ${(err as Error).message}`);
  }
  const p = raw as Partial<ReferenceProfile>;
  if (p?.format !== PROFILE_FORMAT || p.version !== 1 || !Array.isArray(p.features)) {
    throw new Error(`${where} is not a ${PROFILE_FORMAT} (version 1) file.`);
  }
  for (const f of p.features) {
    if (f.counts.length !== f.edges.length + 1) throw new Error(`${where}: feature ${f.name} has inconsistent bins.`);
  }
  return p as ReferenceProfile;
}
