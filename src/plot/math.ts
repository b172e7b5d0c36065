/** `n` evenly spaced numbers from `start` to `stop`, both included (like numpy.linspace). */
export function linspace(start: number, stop: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`linspace needs a whole number of points >= 1, got ${n}`);
  if (n === 1) return [start];
  const step = (stop - start) / (n - 1);
  // Computing each point from the start (not by adding `step` repeatedly) keeps rounding errors from piling up,
  // and setting the last one exactly makes `stop` really included.
  const out = Array.from({ length: n }, (_, i) => start + i * step);
  out[n - 1] = stop;
  return out;
}

/** The smallest and largest value, ignoring NaN; throws on an empty list so a plot never gets an empty axis. */
export function extent(values: readonly number[]): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) throw new Error("extent of an empty list (or only NaN)");
  return [lo, hi];
}

/** Throws a readable error when paired arrays (x and y, fpr and tpr...) differ in length. */
export function assertSameLength(what: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) throw new Error(`${what}: lengths differ (${a.length} vs ${b.length})`);
}
