/**
 * Readiness as a small state machine. Liveness (/healthz) asks "is the process alive?"; readiness (/readyz) asks
 * "should traffic come here NOW?". A replica is ready only after its model loaded AND one warm-up prediction
 * succeeded, and stops being ready as soon as it starts shutting down, BEFORE it stops answering, so the load
 * balancer moves traffic away while requests in flight still finish.
 *
 *   starting -> loading -> warming -> ready -> draining
 *                  |          |                  ^
 *                  +-> failed <+   (any state) --+
 *
 * - failed -> loading is allowed (a retry of the load).
 * - draining is final, and it wins: a load that finishes after SIGTERM must not make the replica ready again, so the
 *   load steps called while draining are ignored (they return false) instead of throwing.
 * - every other move throws: ready() straight from loading would skip the warm-up, which is the bug this prevents.
 */

export type ReadinessState = "starting" | "loading" | "warming" | "ready" | "failed" | "draining";

export interface Readiness {
  readonly state: ReadinessState;
  /** Why the replica is not ready: the load error in "failed", a short note otherwise; undefined when ready. */
  readonly reason: string | undefined;
  /** True only in "ready". */
  isReady(): boolean;
  /** The model load begins. */
  loading(): boolean;
  /** The model is loaded; the warm-up prediction runs next. */
  warming(): boolean;
  /** The warm-up prediction succeeded. */
  ready(): boolean;
  /** Loading or the warm-up failed; `reason` says why. */
  failed(reason: string): boolean;
  /** SIGTERM: stop being ready for good. */
  draining(): boolean;
}

const ALLOWED: Record<ReadinessState, readonly ReadinessState[]> = {
  starting: ["loading", "draining"],
  loading: ["warming", "failed", "draining"],
  warming: ["ready", "failed", "draining"],
  ready: ["draining"],
  failed: ["loading", "draining"],
  draining: [],
};

const NOTES: Partial<Record<ReadinessState, string>> = {
  starting: "the model load has not started",
  loading: "the model is loading",
  warming: "the warm-up prediction is running",
  draining: "the server is shutting down",
};

export function createReadiness(): Readiness {
  let state: ReadinessState = "starting";
  let failure: string | undefined;

  const move = (next: ReadinessState, why?: string): boolean => {
    if (state === "draining") return false; // draining wins over anything still in progress
    if (!ALLOWED[state].includes(next)) {
      throw new Error(`readiness cannot go from "${state}" to "${next}" (allowed: ${ALLOWED[state].join(", ")}).`);
    }
    state = next;
    failure = next === "failed" ? why : undefined;
    return true;
  };

  return {
    get state() {
      return state;
    },
    get reason() {
      return state === "failed" ? failure : NOTES[state];
    },
    isReady: () => state === "ready",
    loading: () => move("loading"),
    warming: () => move("warming"),
    ready: () => move("ready"),
    failed: (reason: string) => move("failed", reason),
    draining: () => move("draining"),
  };
}
