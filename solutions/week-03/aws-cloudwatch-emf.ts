// Reference solution for exercises/week-03/aws-cloudwatch-emf.ts.
export interface InferenceMetrics {
  namespace: string;
  dimensions: Record<string, string>;
  latencyMs: number | number[];
  predictionCount: number;
  timestamp: Date | number;
  properties?: Record<string, string | number | boolean>;
}

/** The EMF specification's limits: values per metric member, and dimensions per dimension set. */
const MAX_VALUES = 100;
const MAX_DIMENSIONS = 30;

function validate(m: InferenceMetrics, latencies: number[]): void {
  if (typeof m.namespace !== "string" || m.namespace.length < 1 || m.namespace.length > 255) {
    throw new Error(`the namespace must be 1-255 characters, got ${JSON.stringify(m.namespace)}`);
  }
  const names = Object.keys(m.dimensions ?? {});
  if (names.length === 0 || names.length > MAX_DIMENSIONS) {
    throw new Error(`give 1 to ${MAX_DIMENSIONS} dimensions, got ${names.length}`);
  }
  for (const [name, value] of Object.entries(m.dimensions)) {
    if (typeof value !== "string" || value === "")
      throw new Error(`dimension "${name}" needs a non-empty string value`);
  }
  if (latencies.length === 0) throw new Error("latency: give at least one value");
  latencies.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
      throw new Error(`latency value ${i} is ${v}: expected a finite number >= 0`);
  });
  if (!Number.isInteger(m.predictionCount) || m.predictionCount < 0) {
    throw new Error(`prediction count must be a whole number >= 0, got ${m.predictionCount}`);
  }
  const taken = new Set(["_aws", "Latency", "PredictionCount", ...names]);
  for (const key of Object.keys(m.properties ?? {})) {
    if (taken.has(key)) throw new Error(`property "${key}" collides with a dimension, a metric or _aws`);
  }
}

export function emfLines(m: InferenceMetrics): string[] {
  const latencies = Array.isArray(m.latencyMs) ? m.latencyMs : [m.latencyMs];
  validate(m, latencies);
  const timestamp = m.timestamp instanceof Date ? m.timestamp.getTime() : m.timestamp;
  const lines: string[] = [];
  for (let start = 0; start < latencies.length; start += MAX_VALUES) {
    const chunk = latencies.slice(start, start + MAX_VALUES);
    const first = start === 0;
    const metrics = [{ Name: "Latency", Unit: "Milliseconds" }];
    if (first) metrics.push({ Name: "PredictionCount", Unit: "Count" });
    const doc: Record<string, unknown> = {
      _aws: {
        Timestamp: timestamp,
        CloudWatchMetrics: [{ Namespace: m.namespace, Dimensions: [Object.keys(m.dimensions)], Metrics: metrics }],
      },
      ...m.dimensions,
      ...m.properties,
      // A single value is written as a plain number (what the official library does), so queries stay simple.
      Latency: chunk.length === 1 ? chunk[0] : chunk,
    };
    if (first) doc.PredictionCount = m.predictionCount;
    lines.push(JSON.stringify(doc));
  }
  return lines;
}
