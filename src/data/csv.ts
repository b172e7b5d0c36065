/**
 * Typed CSV reading: a header row is required and must match exactly, numeric columns become numbers, and every
 * problem is reported with the file and line so a learner can open the file and look.
 *
 * Missing values: an empty cell becomes `null` (in numeric and text columns alike). null rather than NaN because the
 * type `number | null` forces the caller to decide what a missing value means; the loader then drops the row or turns
 * it into NaN. Anything else in a numeric column must be a plain decimal number: "NA", "NaN", "inf" or "1,5" are
 * errors, not silently-wrong values.
 */
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";

export type Cell = number | string | null;

export interface CsvRow {
  /** Line number in the file (1 is the header), for error messages. */
  line: number;
  /** One value per header column: number | null in numeric columns, string | null in the others. */
  values: Cell[];
}

export interface CsvTable {
  /** The name used in error messages, e.g. "datasets/iris.csv". */
  file: string;
  header: string[];
  rows: CsvRow[];
}

export interface CsvOptions {
  /** The exact header expected, in order. */
  columns: readonly string[];
  /** Which of those columns hold numbers. */
  numeric: readonly string[];
}

// A plain decimal: optional sign, digits with an optional fraction, optional exponent. Number() alone would also
// accept "", " ", "0x1A", "Infinity" and "1_000"-like surprises.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Parse CSV text. `file` only names the source in error messages. */
export function parseCsv(text: string, file: string, options: CsvOptions): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // info: true gives each record its line number; blank lines carry no data, so they are skipped.
    // csv-parse's typings do not model what info: true returns, hence the cast.
    records = parse(text, { info: true, bom: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    // csv-parse's messages already say "on line N"; prefix the file so the learner knows where to look.
    throw new Error(`${file}: ${(e as Error).message}`);
  }

  if (records.length === 0) {
    throw new Error(`${file} is empty: it needs a header line (${options.columns.join(",")}).`);
  }
  const header = records[0].record;
  if (header.join(",") !== options.columns.join(",")) {
    throw new Error(
      `${file} line 1: wrong header.\n  expected: ${options.columns.join(",")}\n  found:    ${header.join(",")}\n` +
        "Check the column names and their order.",
    );
  }

  const isNumeric = header.map((name) => options.numeric.includes(name));
  const rows = records.slice(1).map(({ record, info }) => ({
    line: info.lines,
    values: record.map((raw, j): Cell => {
      if (raw === "") return null;
      if (!isNumeric[j]) return raw;
      if (!NUMBER.test(raw)) {
        throw new Error(
          `${file} line ${info.lines}, column ${header[j]}: "${raw}" is not a number. ` +
            "Write a plain decimal such as 3.5, or leave the cell empty if the value is missing.",
        );
      }
      return Number(raw);
    }),
  }));
  return { file, header, rows };
}

/** Read and parse a CSV file synchronously (synchronous on purpose: it reads the same in a notebook cell and a test). */
export function readCsv(path: string, options: CsvOptions, displayName: string = path): CsvTable {
  return parseCsv(readFileSync(path, "utf8"), displayName, options);
}
