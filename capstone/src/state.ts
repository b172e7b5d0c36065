/**
 * What the routes share: the configuration, the readiness machine, the metrics, and the model once it is ready.
 * build() creates one per app and decorates the Fastify instance with it (`app.serving`).
 */
import type { Config } from "./config";
import type { ApiMetrics } from "./metrics";
import type { ServingModel } from "./model";
import type { RunBatch } from "./predict/batch";
import type { InstanceValidator } from "./predict/validate";
import type { Readiness } from "./readiness";

export interface ServingState {
  readonly config: Config;
  readonly readiness: Readiness;
  readonly metrics: ApiMetrics;
  readonly runBatch: RunBatch;
  /** Set only after the model loaded AND its warm-up prediction succeeded. */
  model: ServingModel | null;
  /** The model's instance schema, compiled; set together with `model`. */
  validator: InstanceValidator | null;
  /** Settles when the load attempt has ended, ready or failed (tests await it). */
  readonly loaded: Promise<void>;
}

declare module "fastify" {
  interface FastifyInstance {
    serving: ServingState;
  }
  interface FastifyRequest {
    /** The error code this request was answered with, for the access log and api_errors_total. */
    errorCode: string | null;
  }
}
