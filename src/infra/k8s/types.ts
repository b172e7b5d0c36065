// Shared shapes of the Kubernetes manifest checker: what a parsed object looks like and what a finding says.

// One Finding and Severity for every checker of src/infra.
export type { Finding, Severity } from "../findings";

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
