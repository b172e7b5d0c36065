// Shared shapes of the Kubernetes manifest checker: what a parsed object looks like and what a finding says.

export type Severity = "error" | "warning" | "info";

/** One problem found in a manifest, phrased the way a reviewer would leave it on a pull request. */
export interface Finding {
  /** Stable id, e.g. "K8S020"; RULES in rules/index.ts lists them all with their default severity. */
  rule: string;
  severity: Severity;
  /** The file the object came from, when known (kustomize builds always know it). */
  file?: string;
  /** 1-based line: the first line of the object (its `apiVersion:` line) or of the YAML error. */
  line: number;
  /** "Kind/name" of the object the finding is about. */
  object?: string;
  /** JSON-pointer-like path of the offending field, e.g. "/spec/replicas", when there is one. */
  path?: string;
  message: string;
  /** What to change, concretely. */
  fix: string;
}

/** A plain JSON-like mapping: what a YAML document decodes to. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One Kubernetes object read from a YAML stream. */
export interface ManifestObject {
  /** 0-based index of the YAML document in its file. */
  docIndex: number;
  /** 1-based line of the object's first key. */
  line: number;
  file?: string;
  apiVersion: string;
  kind: string;
  name: string;
  /** metadata.namespace, or undefined when the object does not set one (the "current" namespace). */
  namespace?: string;
  /** The whole decoded object. */
  body: JsonObject;
}

export function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** "Kind/name", the way kubectl names an object. */
export function ref(o: Pick<ManifestObject, "kind" | "name">): string {
  return `${o.kind}/${o.name}`;
}
