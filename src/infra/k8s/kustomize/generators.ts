// Step 2: configMapGenerator and secretGenerator: literals, files and env files become a ConfigMap or Secret
// (behavior create, or merge/replace into one from the resources), with a hash suffix unless disabled.
import { basename } from "node:path";
import { isObject, type JsonObject } from "../types";
import type { Layer } from "./layer";
import { rel } from "./layer";

function parseEnvLines(text: string): [string, string][] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const i = l.indexOf("=");
      return (i < 0 ? [l, ""] : [l.slice(0, i), l.slice(i + 1)]) as [string, string];
    });
}

/** The key/value pairs of one generator entry, from its literals, files and env files. */
function generatorData(layer: Layer, key: string, g: JsonObject, line: number): Record<string, string> {
  const data: Record<string, string> = {};
  for (const lit of Array.isArray(g.literals) ? g.literals : []) {
    const [kk, ...rest] = String(lit).split("=");
    data[kk] = rest.join("=");
  }
  for (const f of Array.isArray(g.files) ? g.files : []) {
    const [kk, p] = String(f).includes("=") ? String(f).split("=", 2) : [basename(String(f)), String(f)];
    const text = layer.readInside(p, line, `${key} "${g.name}": file "${p}" does not exist.`);
    if (text !== undefined) data[kk] = text;
  }
  for (const f of Array.isArray(g.envs) ? g.envs : g.env ? [g.env] : []) {
    const text = layer.readInside(String(f), line, `${key} "${g.name}": env file "${f}" does not exist.`);
    if (text !== undefined) for (const [kk, v] of parseEnvLines(text)) data[kk] = v;
  }
  return data;
}

/** behavior merge/replace: change the ConfigMap/Secret of the same name from the resources. */
function mergeInto(layer: Layer, key: string, kind: string, g: JsonObject, encoded: JsonObject, line: number) {
  const behavior = g.behavior as string;
  const existing = layer.items.find((it) => it.obj.kind === kind && it.obj.name === g.name);
  if (!existing) {
    layer.err(
      line,
      `${key} "${g.name}" has behavior ${behavior} but no ${kind} "${g.name}" comes from the resources.`,
      "Use behavior: create (the default), or fix the name to match the base's generator.",
    );
    return;
  }
  const old = isObject(existing.obj.body.data) ? existing.obj.body.data : {};
  existing.obj.body.data = behavior === "merge" ? { ...old, ...encoded } : encoded;
}

function generate(layer: Layer, key: string, kind: "ConfigMap" | "Secret", g: JsonObject, line: number) {
  const encoded: JsonObject = {};
  for (const [kk, v] of Object.entries(generatorData(layer, key, g, line)))
    encoded[kk] = kind === "Secret" ? Buffer.from(v).toString("base64") : v;
  if (g.behavior === "merge" || g.behavior === "replace") return mergeInto(layer, key, kind, g, encoded, line);
  const name = g.name as string;
  const ns = typeof g.namespace === "string" ? g.namespace : undefined;
  const body: JsonObject = {
    apiVersion: "v1",
    kind,
    metadata: ns ? { name, namespace: ns } : { name },
    ...(kind === "Secret" ? { type: typeof g.type === "string" ? g.type : "Opaque" } : {}),
    data: encoded,
  };
  const options = isObject(layer.k.generatorOptions) ? layer.k.generatorOptions : {};
  const own = isObject(g.options) ? g.options : {};
  const file = rel(layer.ctx, layer.file);
  layer.items.push({
    obj: { docIndex: 0, line, file, apiVersion: "v1", kind, name, namespace: ns, body },
    hash: !(options.disableNameSuffixHash === true || own.disableNameSuffixHash === true),
  });
}

export function runGenerators(layer: Layer) {
  for (const [key, kind] of [
    ["configMapGenerator", "ConfigMap"],
    ["secretGenerator", "Secret"],
  ] as const) {
    layer.list(key).forEach((g, i) => {
      const line = layer.lineOf(key, i);
      if (!isObject(g) || typeof g.name !== "string") {
        layer.err(line, `${key} entry ${i + 1} has no name.`, "Give every generator entry a `name:`.");
        return;
      }
      generate(layer, key, kind, g, line);
    });
  }
}
