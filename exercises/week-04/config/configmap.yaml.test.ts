// Grades exercises/week-04/config/{configmap,secret,deployment}.yaml (and proves the solution twins with this file).
// Static checks, as there is no cluster: the Kubernetes checker must be clean, and the env the container would get
// is worked out the way the kubelet does it (envFrom first, then env, later entries winning) to prove every setting
// arrives from the right place and the API key comes only from the Secret.
import assert from "node:assert/strict";
import { test } from "vitest";
import { stringify } from "yaml";
import { readExerciseFile } from "../../../src/grader/exercise-file";
import type { JsonObject, ManifestObject } from "../../../src/infra/k8s";
import { checkManifests, formatFindings, parseManifests } from "../../../src/infra/k8s";

const ID = "config-and-secret";
const DIR = "week-04/config";
const CONFIG_KEYS = ["MODEL_PATH", "LOG_LEVEL"];
const SECRET_KEY = "API_KEY";
const LEVELS = ["debug", "info", "warn", "error"];

const obj = (v: unknown): JsonObject =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : {};
const list = (v: unknown): JsonObject[] => (Array.isArray(v) ? v.map(obj) : []);

interface Files {
  texts: string[];
  configMap: ManifestObject;
  secret: ManifestObject;
  deployment: ManifestObject;
}

function load(): Files {
  const one = (file: string, kind: string): [string, ManifestObject] => {
    const text = readExerciseFile(`${DIR}/${file}`, ID);
    const { objects, errors } = parseManifests(text, file);
    assert.equal(errors.length, 0, `${file} does not parse:\n${formatFindings(errors)}`);
    assert.equal(objects.length, 1, `${file} should hold exactly one object, got ${objects.length}`);
    assert.equal(objects[0].kind, kind, `${file} should hold a ${kind}, got ${objects[0].kind}`);
    return [text, objects[0]];
  };
  const [c, configMap] = one("configmap.yaml", "ConfigMap");
  const [s, secret] = one("secret.yaml", "Secret");
  const [d, deployment] = one("deployment.yaml", "Deployment");
  return { texts: [c, s, d], configMap, secret, deployment };
}

/** The Secret's decoded values: data is base64 (checked strictly), stringData is plain and wins on a clash. */
function secretValues(secret: ManifestObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj(secret.body.data))) {
    const s = String(v);
    assert.match(s, /^[A-Za-z0-9+/]*={0,2}$/, `data.${k} must be base64 (printf %s 'value' | base64), got "${s}"`);
    const decoded = Buffer.from(s, "base64").toString("utf8");
    assert.equal(Buffer.from(decoded, "utf8").toString("base64"), s, `data.${k} is not valid base64 of a text value`);
    out[k] = decoded;
  }
  for (const [k, v] of Object.entries(obj(secret.body.stringData))) out[k] = String(v);
  return out;
}

type Source = { from: "ConfigMap" | "Secret"; name: string; key: string } | { from: "literal"; value: string };

/** What the kubelet would set each env var from: envFrom in order, then env (env wins over envFrom). */
function envSources(c: JsonObject, f: Files): Map<string, Source> {
  const env = new Map<string, Source>();
  const keysOf = (kind: "ConfigMap" | "Secret", name: unknown): string[] => {
    if (kind === "ConfigMap") return name === f.configMap.name ? Object.keys(obj(f.configMap.body.data)) : [];
    return name === f.secret.name ? Object.keys(secretValues(f.secret)) : [];
  };
  for (const e of list(c.envFrom)) {
    const prefix = typeof e.prefix === "string" ? e.prefix : "";
    for (const kind of ["ConfigMap", "Secret"] as const) {
      const ref = obj(e[kind === "ConfigMap" ? "configMapRef" : "secretRef"]);
      for (const key of keysOf(kind, ref.name)) env.set(prefix + key, { from: kind, name: String(ref.name), key });
    }
  }
  for (const e of list(c.env)) {
    const name = String(e.name);
    const vf = obj(e.valueFrom);
    const cm = obj(vf.configMapKeyRef);
    const sk = obj(vf.secretKeyRef);
    if (e.value !== undefined) env.set(name, { from: "literal", value: String(e.value) });
    else if (cm.name !== undefined) env.set(name, { from: "ConfigMap", name: String(cm.name), key: String(cm.key) });
    else if (sk.name !== undefined) env.set(name, { from: "Secret", name: String(sk.name), key: String(sk.key) });
  }
  return env;
}

function serverContainer(d: ManifestObject): JsonObject {
  const cs = list(obj(obj(obj(d.body.spec).template).spec).containers);
  assert.equal(cs.length, 1, `the pod should run exactly one container (the server), got ${cs.length}`);
  return cs[0];
}

test("the checker finds no errors and no warnings in the three files together", () => {
  const f = load();
  const bad = checkManifests(f.texts.join("\n---\n"), { file: DIR }).filter((x) => x.severity !== "info");
  assert.equal(bad.length, 0, `expected no findings, got:\n${formatFindings(bad)}`);
});

test("the ConfigMap holds MODEL_PATH (an absolute path) and LOG_LEVEL, and no API key", () => {
  const data = obj(load().configMap.body.data);
  assert.match(
    String(data.MODEL_PATH),
    /^\/\S+$/,
    `MODEL_PATH should be an absolute path, got ${String(data.MODEL_PATH)}`,
  );
  assert.ok(
    LEVELS.includes(String(data.LOG_LEVEL)),
    `LOG_LEVEL should be one of ${LEVELS.join("/")}, got ${String(data.LOG_LEVEL)}`,
  );
  assert.ok(!(SECRET_KEY in data), "API_KEY must not be in the ConfigMap: it belongs in the Secret");
});

test("the Secret is an Opaque Secret with a non-empty API_KEY (stringData, or base64 data)", () => {
  const { secret } = load();
  const type = secret.body.type ?? "Opaque";
  assert.equal(type, "Opaque", `type: expected Opaque (a generic key/value Secret), got ${String(type)}`);
  const values = secretValues(secret);
  assert.ok((values[SECRET_KEY] ?? "").trim().length > 0, `the Secret needs a non-empty ${SECRET_KEY}`);
});

test("the container gets MODEL_PATH and LOG_LEVEL from the ConfigMap and API_KEY from the Secret", () => {
  const f = load();
  const env = envSources(serverContainer(f.deployment), f);
  for (const key of CONFIG_KEYS) {
    const s = env.get(key);
    assert.ok(s, `the container gets no ${key}: add envFrom.configMapRef or env.valueFrom.configMapKeyRef`);
    assert.equal(s.from, "ConfigMap", `${key} should come from the ConfigMap, got ${JSON.stringify(s)}`);
  }
  const api = env.get(SECRET_KEY);
  assert.ok(api, "the container gets no API_KEY: add envFrom.secretRef or env.valueFrom.secretKeyRef");
  assert.equal(api.from, "Secret", `API_KEY should come from the Secret, got ${JSON.stringify(api)}`);
});

test("the API key's value appears nowhere but the Secret", () => {
  const f = load();
  const key = secretValues(f.secret)[SECRET_KEY] ?? "";
  assert.ok(key.length > 0, "the Secret needs an API_KEY");
  for (const [i, file] of [
    [0, "configmap.yaml"],
    [2, "deployment.yaml"],
  ] as const) {
    assert.ok(!f.texts[i].includes(key), `${file} contains the API key's value: it must live only in secret.yaml`);
  }
});

test("the checker rejects the API key in a ConfigMap (K8S042): a bad copy of your files, built here", () => {
  const f = load();
  const key = secretValues(f.secret)[SECRET_KEY] ?? "";
  // The tempting shortcut: put the key next to the other settings and read everything with one configMapRef.
  const leaky = structuredClone(f.configMap.body);
  leaky.data = { ...obj(leaky.data), [SECRET_KEY]: key };
  const findings = checkManifests([f.texts[1], f.texts[2], stringify(leaky)].join("\n---\n"), { file: "leaky" });
  const k042 = findings.filter((x) => x.rule === "K8S042");
  assert.equal(k042.length, 1, `expected one K8S042 finding on the leaky copy, got:\n${formatFindings(findings)}`);
  assert.equal(k042[0].severity, "error");
  assert.match(k042[0].message, /API_KEY/);
});
