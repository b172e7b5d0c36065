// `npm run drift -- [--profile capstone/model/reference-profile.json] [--live batch.csv | --simulate shifted|normal]
//                  [--out tmp/drift-report.html] [--psi 0.2] [--ks-p 0.01] [--min-rows 50] [--rule both|either]`
// Compares live rows with the reference profile the pipeline deployed beside the model, prints the table, writes an
// HTML report with the plots, and exits 1 when the drift alarm fires (so a scheduled job can act on it).
//   --live     a CSV with the model's feature columns (any order; a target column is ignored)
//   --simulate "normal": the dataset's held-out rows; "shifted": the same rows as read by a miscalibrated scanner
//              (mean_radius ×1.15, mean_texture +0.8 std, worst_area ×1.3)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse } from "csv-parse/sync";
import { DEFAULT_DRIFT_THRESHOLDS, driftReport, formatDriftTable, shiftRows } from "../src/mlops/drift";
import { driftHtml } from "../src/mlops/drift-html";
import { capstoneModelPath, datasetData, PROFILE_FILE, splitData } from "../src/mlops/pipeline/index";
import { parseProfile, type ReferenceProfile } from "../src/mlops/profile";
import { findRoot } from "../src/workspace/paths";

const { values } = parseArgs({
  options: {
    profile: { type: "string" },
    live: { type: "string" },
    simulate: { type: "string" },
    out: { type: "string" },
    psi: { type: "string" },
    "ks-p": { type: "string" },
    "min-rows": { type: "string" },
    rule: { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});
if (values.help) {
  console.log(
    "usage: npm run drift -- [--profile file] [--live batch.csv | --simulate shifted|normal] [--out report.html]\n" +
      "                       [--psi 0.2] [--ks-p 0.01] [--min-rows 50] [--rule both|either]",
  );
  process.exit(0);
}

const profilePath = resolve(values.profile ?? join(dirname(capstoneModelPath()), PROFILE_FILE));
if (!existsSync(profilePath)) {
  console.error(
    `No reference profile at ${profilePath}. Run \`npm run pipeline\` first (it deploys one with the model).`,
  );
  process.exit(2);
}
const profile: ReferenceProfile = parseProfile(readFileSync(profilePath, "utf8"), profilePath);

/** Live rows from a CSV, columns picked by name into the profile's feature order. */
function readLive(path: string): number[][] {
  const rows = parse(readFileSync(path, "utf8"), { skip_empty_lines: true }) as string[][];
  const header = rows[0].map((h) => h.trim());
  const idx = profile.features.map((f) => header.indexOf(f.name));
  const missing = profile.features.filter((_, j) => idx[j] < 0).map((f) => f.name);
  if (missing.length) throw new Error(`${path} lacks the model's features: ${missing.join(", ")}`);
  return rows.slice(1).map((r, i) =>
    idx.map((j) => {
      const v = Number(r[j]);
      if (r[j].trim() === "" || !Number.isFinite(v))
        throw new Error(`${path} line ${i + 2}: "${r[j]}" is not a number`);
      return v;
    }),
  );
}

let live: number[][];
let what: string;
if (values.live) {
  live = readLive(resolve(values.live));
  what = values.live;
} else {
  const mode = values.simulate ?? "shifted";
  if (mode !== "shifted" && mode !== "normal") {
    console.error(`--simulate must be "shifted" or "normal", got ${mode}`);
    process.exit(2);
  }
  const heldOut = splitData(datasetData("breast-cancer"), { seed: 42, testSize: 0.2 }).XTest;
  live =
    mode === "normal"
      ? heldOut
      : shiftRows(heldOut, profile, {
          mean_radius: { factor: 1.15 },
          mean_texture: { offsetStd: 0.8 },
          worst_area: { factor: 1.3 },
        });
  what = `simulated ${mode} traffic (${live.length} held-out rows)`;
}

const num = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
const report = driftReport(profile, live, {
  psi: num(values.psi, DEFAULT_DRIFT_THRESHOLDS.psi),
  ksPValue: num(values["ks-p"], DEFAULT_DRIFT_THRESHOLDS.ksPValue),
  minLiveRows: num(values["min-rows"], DEFAULT_DRIFT_THRESHOLDS.minLiveRows),
  rule: values.rule === "either" ? "either" : "both",
});
console.log(`Reference: ${profilePath} (${profile.rows} rows)\nLive: ${what}\n`);
console.log(formatDriftTable(report));
const out = resolve(values.out ?? join(findRoot(), "tmp", "drift-report.html"));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, driftHtml(report, profile, live, `Drift report: ${what}`));
console.log(`\nHTML report with the plots: ${out}`);
process.exit(report.alarm ? 1 : 0);
