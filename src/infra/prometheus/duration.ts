// Prometheus durations (prometheus/common model.ParseDuration): whole numbers with units from largest to smallest,
// each unit at most once: 15s, 1m30s, 2h, 500ms, 1d; or "0". Not "15" (no unit), not "1.5s", not "30s1m".

const UNITS: [string, number][] = [
  ["y", 365 * 24 * 3600 * 1000],
  ["w", 7 * 24 * 3600 * 1000],
  ["d", 24 * 3600 * 1000],
  ["h", 3600 * 1000],
  ["m", 60 * 1000],
  ["s", 1000],
  ["ms", 1],
];

const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

/** Milliseconds, or null when Prometheus would refuse the value. */
export function parseDuration(text: string): number | null {
  if (text === "0") return 0;
  const m = DURATION.exec(text);
  if (!m || text === "") return null;
  return UNITS.reduce((sum, [, ms], i) => sum + (m[i + 1] ? Number(m[i + 1]) * ms : 0), 0);
}

/** 15000 -> "15s", 90000 -> "1m30s": the way Prometheus prints a duration. */
export function formatDuration(ms: number): string {
  if (ms === 0) return "0s";
  let rest = ms;
  let out = "";
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}
