// Reference solution for exercises/week-06/pipeline-gate.ts.
export interface GateInput {
  auc: number;
  minAuc: number;
  championAuc?: number;
  tolerance?: number;
}

export interface GateDecision {
  promote: boolean;
  floorMargin: number;
  championMargin?: number;
  reasons: string[];
}

/** A key that is equal for two rows exactly when every value is: numbers joined by a separator. */
function key(row: number[]): string {
  return row.join("|");
}

export function leakedTestRows(XTrain: number[][], XTest: number[][]): number[] {
  const width = XTrain[0]?.length ?? XTest[0]?.length ?? 0;
  for (const row of [...XTrain, ...XTest]) {
    if (row.length !== width) throw new Error(`rows must all have the same length (${width}), got ${row.length}`);
  }
  const train = new Set(XTrain.map(key));
  const leaked: number[] = [];
  XTest.forEach((row, i) => {
    if (train.has(key(row))) leaked.push(i);
  });
  return leaked;
}

export function duplicateRows(X: number[][], y: number[]): number {
  if (X.length !== y.length) throw new Error(`X has ${X.length} rows but y has length ${y.length}`);
  const seen = new Set<string>();
  let duplicates = 0;
  X.forEach((row, i) => {
    const k = `${key(row)}#${y[i]}`;
    if (seen.has(k)) duplicates++;
    else seen.add(k);
  });
  return duplicates;
}

function checkAuc(name: string, v: number): void {
  if (!(v >= 0 && v <= 1)) throw new Error(`${name} must be an AUC in [0, 1], got ${v}`);
}

export function evaluationGate(g: GateInput): GateDecision {
  checkAuc("auc", g.auc);
  checkAuc("minAuc", g.minAuc);
  if (g.championAuc !== undefined) checkAuc("championAuc", g.championAuc);
  const tolerance = g.tolerance ?? 0;
  const reasons: string[] = [];
  const floorMargin = g.auc - g.minAuc;
  if (g.auc < g.minAuc) {
    reasons.push(`AUC ${g.auc.toFixed(4)} is below the floor ${g.minAuc.toFixed(4)} by ${(-floorMargin).toFixed(4)}`);
  }
  let championMargin: number | undefined;
  if (g.championAuc !== undefined) {
    championMargin = g.auc - g.championAuc;
    if (g.auc < g.championAuc - tolerance) {
      reasons.push(
        `AUC ${g.auc.toFixed(4)} is worse than the champion's ${g.championAuc.toFixed(4)} by ${(-championMargin).toFixed(4)}`,
      );
    }
  }
  return { promote: reasons.length === 0, floorMargin, championMargin, reasons };
}
