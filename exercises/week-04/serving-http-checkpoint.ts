// Week 4 · Checkpoint: the model behind an HTTP API. Readiness that waits for the model, and a model file pinned
// to the exact version that was validated.
// Read "Checkpoint: the model behind an HTTP API" in notebooks/week-04-model-serving.ipynb first.
// Grade it with `npm run grade serving-http-checkpoint`; stuck? `npm run hint serving-http-checkpoint`.
// The grader plugs both functions into the capstone service, build({ readiness, loadModel }) from
// capstone/src/app.ts, and asks it GET /healthz, GET /readyz and POST /predict while the model loads, after it
// loaded, after a failed load and while shutting down.
import type { ServingModel } from "../../capstone/src/model";
import type { Readiness } from "../../capstone/src/readiness";
import { todo } from "../../src/grader/todo";

/**
 * The readiness state machine the service drives (see the Readiness interface in capstone/src/readiness.ts for
 * what each method means). States and the ONLY moves allowed:
 *
 *   starting -> loading -> warming -> ready -> draining
 *                  |          |                  ^
 *                  +-> failed <+   (any state) --+        and failed -> loading (a retry)
 *
 * - `state` starts as "starting"; isReady() is true only in "ready".
 * - loading(), warming(), ready(), failed(reason), draining() make the move and return true.
 * - A move that is not allowed throws an Error whose message names both states, e.g.
 *   'readiness cannot go from "loading" to "ready"': ready() straight after loading would skip the warm-up.
 * - "draining" is final and wins: once draining, every method (draining() too) returns false and changes nothing,
 *   WITHOUT throwing, because a model load still in progress when SIGTERM arrives will call warming()/ready() later.
 * - `reason`: in "failed", the reason given to failed(); undefined in "ready"; in every other state a short
 *   non-empty note for people (e.g. "the model is loading"), which the service shows in its 503 answers.
 */
export function createReadiness(): Readiness {
  return todo("serving-http-checkpoint");
}

/**
 * Loads the model for serving through the capstone's loader (loadServingModel in capstone/src/model.ts, which
 * uses src/ml's artifact loader: it already refuses a missing, truncated or corrupt file) and, when
 * `expectedChecksum` is given, refuses any artifact whose checksum is not exactly that one: an intact file that is
 * not the model that was validated must not serve. The Error message names both checksums (expected and found).
 * Throws an Error mentioning "checksum" at once, before reading anything, when expectedChecksum is given but is not
 * 64 lowercase hex characters (a typo in a deployment's MODEL_SHA256 must not look like a mismatch).
 */
export function loadPinnedModel(path: string, expectedChecksum?: string): ServingModel {
  return todo("serving-http-checkpoint");
}
