// Reference solution for exercises/week-01/aws-ha-placement.ts.
export type Placement = Record<string, number>;

export interface Region {
  code: string;
  name: string;
  jurisdiction: string;
  azs: string[];
  latencyMs: number;
}

export interface RegionNeeds {
  allowedJurisdictions: string[];
  minAzs?: number;
}

export function spreadAcrossAzs(count: number, azs: readonly string[]): Placement {
  if (azs.length === 0) throw new Error("spreadAcrossAzs: no AZ to place instances in");
  if (new Set(azs).size !== azs.length) throw new Error(`spreadAcrossAzs: an AZ is listed twice in ${azs.join(", ")}`);
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`spreadAcrossAzs: count must be an integer ≥ 0, got ${count}`);
  const base = Math.floor(count / azs.length);
  const extra = count % azs.length;
  const placement: Placement = {};
  azs.forEach((az, i) => {
    placement[az] = base + (i < extra ? 1 : 0);
  });
  return placement;
}

export function capacityAfterAzLoss(placement: Placement): number {
  const counts = Object.values(placement);
  if (counts.length === 0) return 0;
  const total = counts.reduce((a, b) => a + b, 0);
  return total - Math.max(...counts);
}

export function instancesForHa(required: number, azCount: number): number {
  if (!Number.isInteger(azCount) || azCount < 2) {
    throw new Error(`instancesForHa: need at least 2 AZs to survive losing one, got ${azCount}`);
  }
  if (!Number.isInteger(required) || required < 1) {
    throw new Error(`instancesForHa: required capacity must be a positive integer, got ${required}`);
  }
  // Evenly spread, N instances over k AZs put ceil(N/k) in the largest AZ, so floor(N(k-1)/k) survive its loss.
  // floor(N(k-1)/k) >= r  <=>  N(k-1)/k >= r  <=>  N >= r·k/(k-1): the smallest such integer.
  return Math.ceil((required * azCount) / (azCount - 1));
}

export function chooseRegion(regions: readonly Region[], needs: RegionNeeds): Region {
  const minAzs = needs.minAzs ?? 1;
  const allowed = new Set(needs.allowedJurisdictions);
  const candidates = regions
    .filter((r) => allowed.has(r.jurisdiction) && r.azs.length >= minAzs)
    .sort((a, b) => a.latencyMs - b.latencyMs || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  if (candidates.length === 0) {
    throw new Error(
      `no region in [${needs.allowedJurisdictions.join(", ")}] with at least ${minAzs} AZs among ${regions.length} regions`,
    );
  }
  return candidates[0];
}
