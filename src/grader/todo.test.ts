import assert from "node:assert/strict";
import { test } from "vitest";
import { isNotStarted, NotStartedError, todo } from "./todo";

test("todo throws a NotStartedError naming the exercise and the grade command", () => {
  assert.throws(
    () => todo("logreg"),
    (e: Error) => e instanceof NotStartedError && /npm run grade logreg/.test(e.message),
  );
});

test("isNotStarted sees the marker directly, through assertion wrappers and causes, and nowhere else", () => {
  const stub = new NotStartedError("x");
  assert.equal(isNotStarted(stub), true);
  let wrapped: unknown;
  try {
    assert.throws(() => todo("x"), /empty/);
  } catch (e) {
    wrapped = e;
  }
  assert.equal(isNotStarted(wrapped), true);
  assert.equal(isNotStarted(new Error("outer", { cause: stub })), true);
  assert.equal(isNotStarted(new Error("a real bug")), false);
  assert.equal(isNotStarted(undefined), false);
});
