// The drift report on the real dataset: the held-out rows are "normal traffic" (no alarm), a simulated scanner
// change is "shifted traffic" (alarm on exactly the shifted features), and its numbers agree with stats.ts.
import assert from "node:assert/strict";
import { test } from "vitest";
import { driftReport, formatDriftTable, shiftRows } from "./drift";
import { binShareChart, ecdfChart, psiChart } from "./drift-plots";
import { datasetData, splitData } from "./pipeline/index";
import { buildProfile, parseProfile } from "./profile";
import { ksTest, psi } from "./stats";

const data = datasetData("breast-cancer");
const split = splitData(data, { seed: 42, testSize: 0.2 });
const profile = buildProfile(split.XTrain, data.featureNames, {
  dataset: "breast-cancer",
  createdAt: "2025-01-01T00:00:00Z",
});
const column = (rows: number[][], name: string) => rows.map((r) => r[data.featureNames.indexOf(name)]);

test("the profile holds deciles, PSI bins and a KS sample per feature, and survives JSON", () => {
  const f = profile.features[0];
  assert.equal(f.name, "mean_radius");
  assert.equal(f.count, 455);
  assert.equal(f.quantiles.length, 11);
  assert.equal(f.quantiles[0], f.min);
  assert.equal(f.quantiles[10], f.max);
  assert.equal(f.edges.length, 9, "10 decile bins");
  assert.equal(
    f.counts.reduce((a, b) => a + b, 0),
    455,
  );
  assert.equal(f.sample.length, 455, "all values kept below the 1000 cap");
  assert.deepEqual(parseProfile(JSON.stringify(profile)), profile);
  assert.throws(() => parseProfile("{}"), /not a ml-study-reference-profile/);
  const small = buildProfile(split.XTrain, data.featureNames, { sampleSize: 50 });
  assert.equal(small.features[0].sample.length, 50, "quantile-preserving subsample");
});

test("held-out rows raise no alarm; a shifted sample alarms on exactly the shifted features", () => {
  const normal = driftReport(profile, split.XTest);
  assert.equal(normal.alarm, false, formatDriftTable(normal, 5));
  const shifted = shiftRows(split.XTest, profile, {
    mean_radius: { factor: 1.15 },
    mean_texture: { offsetStd: 0.8 },
    worst_area: { factor: 1.3 },
  });
  const report = driftReport(profile, shifted);
  assert.equal(report.alarm, true);
  assert.deepEqual([...report.flagged].sort(), ["mean_radius", "mean_texture", "worst_area"]);
  const radius = report.features.find((f) => f.feature === "mean_radius")!;
  assert.equal(radius.status, "drift");
  assert.ok(radius.psi > 0.2 && radius.ksPValue < 0.01, `PSI ${radius.psi}, p ${radius.ksPValue}`);
  // The report's numbers are stats.ts's on the same columns (the profile keeps every training value here).
  const live = column(shifted, "mean_radius");
  const train = column(split.XTrain, "mean_radius");
  assert.ok(Math.abs(radius.psi - psi(train, live)) < 1e-12);
  assert.ok(Math.abs(radius.ksStatistic - ksTest(train, live).statistic) < 1e-12);
  assert.match(formatDriftTable(report), /DRIFT ALARM: 3\/30/);
});

test('rule "either" flags a feature on one threshold: held-out rows then trip PSI on a healthy feature', () => {
  const either = driftReport(profile, split.XTest, { rule: "either" });
  const both = driftReport(profile, split.XTest);
  assert.ok(either.flagged.length > 0, "114 rows of PSI noise push one healthy feature over 0.2");
  assert.deepEqual(either.flagged, both.watch, "what 'both' calls watch, 'either' calls drift");
});

test("too few live rows flags nothing; bad rows are refused", () => {
  const few = driftReport(profile, shiftRows(split.XTest.slice(0, 20), profile, { mean_radius: { factor: 2 } }));
  assert.equal(few.alarm, false);
  assert.match(few.summary, /not enough/);
  assert.throws(() => driftReport(profile, []), /no live rows/);
  assert.throws(() => driftReport(profile, [[1, 2]]), /2 values, the profile 30/);
  assert.throws(() => shiftRows(split.XTest, profile, { nope: { factor: 2 } }), /unknown feature/);
});

test("the plots are plotly figures with the threshold and the largest CDF gap", () => {
  const report = driftReport(profile, shiftRows(split.XTest, profile, { mean_radius: { factor: 1.15 } }));
  const bars = psiChart(report, 5);
  assert.equal(bars.data[0].y?.[0], "mean_radius");
  const shapes = (bars.layout?.shapes ?? []) as { x0: number }[];
  assert.equal(shapes[0].x0, 0.2);
  assert.equal(binShareChart(report, profile.features[0]).data.length, 2);
  const ecdf = ecdfChart(profile.features[0], column(split.XTest, "mean_radius"));
  const gap = ecdf.data[2].y as number[];
  const d = ksTest(profile.features[0].sample, column(split.XTest, "mean_radius")).statistic;
  assert.ok(Math.abs(Math.abs(gap[1] - gap[0]) - d) < 1e-12, "the red segment is the KS statistic");
});
