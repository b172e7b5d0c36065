// Picks the fastest TensorFlow.js backend that works on this machine, once, and says which and why.
// Loaded by notebooks and exercise tests, so it must compile under tslab (CommonJS, TypeScript 5.0) and tsx (ESM).
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { findRoot } from "../workspace/paths";

export type BackendName = "tensorflow" | "wasm" | "cpu";

export interface BackendChoice {
  name: BackendName;
  /** One sentence: why this backend, and what the faster ones said when they were tried. */
  reason: string;
}

export interface ChooseBackendOptions {
  /** Print nothing (the line "tfjs backend: …" is printed by default). */
  quiet?: boolean;
}

/**
 * A `require` that resolves packages from the workspace root. `require` itself exists under tslab (CommonJS) but
 * not in an ES module (tsx), and `import.meta` is banned in notebook-reachable code; createRequire works in both.
 */
function workspaceRequire(): NodeRequire {
  return createRequire(join(findRoot(), "package.json"));
}

/** The first line of an error's message, for a one-line reason. */
function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split("\n")[0];
}

/**
 * tfjs-node wraps the native TensorFlow C library: the fastest backend. It is an optionalDependency because its
 * install downloads libtensorflow, which fails without internet; so it may simply be absent.
 */
async function tryTensorflow(req: NodeRequire): Promise<string | null> {
  try {
    // Loading the package registers the "tensorflow" backend with the same tfjs-core that @tensorflow/tfjs uses.
    req("@tensorflow/tfjs-node");
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === "MODULE_NOT_FOUND"
      ? "@tensorflow/tfjs-node is not installed"
      : `tfjs-node failed to load (${firstLine(e)})`;
  }
  try {
    if (await tf.setBackend("tensorflow")) return null;
    return "tfjs-node loaded but its backend did not initialise";
  } catch (e) {
    return `tfjs-node's backend failed (${firstLine(e)})`;
  }
}

/**
 * The WebAssembly backend: compiled C++ kernels (XNNPACK) run by Node's wasm engine. In Node it must be told where
 * its .wasm binaries are; they ship inside the npm package's dist/ folder, so no download is needed.
 */
async function tryWasm(req: NodeRequire): Promise<string | null> {
  try {
    const dist = dirname(req.resolve("@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm"));
    // A prefix ending in "/" (not a file map): the backend appends the binary it wants (plain, SIMD or threaded).
    setWasmPaths(`${dist}/`);
    if (await tf.setBackend("wasm")) return null;
    return "the wasm backend did not initialise";
  } catch (e) {
    return `the wasm backend failed (${firstLine(e)})`;
  }
}

/**
 * Switches to one named backend, initialising it first if needed (for benchmarks and comparisons; notebooks use
 * chooseBackend). Throws with the reason when that backend cannot run here.
 */
export async function useBackend(name: BackendName): Promise<void> {
  const req = workspaceRequire();
  const problem =
    name === "tensorflow"
      ? await tryTensorflow(req)
      : name === "wasm"
        ? await tryWasm(req)
        : (await tf.setBackend("cpu"))
          ? null
          : "the cpu backend did not initialise";
  if (problem !== null) throw new Error(`cannot use the ${name} backend: ${problem}`);
  await tf.ready();
}

let chosen: Promise<BackendChoice> | null = null;

async function choose(): Promise<BackendChoice> {
  const req = workspaceRequire();
  const noTensorflow = await tryTensorflow(req);
  if (noTensorflow === null) {
    return { name: "tensorflow", reason: "tfjs-node loaded: native TensorFlow, the fastest backend" };
  }
  const noWasm = await tryWasm(req);
  if (noWasm === null) {
    const simd = (await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT")) ? "with SIMD" : "without SIMD";
    return {
      name: "wasm",
      reason: `${noTensorflow}, so WebAssembly (${simd}): about 30x faster than the pure-JS cpu backend on a 512x512 matmul`,
    };
  }
  await tf.setBackend("cpu");
  return {
    name: "cpu",
    reason: `${noTensorflow} and ${noWasm}, so the pure-JavaScript cpu backend (slow, always works)`,
  };
}

/**
 * Chooses the TensorFlow.js backend: tfjs-node ("tensorflow") when it loads, else WebAssembly ("wasm"), else the
 * pure-JavaScript "cpu" backend. Prints one line saying which and why, and returns the same.
 *
 * Idempotent: later calls return the first choice without printing again, as long as nobody switched backends in
 * between (tf.setBackend); if they did, it chooses afresh.
 */
export async function chooseBackend(opts: ChooseBackendOptions = {}): Promise<BackendChoice> {
  if (chosen) {
    const previous = await chosen;
    if (tf.getBackend() === previous.name) return previous;
  }
  chosen = choose();
  let choice: BackendChoice;
  try {
    choice = await chosen;
  } catch (err) {
    // Not even cpu worked (should not happen): forget the failure so a later call can try again.
    chosen = null;
    throw err;
  }
  await tf.ready();
  if (!opts.quiet) console.log(`tfjs backend: ${choice.name} (${choice.reason})`);
  return choice;
}
