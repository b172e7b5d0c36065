import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { test } from "vitest";
import { chooseBackend } from "./backend";

/** Whether tfjs-node can be loaded here (it is an optionalDependency that needs internet to install). */
async function hasTfjsNode(): Promise<boolean> {
  try {
    await import("@tensorflow/tfjs-node" as string);
    return true;
  } catch {
    return false;
  }
}

test("chooseBackend picks tfjs-node when it loads, else wasm, says why, and actually computes", async () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(" "));
  let choice: Awaited<ReturnType<typeof chooseBackend>>;
  try {
    choice = await chooseBackend();
  } finally {
    console.log = log;
  }
  const expected = (await hasTfjsNode()) ? "tensorflow" : "wasm";
  assert.equal(choice.name, expected, `expected ${expected}, got ${choice.name}: ${choice.reason}`);
  assert.equal(tf.getBackend(), choice.name, "the chosen backend is the active one");
  if (expected === "wasm") {
    assert.match(choice.reason, /tfjs-node is not installed/, "the reason says why the faster backend was skipped");
    assert.match(choice.reason, /WebAssembly/);
  }
  assert.equal(lines.length, 1, `one line printed, got ${JSON.stringify(lines)}`);
  assert.match(lines[0], new RegExp(`^tfjs backend: ${choice.name} \\(.+\\)$`));
  const product = tf.tidy(() => tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).dataSync()[0]);
  assert.equal(product, 11, "a matmul on the chosen backend gives the right answer");
});

test("chooseBackend is idempotent: the same choice, printed once", async () => {
  const first = await chooseBackend({ quiet: true });
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(" "));
  try {
    assert.deepEqual(await chooseBackend(), first);
    assert.deepEqual(await chooseBackend(), first);
  } finally {
    console.log = log;
  }
  assert.deepEqual(lines, [], "later calls print nothing");
});

test("after someone switches backends, chooseBackend chooses again", async () => {
  const first = await chooseBackend({ quiet: true });
  await tf.setBackend("cpu");
  const again = await chooseBackend({ quiet: true });
  assert.equal(again.name, first.name);
  assert.equal(tf.getBackend(), first.name);
});
