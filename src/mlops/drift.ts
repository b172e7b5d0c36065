/**
 * Data drift: does the traffic the model sees now look like the data it was trained on? Each feature of the live
 * rows is compared with the reference profile saved with the model version (profile.ts), two ways:
 *
 *   - PSI (population stability index) over the reference's decile bins. Rule of thumb from credit scoring, where
 *     it comes from: < 0.1 no real change, 0.1-0.2 a moderate shift worth watching, > 0.2 a significant shift.
 *     Over threshold when PSI > 0.2 (DEFAULT_DRIFT_THRESHOLDS.psi).
 *   - The two-sample Kolmogorov-Smirnov test against the reference sample: the largest gap between the two
 *     empirical CDFs, and the p-value of seeing a gap that large if nothing changed. Over threshold when p < 0.01. Why 0.01
 *     and not 0.05: 30 features are 30 tests, and at 0.05 one of them would fire by chance on most healthy days.
 *     KS is sensitive with many rows (a tiny, harmless shift becomes "significant"), PSI is not: that is why both.
 *
 * A feature DRIFTS when both agree: the shift is large (PSI > 0.2) AND it is real (KS p < 0.01). Each alone
 * misleads in a way the other covers: with a few hundred live rows PSI is noisy (about (bins-1)/n of it is pure
 * sampling error, so one of 30 healthy features crosses 0.2 now and then), and with many thousands KS calls a
 * harmless 1% shift "significant". One of the two alone puts the feature on WATCH (reported, no alarm).
 *
 * The alarm fires when at least `alarmFeatures` features (default 1) drift. Below `minLiveRows` live rows
 * (default 50) there is not enough evidence and nothing is flagged: a monitor that pages on 5 requests is noise.
 */
import type { FeatureProfile, ReferenceProfile } from "./profile";
import { binCounts, ksTest, PSI_EPSILON, proportions, psiFromProportions } from "./stats";

export interface DriftThresholds {
  /** PSI above this is a large shift. Default 0.2. */
  psi: number;
  /** A KS p-value below this is a significant shift. Default 0.01. */
  ksPValue: number;
  /** Fewer live rows than this: report, but flag nothing. Default 50. */
  minLiveRows: number;
  /** The alarm fires when at least this many features drift. Default 1. */
  alarmFeatures: number;
  /** "both" (default): a feature drifts when PSI AND KS cross; "either": when one of them does (noisier). */
  rule: "both" | "either";
}

export const DEFAULT_DRIFT_THRESHOLDS: Readonly<DriftThresholds> = {
  psi: 0.2,
  ksPValue: 0.01,
  minLiveRows: 50,
  alarmFeatures: 1,
  rule: "both",
};

export interface FeatureDrift {
  feature: string;
  psi: number;
  ksStatistic: number;
  ksPValue: number;
  /** Reference and live share of rows per bin (empty bins at epsilon), for plots. */
  referenceShare: number[];
  liveShare: number[];
  liveMean: number;
  referenceMean: number;
  /** "drift": PSI and KS both over threshold; "watch": one of them; "ok": neither (or too few live rows). */
  status: "ok" | "watch" | "drift";
  /** status === "drift". */
  flagged: boolean;
  /** The thresholds crossed, e.g. ["PSI 0.31 > 0.2", "KS p 1.2e-5 < 0.01"]. */
  reasons: string[];
}

export interface DriftReport {
  liveRows: number;
  thresholds: DriftThresholds;
  features: FeatureDrift[];
  /** Names of the drifting features, worst PSI first. */
  flagged: string[];
  /** Names of the features on watch (one threshold crossed). */
  watch: string[];
  alarm: boolean;
  /** One line for a log or a page. */
  summary: string;
}

function featureDrift(f: FeatureProfile, live: number[], t: DriftThresholds, enough: boolean): FeatureDrift {
  const referenceShare = proportions(f.counts, PSI_EPSILON);
  const liveShare = proportions(binCounts(f.edges, live), PSI_EPSILON);
  const psi = psiFromProportions(referenceShare, liveShare);
  const ks = ksTest(f.sample, live);
  const reasons: string[] = [];
  const needed = t.rule === "either" ? 1 : 2;
  if (enough && psi > t.psi) reasons.push(`PSI ${psi.toFixed(3)} > ${t.psi}`);
  if (enough && ks.pValue < t.ksPValue) reasons.push(`KS p ${ks.pValue.toExponential(2)} < ${t.ksPValue}`);
  return {
    feature: f.name,
    psi,
    ksStatistic: ks.statistic,
    ksPValue: ks.pValue,
    referenceShare,
    liveShare,
    liveMean: live.reduce((a, b) => a + b, 0) / live.length,
    referenceMean: f.mean,
    status: reasons.length >= needed ? "drift" : reasons.length > 0 ? "watch" : "ok",
    flagged: reasons.length >= needed,
    reasons,
  };
}

/** Compares live rows (in the profile's feature order) with the reference profile. */
export function driftReport(
  profile: ReferenceProfile,
  liveRows: readonly number[][],
  thresholds: Partial<DriftThresholds> = {},
): DriftReport {
  const t = { ...DEFAULT_DRIFT_THRESHOLDS, ...thresholds };
  if (liveRows.length === 0) throw new Error("no live rows to compare with the reference");
  const width = profile.features.length;
  liveRows.forEach((row, i) => {
    if (row.length !== width) throw new Error(`live row ${i} has ${row.length} values, the profile ${width} features`);
  });
  const enough = liveRows.length >= t.minLiveRows;
  const features = profile.features.map((f, j) =>
    featureDrift(
      f,
      liveRows.map((r) => r[j]),
      t,
      enough,
    ),
  );
  const flagged = features
    .filter((f) => f.flagged)
    .sort((a, b) => b.psi - a.psi)
    .map((f) => f.feature);
  const watch = features.filter((f) => f.status === "watch").map((f) => f.feature);
  const alarm = enough && flagged.length >= t.alarmFeatures;
  const summary = !enough
    ? `drift: only ${liveRows.length} live rows (< ${t.minLiveRows}); not enough to judge`
    : alarm
      ? `DRIFT ALARM: ${flagged.length}/${width} features drifted (${flagged.slice(0, 5).join(", ")}${flagged.length > 5 ? ", ..." : ""})`
      : `no drift alarm: ${flagged.length}/${width} features drifting, ${watch.length} on watch, over ${liveRows.length} live rows`;
  return { liveRows: liveRows.length, thresholds: t, features, flagged, watch, alarm, summary };
}

/** The report as a fixed-width table, worst PSI first (for a terminal or a notebook). */
export function formatDriftTable(report: DriftReport, top = report.features.length): string {
  const rows = [...report.features].sort((a, b) => b.psi - a.psi).slice(0, top);
  const width = Math.max(7, ...rows.map((r) => r.feature.length));
  const lines = [
    `${"feature".padEnd(width)}  ${"PSI".padStart(7)}  ${"KS D".padStart(6)}  ${"KS p".padStart(9)}  status`,
    ...rows.map(
      (r) =>
        `${r.feature.padEnd(width)}  ${r.psi.toFixed(3).padStart(7)}  ${r.ksStatistic.toFixed(3).padStart(6)}  ` +
        `${r.ksPValue.toExponential(2).padStart(9)}  ${r.status === "ok" ? "" : `${r.status.toUpperCase()} (${r.reasons.join("; ")})`}`,
    ),
  ];
  return `${lines.join("\n")}\n${report.summary}\n${
    report.thresholds.rule === "either"
      ? `(drift = PSI > ${report.thresholds.psi} OR KS p < ${report.thresholds.ksPValue})`
      : `(drift = PSI > ${report.thresholds.psi} AND KS p < ${report.thresholds.ksPValue}; watch = one of the two)`
  }`;
}

/**
 * A simulated shift for demos and tests: multiplies the named features by `factor` and adds `offset` standard
 * deviations of the reference (e.g. a new scanner that reads 15% larger).
 */
export function shiftRows(
  rows: readonly number[][],
  profile: ReferenceProfile,
  shifts: Record<string, { factor?: number; offsetStd?: number }>,
): number[][] {
  const index = new Map(profile.features.map((f, j) => [f.name, j]));
  for (const name of Object.keys(shifts)) {
    if (!index.has(name)) throw new Error(`shiftRows: unknown feature "${name}"`);
  }
  return rows.map((row) => {
    const out = [...row];
    for (const [name, s] of Object.entries(shifts)) {
      const j = index.get(name)!;
      out[j] = out[j] * (s.factor ?? 1) + (s.offsetStd ?? 0) * profile.features[j].std;
    }
    return out;
  });
}
