// Week 1 · AWS: place instances across availability zones so losing one AZ keeps the service up, and pick a region.
// Read "Regions, availability zones and VPCs" in notebooks/week-01-aws-foundations.ipynb first.
// Grade it with `npm run grade aws-ha-placement`; stuck? `npm run hint aws-ha-placement`.
import { todo } from "../../src/grader/todo";

/** How many instances run in each availability zone, e.g. { "eu-west-1a": 2, "eu-west-1b": 2, "eu-west-1c": 1 }. */
export type Placement = Record<string, number>;

/** One row of a region table (see exercises/week-01/aws-regions.ts). */
export interface Region {
  /** The region code, e.g. "eu-west-3". */
  code: string;
  /** Its name, e.g. "Europe (Paris)". */
  name: string;
  /** Whose law the data sits under: "EU", "UK", "US", "CA", "JP", "SG", "BR", "IN", "AU", ... */
  jurisdiction: string;
  /** Availability zone names, e.g. ["eu-west-3a", "eu-west-3b", "eu-west-3c"]. */
  azs: string[];
  /** Round-trip time from the users to the region, in milliseconds. */
  latencyMs: number;
}

export interface RegionNeeds {
  /** Jurisdictions the data may live in (a compliance rule), e.g. ["EU"]. */
  allowedJurisdictions: string[];
  /** Fewest availability zones the region must have (default 1). */
  minAzs?: number;
}

/**
 * Spreads `count` instances over the AZs as evenly as possible: every AZ gets floor(count / k) and the FIRST
 * count % k AZs (in the order given) get one more. Every AZ appears as a key, with 0 when it gets nothing.
 * Throws an Error mentioning "AZ" when `azs` is empty or names an AZ twice, and "count" when count is not a
 * non-negative integer.
 */
export function spreadAcrossAzs(count: number, azs: readonly string[]): Placement {
  return todo("aws-ha-placement");
}

/** Instances still running after the WORST single-AZ outage: the total minus the largest AZ. 0 for an empty placement. */
export function capacityAfterAzLoss(placement: Placement): number {
  return todo("aws-ha-placement");
}

/**
 * The fewest instances that, spread evenly over `azCount` AZs, still leave at least `required` running when any one
 * AZ fails. Derive it (it is a one-line formula), do not search. Throws an Error mentioning "at least 2" when
 * azCount < 2 (one AZ cannot survive its own outage) and "required" when required is not a positive integer.
 */
export function instancesForHa(required: number, azCount: number): number {
  return todo("aws-ha-placement");
}

/**
 * The region to deploy to: among regions whose jurisdiction is allowed and that have at least minAzs AZs, the one
 * with the lowest latency; on equal latency, the alphabetically first region code. Throws an Error containing
 * "no region" (and the needs) when none qualifies.
 */
export function chooseRegion(regions: readonly Region[], needs: RegionNeeds): Region {
  return todo("aws-ha-placement");
}
