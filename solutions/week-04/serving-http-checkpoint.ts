// Week 4 · Checkpoint: readiness that waits for the model, and a pinned model file (reference solution).
import { loadServingModel, type ServingModel } from "../../capstone/src/model";
import type { Readiness, ReadinessState } from "../../capstone/src/readiness";

/** The only moves allowed from each state; anything else is a bug in the caller and throws. */
const NEXT: Record<ReadinessState, readonly ReadinessState[]> = {
  starting: ["loading", "draining"],
  loading: ["warming", "failed", "draining"],
  warming: ["ready", "failed", "draining"],
  ready: ["draining"],
  failed: ["loading", "draining"],
  draining: [],
};

const NOTES: Record<Exclude<ReadinessState, "ready" | "failed">, string> = {
  starting: "the model load has not started",
  loading: "the model is loading",
  warming: "the warm-up prediction is running",
  draining: "the server is shutting down",
};

export function createReadiness(): Readiness {
  let state: ReadinessState = "starting";
  let failure = "";
  const move = (next: ReadinessState, why = ""): boolean => {
    // Draining wins: a load that finishes after SIGTERM must neither make the replica ready nor crash it.
    if (state === "draining") return false;
    if (!NEXT[state].includes(next)) {
      throw new Error(`readiness cannot go from "${state}" to "${next}" (allowed: ${NEXT[state].join(", ")})`);
    }
    state = next;
    failure = why;
    return true;
  };
  return {
    get state() {
      return state;
    },
    get reason() {
      if (state === "ready") return undefined;
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

const SHA256 = /^[0-9a-f]{64}$/;

export function loadPinnedModel(path: string, expectedChecksum?: string): ServingModel {
  if (expectedChecksum !== undefined && !SHA256.test(expectedChecksum)) {
    throw new Error(`the expected checksum must be 64 lowercase hex characters (sha256), got "${expectedChecksum}"`);
  }
  // Integrity (the file matches its own checksum) is the loader's job; identity (it is THE validated model) is ours.
  const model = loadServingModel(path);
  if (expectedChecksum !== undefined && model.checksum !== expectedChecksum) {
    throw new Error(
      `model checksum mismatch: expected ${expectedChecksum}, found ${model.checksum} in ${path} ` +
        `(version ${model.version}); refusing to serve a model that was not validated`,
    );
  }
  return model;
}
