/**
 * Step 0, getting the data: a workspace dataset (checked against its committed sha256 by loadDataset), or a CSV
 * with the same header (a new batch of labelled data, or a deliberately broken one in the tests). A CSV is read
 * leniently on purpose: an empty or "NaN" cell becomes NaN instead of an error, so that the VALIDATION step can
 * count and report it, which is its job.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import { type DatasetName, getDatasetSpec, loadDataset } from "../../data/index";
import type { PipelineData } from "./types";

/** A workspace classification dataset as pipeline data. */
export function datasetData(name: DatasetName): PipelineData {
  const d = loadDataset(name);
  if (d.task !== "classification" || !d.classNames) {
    throw new Error(`the pipeline trains a classifier; ${name} is a ${d.task} dataset.`);
  }
  return { source: name, featureNames: d.featureNames, classNames: d.classNames, X: d.X, y: d.y };
}

function cellNumber(cell: string): number {
  const t = cell.trim();
  if (t === "" || /^(nan|na|null)$/i.test(t)) return Number.NaN;
  const v = Number(t);
  return Number.isFinite(v) || /^[+-]?inf(inity)?$/i.test(t) ? v : Number.NaN;
}

/**
 * A CSV shaped like the workspace dataset `like` (same feature columns and target column, in any order). Extra
 * columns are an error, missing ones too: that is the schema check, and it is better to fail here, loudly.
 */
export function csvData(path: string, like: DatasetName): PipelineData {
  const spec = getDatasetSpec(like);
  if (spec.task !== "classification") throw new Error(`${like} is not a classification dataset.`);
  const rows = parse(readFileSync(path, "utf8"), { skip_empty_lines: true }) as string[][];
  if (rows.length < 2) throw new Error(`${path} has no data rows.`);
  const header = rows[0].map((h) => h.trim());
  const missing = [...spec.featureNames, spec.targetName].filter((c) => !header.includes(c));
  const extra = header.filter((c) => c !== spec.targetName && !spec.featureNames.includes(c));
  if (missing.length || extra.length) {
    throw new Error(
      `schema: ${path} does not have the columns of ${like}` +
        (missing.length ? `; missing: ${missing.join(", ")}` : "") +
        (extra.length ? `; unexpected: ${extra.join(", ")}` : ""),
    );
  }
  const featureIdx = spec.featureNames.map((f) => header.indexOf(f));
  const targetIdx = header.indexOf(spec.targetName);
  const X: number[][] = [];
  const y: number[] = [];
  rows.slice(1).forEach((r, i) => {
    if (r.length !== header.length) {
      throw new Error(`${path} line ${i + 2}: ${r.length} cells, the header has ${header.length}.`);
    }
    X.push(featureIdx.map((j) => cellNumber(r[j])));
    const t = r[targetIdx].trim();
    const asName = spec.classNames.indexOf(t);
    y.push(spec.targetEncoding === "label" ? asName : t === "" ? Number.NaN : Number(t));
  });
  return { source: path, featureNames: [...spec.featureNames], classNames: [...spec.classNames], X, y };
}

/** Writes pipeline data as a CSV with the dataset's header (for tests and for exporting a batch). */
export function toCsv(data: PipelineData, targetName = "target"): string {
  const lines = [[...data.featureNames, targetName].join(",")];
  for (let i = 0; i < data.X.length; i++) {
    lines.push([...data.X[i].map((v) => (Number.isNaN(v) ? "" : String(v))), data.y[i]].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** sha256 of the data's content (names, values, labels): the data version logged with every run. */
export function dataSha256(data: PipelineData): string {
  const h = createHash("sha256");
  h.update(JSON.stringify([data.featureNames, data.classNames]));
  for (let i = 0; i < data.X.length; i++) h.update(`${data.X[i].join(",")}|${data.y[i]}\n`);
  return h.digest("hex");
}
