// Malformed YAML never crashes the parser: each mistake becomes a K8S001/K8S002 finding on the right line.
import assert from "node:assert/strict";
import { test } from "vitest";
import { parseManifests } from "./parse";

const CM = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  x: y\n";

test("objects carry doc index, first line, apiVersion, kind, name, namespace, body", () => {
  const text = `# leading comment\n${CM}---\n\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n`;
  const { objects, errors } = parseManifests(text, "m.yaml");
  assert.deepEqual(errors, []);
  assert.deepEqual(
    objects.map((o) => [o.docIndex, o.line, o.apiVersion, o.kind, o.name, o.namespace, o.file]),
    [
      [0, 2, "v1", "ConfigMap", "a", undefined, "m.yaml"],
      [1, 10, "apps/v1", "Deployment", "web", "shop", "m.yaml"],
    ],
  );
  assert.deepEqual(objects[0].body.data, { x: "y" });
});

test("bad indentation points at the mis-indented line", () => {
  const { objects, errors } = parseManifests(
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n   namespace: b\n",
  );
  assert.equal(objects.length, 0);
  assert.ok(errors.length > 0);
  assert.equal(errors[0].rule, "K8S001");
  assert.ok([4, 5].includes(errors[0].line), `expected line 4 or 5, got ${errors[0].line}`);
});

test("a tab used for indentation", () => {
  const { errors } = parseManifests("apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: a\n", "t.yaml");
  assert.equal(errors[0].rule, "K8S001");
  assert.equal(errors[0].line, 4);
  assert.equal(errors[0].file, "t.yaml");
  assert.match(errors[0].message, /TAB/);
  assert.match(errors[0].fix, /spaces/);
});

test("an unterminated quote is reported where it was opened", () => {
  const { errors } = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "a\ndata:\n  x: y\n');
  assert.equal(errors[0].rule, "K8S001");
  assert.equal(errors[0].line, 4);
  assert.match(errors[0].message, /opened at line 4/);
});

test("duplicate keys are an error, not a silent overwrite", () => {
  const { errors } = parseManifests("apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: a}\n");
  assert.equal(errors[0].line, 3);
  assert.match(errors[0].message, /DUPLICATE_KEY/);
});

test("a document that is a list or a scalar", () => {
  const { objects, errors } = parseManifests(`${CM}---\n- a\n- b\n---\nhello\n---\n`);
  assert.equal(objects.length, 1, "the good document survives");
  assert.deepEqual(
    errors.map((e) => `${e.rule}:${e.line}`),
    ["K8S002:8", "K8S002:11"],
  );
  assert.match(errors[0].message, /list/);
  assert.match(errors[1].message, /string/);
});

test("missing kind / apiVersion / metadata.name", () => {
  const { errors } = parseManifests(
    "apiVersion: v1\nmetadata:\n  name: a\n---\nkind: Service\nmetadata: {name: b}\n---\napiVersion: v1\nkind: Secret\n",
  );
  assert.deepEqual(
    errors.map((e) => `${e.rule}:${e.line}`),
    ["K8S002:1", "K8S002:5", "K8S002:8"],
  );
  assert.match(errors[0].message, /kind/);
  assert.match(errors[1].message, /apiVersion/);
  assert.match(errors[2].message, /metadata\.name/);
});

test("one broken document does not hide the others; empty input is fine", () => {
  const { objects, errors } = parseManifests(`${CM}---\nkind: [\n---\n${CM}`);
  assert.equal(objects.length, 2);
  assert.equal(errors.length > 0, true);
  assert.deepEqual(parseManifests(""), { objects: [], errors: [] });
  assert.deepEqual(parseManifests("# only a comment\n"), { objects: [], errors: [] });
});

test("never throws on garbage", () => {
  for (const junk of ["{{{", "]]]", ":", "- - -", "'", "\t\t", "a: b: c", "&x [*x, *x]", "%TAG !x"]) {
    assert.doesNotThrow(() => parseManifests(junk), junk);
  }
});
