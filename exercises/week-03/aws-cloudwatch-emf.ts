// Week 3 · CloudWatch Embedded Metric Format: metrics written as structured log lines.
// Read the "CloudWatch: logs, metrics and alarms" section of notebooks/week-03-aws-sagemaker.ipynb first.
// Grade it with `npm run grade aws-cloudwatch-emf`; stuck? `npm run hint aws-cloudwatch-emf`.
import { todo } from "../../src/grader/todo";

/** What one inference call (or a batch of them) reports. */
export interface InferenceMetrics {
  /** The CloudWatch namespace, e.g. "MLStudy/Inference": 1 to 255 characters. */
  namespace: string;
  /** Low-cardinality labels that become the metric's dimensions, e.g. { Model: "iris", Variant: "blue" }. 1 to 30. */
  dimensions: Record<string, string>;
  /** The latency in milliseconds: one number, or one per request of a batch. Finite and >= 0. */
  latencyMs: number | number[];
  /** How many predictions were made: a whole number >= 0. */
  predictionCount: number;
  /** When it happened (a Date or milliseconds since the epoch). */
  timestamp: Date | number;
  /** High-cardinality context (request id, model version...): logged and searchable, but NOT dimensions. */
  properties?: Record<string, string | number | boolean>;
}

/**
 * The EMF log lines (JSON strings, one object each) for the metrics, following the CloudWatch EMF specification:
 * - a root member "_aws" with "Timestamp" (milliseconds since the epoch, a number) and "CloudWatchMetrics": one
 *   directive {"Namespace", "Dimensions": [[...every dimension name...]], "Metrics": [{"Name": "Latency", "Unit":
 *   "Milliseconds"}, {"Name": "PredictionCount", "Unit": "Count"}]};
 * - every dimension as a top-level string member, every metric value as a top-level member ("Latency": 12.5, or an
 *   array of numbers for a batch), and every property as a top-level member.
 * A metric member holds at most 100 values, so a batch of more than 100 latencies is split over several lines (each a
 * complete EMF document with the dimensions and properties); PredictionCount is reported exactly once in total.
 * Throws an Error mentioning "namespace", "dimension", "latency", "count" or "property" (a property whose name
 * collides with a dimension, a metric or "_aws") for invalid input.
 */
export function emfLines(metrics: InferenceMetrics): string[] {
  return todo("aws-cloudwatch-emf");
}
