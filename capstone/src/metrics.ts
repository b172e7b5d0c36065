/**
 * Prometheus metrics of the API (prom-client), scraped at GET /metrics. Each app gets its own Registry, so two apps
 * in one test process never mix their numbers.
 *
 *   http_request_duration_seconds{method,route,status_code}   histogram: rate, latency percentiles, error ratio
 *   predictions_total{class}                                  counter: predicted classes (drift shows up here)
 *   prediction_batch_size                                     histogram: instances per predict request
 *   api_errors_total{code}                                    counter: error responses by code (errors.ts)
 *   model_info{version,checksum,source}                       gauge, 1: which model this replica serves, and whose
 *                                                             code made it (source "learner" or "reference")
 *   model_ready                                               gauge: 1 when /readyz says ready, else 0
 *   + prom-client's default process metrics (CPU, memory, event loop lag, GC)
 *
 * `route` is the route PATTERN ("/predict"), never the raw URL: raw URLs (and unmatched ones, labelled "unmatched")
 * would create a new time series per distinct path a scanner tries.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { ServingModel } from "./model";
import type { Readiness } from "./readiness";

export interface ApiMetrics {
  registry: Registry;
  requestDuration: Histogram<"method" | "route" | "status_code">;
  predictions: Counter<"class">;
  batchSize: Histogram<string>;
  errors: Counter<"code">;
  modelInfo: Gauge<"version" | "checksum" | "source">;
  /** Records which model is served (model_info) and sets the predictions counter's classes to 0. */
  setModel(model: ServingModel): void;
}

export interface MetricsOptions {
  readiness: Readiness;
  /** prom-client's process metrics (default true; they start a few timers, tests may turn them off). */
  defaultMetrics?: boolean;
}

export function createMetrics({ readiness, defaultMetrics = true }: MetricsOptions): ApiMetrics {
  const registry = new Registry();
  if (defaultMetrics) collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from the request's arrival to the end of its response, by method, route pattern and status code.",
    labelNames: ["method", "route", "status_code"] as const,
    // A single prediction takes well under a millisecond here: the buckets start fine-grained.
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const predictions = new Counter({
    name: "predictions_total",
    help: "Predictions served, by predicted class.",
    labelNames: ["class"] as const,
    registers: [registry],
  });
  const batchSize = new Histogram({
    name: "prediction_batch_size",
    help: "Instances per prediction request.",
    buckets: [1, 2, 5, 10, 50, 100, 500, 1000, 5000],
    registers: [registry],
  });
  const errors = new Counter({
    name: "api_errors_total",
    help: "Error responses, by error code (see capstone/docs/errors.md).",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const modelInfo = new Gauge({
    name: "model_info",
    help: "The model this replica serves (always 1; the labels carry the information; source: learner or reference).",
    labelNames: ["version", "checksum", "source"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "model_ready",
    help: "1 when the replica is ready to serve predictions (GET /readyz answers 200), else 0.",
    registers: [registry],
    collect() {
      this.set(readiness.isReady() ? 1 : 0);
    },
  });
  return {
    registry,
    requestDuration,
    predictions,
    batchSize,
    errors,
    modelInfo,
    setModel(model) {
      modelInfo.reset();
      modelInfo.set({ version: model.version, checksum: model.checksum, source: model.source }, 1);
      // Every class appears at 0 from the start, so rate() and dashboards see a class before its first prediction.
      for (const name of model.classNames) predictions.inc({ class: name }, 0);
    },
  };
}
