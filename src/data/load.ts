/**
 * loadDataset: one of the committed datasets as X (numbers) and y, after checking the file is the one we committed.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { findRoot } from "../workspace/paths";
import { type Cell, parseCsv } from "./csv";
import { type DatasetName, type DatasetSpec, getDatasetSpec, type Task } from "./registry";

export interface LoadOptions {
  /** Folder holding the CSV files. Defaults to the workspace's datasets/ (found from the current directory). */
  dir?: string;
  /**
   * What to do with a row that has an empty cell in a feature or the target (only penguins has them):
   * "drop" (default) removes the row and counts it in `droppedRows`; "keep" keeps it with NaN in the gap.
   */
  missing?: "drop" | "keep";
}

export interface Dataset {
  name: DatasetName;
  task: Task;
  featureNames: string[];
  targetName: string;
  /** One row per example, one column per feature, in featureNames order. */
  X: number[][];
  /** The target: a class index into classNames for classification, the measured value for regression. */
  y: number[];
  /** Classification only: class names, so classNames[y[i]] is the label of row i. */
  classNames?: string[];
  /** Rows in X and y (after dropping incomplete rows). */
  rows: number;
  /** Incomplete rows removed because of missing: "drop" (0 for every dataset but penguins). */
  droppedRows: number;
}

/** sha256 of a file's bytes, as hex. */
export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/**
 * Read the file, failing early with the fix in the message when it is missing or not byte-for-byte the committed one.
 * Checking the hash first means an edited or half-downloaded CSV never turns into silently different numbers.
 */
function readVerified(path: string, shownAs: string, spec: DatasetSpec): string {
  const restore = `restore it with git checkout -- datasets/${spec.file}`;
  if (!existsSync(path)) throw new Error(`${shownAs} is missing: ${restore}`);
  const bytes = readFileSync(path);
  const actual = createHash("sha256").update(bytes).digest("hex");
  if (actual !== spec.sha256) {
    throw new Error(`${shownAs} is corrupt (sha256 ${actual} expected ${spec.sha256}): ${restore}`);
  }
  return bytes.toString("utf8");
}

export function loadDataset(name: DatasetName, opts: LoadOptions = {}): Dataset {
  const spec = getDatasetSpec(name);
  const missing = opts.missing ?? "drop";
  if (missing !== "drop" && missing !== "keep") {
    throw new Error(`missing must be "drop" or "keep", got "${missing}".`);
  }
  // With the default folder, name the file as the learner sees it in the repo; with an override, its full path.
  const dir = opts.dir ?? join(findRoot(), "datasets");
  const path = join(dir, spec.file);
  const shownAs = opts.dir === undefined ? `datasets/${spec.file}` : path;

  const text = readVerified(path, shownAs, spec);

  const numeric =
    spec.task === "regression" || spec.targetEncoding === "index"
      ? [...spec.featureNames, spec.targetName]
      : spec.featureNames;
  const table = parseCsv(text, shownAs, { columns: spec.columns, numeric });

  const featureIdx = spec.featureNames.map((f) => table.header.indexOf(f));
  const targetIdx = table.header.indexOf(spec.targetName);
  const X: number[][] = [];
  const y: number[] = [];
  let droppedRows = 0;

  for (const row of table.rows) {
    const features = featureIdx.map((j) => row.values[j]);
    const target = row.values[targetIdx];
    if (missing === "drop" && (target === null || features.includes(null))) {
      droppedRows++;
      continue;
    }
    // parseCsv guarantees numeric columns hold number | null; null here only survives with missing: "keep".
    X.push(features.map((v) => (v === null ? Number.NaN : (v as number))));
    y.push(encodeTarget(target, spec, `${shownAs} line ${row.line}`));
  }

  return {
    name: spec.name,
    task: spec.task,
    featureNames: [...spec.featureNames],
    targetName: spec.targetName,
    X,
    y,
    ...(spec.task === "classification" ? { classNames: [...spec.classNames] } : {}),
    rows: X.length,
    droppedRows,
  };
}

/** The target cell as a number: the class index for classification, the value itself for regression. */
function encodeTarget(cell: Cell, spec: DatasetSpec, where: string): number {
  if (cell === null) return Number.NaN;
  if (spec.task === "regression") return cell as number;
  const index = spec.targetEncoding === "index" ? (cell as number) : spec.classNames.indexOf(cell as string);
  if (!Number.isInteger(index) || index < 0 || index >= spec.classNames.length) {
    const valid = spec.targetEncoding === "index" ? `0 to ${spec.classNames.length - 1}` : spec.classNames.join(", ");
    throw new Error(`${where}, column ${spec.targetName}: "${cell}" is not a known class (expected ${valid}).`);
  }
  return index;
}
