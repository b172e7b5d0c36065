/**
 * Convert vega-datasets' penguins.json into datasets/penguins.csv.
 *
 * MAINTAINER TOOL. A learner never needs to run it: datasets/penguins.csv is committed, and src/data/ loads it.
 * Run it with `npx tsx scripts/datasets/export_penguins.ts` (add `--check` to compare without writing).
 * The committed file came from vega-datasets 3.2.1 (a devDependency), whose datapackage.json lists penguins as CC0.
 *
 * What the conversion does, and why:
 * - Columns get snake_case names with their unit (the source's "Beak Length (mm)" becomes bill_length_mm, the name the
 *   palmerpenguins package uses), in the order species,island,bill_length_mm,bill_depth_mm,flipper_length_mm,
 *   body_mass_g,sex.
 * - Missing values (null in the JSON) become empty cells. The source also has one sex recorded as "."; that is a
 *   data-entry placeholder for "unknown", so it becomes an empty cell too.
 * - Every other value is written exactly as the JSON holds it (numbers via String(), the shortest exact form).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findRoot } from "../../src/workspace/paths";

const EXPECTED_VERSION = "3.2.1";

// Output column -> key in penguins.json. The order here is the CSV's column order.
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ["species", "Species"],
  ["island", "Island"],
  ["bill_length_mm", "Beak Length (mm)"],
  ["bill_depth_mm", "Beak Depth (mm)"],
  ["flipper_length_mm", "Flipper Length (mm)"],
  ["body_mass_g", "Body Mass (g)"],
  ["sex", "Sex"],
];

/** Values that mean "not recorded" in the source. */
const MISSING_MARKERS = new Set(["."]);

type JsonValue = string | number | null;

function cell(value: JsonValue, where: string): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${where}: non-finite number ${value}`);
    return String(value);
  }
  if (MISSING_MARKERS.has(value)) return "";
  // Quote only when CSV requires it; the real data never needs it, but a future version might.
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** vega-datasets records each file's git blob sha1 in datapackage.json; checking it proves we read the file it describes. */
function gitBlobSha1(bytes: Buffer): string {
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function main(): void {
  const root = findRoot();
  const pkgDir = join(root, "node_modules", "vega-datasets");
  if (!existsSync(pkgDir)) throw new Error("node_modules/vega-datasets is missing: run `npm ci` first.");

  const version = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8")).version;
  if (version !== EXPECTED_VERSION) {
    console.warn(`warning: vega-datasets ${version}, but datasets/penguins.csv came from ${EXPECTED_VERSION}.`);
  }

  const bytes = readFileSync(join(pkgDir, "data", "penguins.json"));
  const resource = JSON.parse(readFileSync(join(pkgDir, "datapackage.json"), "utf8")).resources.find(
    (r: { name: string }) => r.name === "penguins",
  );
  const expectedHash = `sha1:${gitBlobSha1(bytes)}`;
  if (resource?.hash !== expectedHash) {
    throw new Error(`penguins.json does not match datapackage.json (${expectedHash} vs ${resource?.hash}).`);
  }

  const records = JSON.parse(bytes.toString("utf8")) as Record<string, JsonValue>[];
  const lines = [COLUMNS.map(([out]) => out).join(",")];
  records.forEach((rec, i) => {
    lines.push(
      COLUMNS.map(([, key]) => {
        if (!(key in rec)) throw new Error(`record ${i}: no "${key}" field`);
        return cell(rec[key], `record ${i}, ${key}`);
      }).join(","),
    );
  });
  // "\n" line endings and a final newline, so the sha256 is the same on every platform.
  const csv = `${lines.join("\n")}\n`;

  const out = join(root, "datasets", "penguins.csv");
  const sha256 = createHash("sha256").update(csv).digest("hex");
  if (process.argv.includes("--check")) {
    const same = existsSync(out) && readFileSync(out, "utf8") === csv;
    console.log(`datasets/penguins.csv  rows=${records.length}  sha256=${sha256}  ${same ? "same" : "DIFFERENT"}`);
    if (!same) process.exitCode = 1;
    return;
  }
  writeFileSync(out, csv);
  console.log(`datasets/penguins.csv  rows=${records.length}  sha256=${sha256}  written`);
}

main();
