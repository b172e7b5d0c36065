/**
 * Step 1, data validation: cheap checks that stop bad data before it costs a training run or, worse, ships a model
 * that learned from garbage. Every check measures a number and compares it with a limit, so the report says how
 * far off the data is, not just "invalid":
 *
 *   schema            feature names and order as the contract says; every label a known class
 *   rows              enough rows to train and test on
 *   missing-values    empty / NaN cells (a forest cannot split on NaN)
 *   ranges            values outside the plausible range (a negative radius is a data error, not a new pattern)
 *   duplicates        repeated rows: they overweight some examples and, split across train and test, leak
 *   conflicting-labels  identical features with different labels (label noise or a join gone wrong)
 *   class-balance     the rarest class's share (a model trained on 1% positives needs another strategy)
 *   leakage           test rows whose features also appear in the training split: the test score would measure
 *                     memory, not generalisation. Checked AFTER the split, on the split actually used.
 */
import type { Check, PipelineData } from "./types";

/** What the data must look like: the schema, plus limits. Derived from the committed dataset (contractFor). */
export interface DataContract {
  featureNames: string[];
  classNames: string[];
  /** Allowed [min, max] per feature, same order as featureNames. */
  ranges: [number, number][];
  minRows: number;
  /** Largest allowed share of duplicate rows (0.01 = 1%). */
  maxDuplicateShare: number;
  /** Smallest allowed share of the rarest class. */
  minClassShare: number;
}

/**
 * The contract for data like `reference` (the committed dataset): same schema; each feature's range is the
 * reference's, widened by one full range above and floored at 0 for features that are never negative (physical
 * measurements). Values beyond that are far more likely a unit or entry error than a real patient.
 */
export function contractFor(reference: PipelineData): DataContract {
  const ranges = reference.featureNames.map((_, j): [number, number] => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const row of reference.X) {
      lo = Math.min(lo, row[j]);
      hi = Math.max(hi, row[j]);
    }
    const span = hi - lo;
    return [lo >= 0 ? 0 : lo - span, hi + span];
  });
  return {
    featureNames: [...reference.featureNames],
    classNames: [...reference.classNames],
    ranges,
    minRows: 100,
    maxDuplicateShare: 0.01,
    minClassShare: 0.05,
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function check(
  id: string,
  value: number,
  comparison: Check["comparison"],
  limit: number,
  message: string,
  step: Check["step"] = "validate",
): Check {
  const passed = comparison === "<=" ? value <= limit : comparison === ">=" ? value >= limit : value === limit;
  return { step, id, passed, value, limit, comparison, message };
}

/** The key of a row's features, exact to the last bit (two rows are duplicates only if every value is equal). */
function rowKey(row: readonly number[]): string {
  return row.join(",");
}

/** Checks on the whole table, before the split. */
export function validateData(data: PipelineData, contract: DataContract): Check[] {
  const checks: Check[] = [];
  const n = data.X.length;

  const schemaProblems: string[] = [];
  if (data.featureNames.join(",") !== contract.featureNames.join(",")) {
    const missing = contract.featureNames.filter((f) => !data.featureNames.includes(f));
    const extra = data.featureNames.filter((f) => !contract.featureNames.includes(f));
    schemaProblems.push(
      missing.length || extra.length
        ? `missing [${missing.join(", ")}], unexpected [${extra.join(", ")}]`
        : "the features are in a different order",
    );
  }
  const badRows = data.X.filter((r) => r.length !== contract.featureNames.length).length;
  if (badRows) schemaProblems.push(`${badRows} rows do not have ${contract.featureNames.length} values`);
  const badLabels = data.y.filter((v) => !(Number.isInteger(v) && v >= 0 && v < contract.classNames.length)).length;
  if (badLabels) schemaProblems.push(`${badLabels} labels are not a class index 0..${contract.classNames.length - 1}`);
  checks.push(
    check(
      "schema",
      schemaProblems.length,
      "==",
      0,
      schemaProblems.length
        ? `schema problems: ${schemaProblems.join("; ")}`
        : "features and labels match the contract",
    ),
  );
  // The remaining checks index features by position: with a broken schema their numbers would mean nothing.
  if (schemaProblems.length) return checks;

  checks.push(check("rows", n, ">=", contract.minRows, `${n} rows (need at least ${contract.minRows})`));

  let missingCells = 0;
  const missingBy = new Map<string, number>();
  let outOfRange = 0;
  const outBy = new Map<string, number>();
  for (const row of data.X) {
    row.forEach((v, j) => {
      const name = contract.featureNames[j];
      if (Number.isNaN(v)) {
        missingCells++;
        missingBy.set(name, (missingBy.get(name) ?? 0) + 1);
      } else if (v < contract.ranges[j][0] || v > contract.ranges[j][1]) {
        outOfRange++;
        outBy.set(name, (outBy.get(name) ?? 0) + 1);
      }
    });
  }
  const worst = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, c]) => `${k}: ${c}`)
      .join(", ");
  checks.push(
    check(
      "missing-values",
      missingCells,
      "<=",
      0,
      missingCells ? `${missingCells} missing cells (${worst(missingBy)})` : "no missing values",
    ),
  );
  checks.push(
    check(
      "ranges",
      outOfRange,
      "<=",
      0,
      outOfRange ? `${outOfRange} values outside the contract's ranges (${worst(outBy)})` : "every value in range",
    ),
  );

  const seen = new Map<string, number>();
  let duplicates = 0;
  let conflicts = 0;
  data.X.forEach((row, i) => {
    const key = rowKey(row);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i);
    else if (data.y[first] === data.y[i]) duplicates++;
    else conflicts++;
  });
  const dupShare = n ? duplicates / n : 0;
  checks.push(
    check(
      "duplicates",
      dupShare,
      "<=",
      contract.maxDuplicateShare,
      `${duplicates} duplicate rows (${pct(dupShare)}; limit ${pct(contract.maxDuplicateShare)})`,
    ),
  );
  checks.push(
    check(
      "conflicting-labels",
      conflicts,
      "<=",
      0,
      conflicts ? `${conflicts} rows repeat another row's features with a different label` : "no conflicting labels",
    ),
  );

  const counts = contract.classNames.map((_, c) => data.y.filter((v) => v === c).length);
  const minShare = n ? Math.min(...counts) / n : 0;
  checks.push(
    check(
      "class-balance",
      minShare,
      ">=",
      contract.minClassShare,
      `rarest class ${pct(minShare)} of rows (${contract.classNames.map((c, i) => `${c}: ${counts[i]}`).join(", ")})`,
    ),
  );
  return checks;
}

/** Test rows whose exact features also occur in the training rows (after the split). */
export function leakageCheck(XTrain: readonly number[][], XTest: readonly number[][]): Check {
  const train = new Set(XTrain.map(rowKey));
  const leaked = XTest.filter((r) => train.has(rowKey(r))).length;
  const share = XTest.length ? leaked / XTest.length : 0;
  return check(
    "leakage",
    leaked,
    "<=",
    0,
    leaked
      ? `${leaked} of ${XTest.length} test rows (${pct(share)}) also appear in the training split: the test score would be inflated`
      : "no test row appears in the training split",
  );
}

/** "ranges: 12 > limit 0 (12 values outside ...)": a failed check as one line saying by how much. */
export function describeCheck(c: Check): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(4));
  const verdict = c.passed ? "ok" : "FAILED";
  return `${c.id}: ${verdict}, ${fmt(c.value)} (must be ${c.comparison} ${fmt(c.limit)}): ${c.message}`;
}
