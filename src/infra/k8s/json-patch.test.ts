// JSON Patch against the examples of RFC 6902 appendix A (adding, removing, replacing, moving, testing, escaping).
import assert from "node:assert/strict";
import { test } from "vitest";
import { applyJsonPatch, parsePointer } from "./json-patch";
import type { Json } from "./types";

const patch = (doc: Json, ...ops: unknown[]) => applyJsonPatch(doc, ops);

test("A.1/A.2/A.3: add a member, insert into a list, remove a member", () => {
  assert.deepEqual(patch({ foo: "bar" }, { op: "add", path: "/baz", value: "qux" }), { foo: "bar", baz: "qux" });
  assert.deepEqual(patch({ foo: ["bar", "baz"] }, { op: "add", path: "/foo/1", value: "qux" }), {
    foo: ["bar", "qux", "baz"],
  });
  assert.deepEqual(patch({ baz: "qux", foo: "bar" }, { op: "remove", path: "/baz" }), { foo: "bar" });
});

test("A.4/A.5/A.6: remove a list item, replace a value, move a value", () => {
  assert.deepEqual(patch({ foo: ["bar", "qux", "baz"] }, { op: "remove", path: "/foo/1" }), { foo: ["bar", "baz"] });
  assert.deepEqual(patch({ baz: "qux", foo: "bar" }, { op: "replace", path: "/baz", value: "boo" }), {
    baz: "boo",
    foo: "bar",
  });
  assert.deepEqual(
    patch(
      { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
      { op: "move", from: "/foo/waldo", path: "/qux/thud" },
    ),
    { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
  );
});

test("A.9/A.10/A.16: a failing test, adding to a missing parent, appending with -", () => {
  assert.throws(() => patch({ baz: "qux" }, { op: "test", path: "/baz", value: "bar" }), /op 1: test \/baz/);
  assert.throws(() => patch({ foo: "bar" }, { op: "add", path: "/baz/bat", value: "qux" }), /does not exist/);
  assert.deepEqual(patch({ foo: ["bar"] }, { op: "add", path: "/foo/-", value: ["abc", "def"] }), {
    foo: ["bar", ["abc", "def"]],
  });
});

test("pointers escape / as ~1 and ~ as ~0 (annotation keys such as prometheus.io/port)", () => {
  assert.deepEqual(parsePointer("/metadata/annotations/prometheus.io~1port"), [
    "metadata",
    "annotations",
    "prometheus.io/port",
  ]);
  assert.deepEqual(parsePointer("/a~01"), ["a~1"]);
  assert.deepEqual(
    patch(
      { metadata: { annotations: {} } },
      { op: "add", path: "/metadata/annotations/prometheus.io~1port", value: "9464" },
    ),
    { metadata: { annotations: { "prometheus.io/port": "9464" } } },
  );
});

test("replace needs an existing target; out-of-range indexes and bad pointers are errors; the input is untouched", () => {
  const doc = { spec: { ports: [{ port: 80 }] } };
  assert.throws(() => patch(doc, { op: "replace", path: "/spec/type", value: "NodePort" }), /does not exist/);
  assert.throws(() => patch(doc, { op: "remove", path: "/spec/ports/3" }), /out of range/);
  assert.throws(() => patch(doc, { op: "add", path: "spec", value: 1 }), /not a JSON pointer/);
  assert.throws(() => patch(doc, { op: "frobnicate", path: "/spec" }), /unknown op/);
  assert.deepEqual(doc, { spec: { ports: [{ port: 80 }] } });
});
