// JSON Patch (RFC 6902) with JSON Pointers (RFC 6901): the other patch format kustomize accepts, a list of ops such
// as `- op: replace, path: /spec/type, value: NodePort`. Precise where strategic merge is coarse: it can replace one
// list item by index, or remove a single field. Pointers escape "/" as ~1 and "~" as ~0; "-" appends to a list.
import { isObject, type Json, type JsonObject } from "./types";

export interface JsonPatchOp {
  op: "add" | "remove" | "replace" | "move" | "copy" | "test";
  path: string;
  value?: Json;
  from?: string;
}

export class JsonPatchError extends Error {
  constructor(
    readonly index: number,
    message: string,
  ) {
    super(`op ${index + 1}: ${message}`);
    this.name = "JsonPatchError";
  }
}

/** "/spec/ports/0/name" -> ["spec", "ports", "0", "name"]; "" is the whole document. */
export function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) throw new Error(`"${pointer}" is not a JSON pointer (it must start with /)`);
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Container = JsonObject | Json[];

/** The parent of the pointed-at value and the last key, or an error when the parent does not exist. */
function locate(doc: Json, tokens: string[], what: string): { parent: Container; key: string } {
  let cur: Json = doc;
  for (const t of tokens.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur)
      ? cur[arrayIndex(cur, t, false, what)]
      : isObject(cur)
        ? cur[t]
        : undefined;
    if (next === undefined || next === null || typeof next !== "object") {
      throw new Error(`${what}: /${tokens.join("/")} goes through "${t}", which does not exist or is not a map/list`);
    }
    cur = next;
  }
  if (!Array.isArray(cur) && !isObject(cur)) throw new Error(`${what}: the parent of /${tokens.join("/")} is a scalar`);
  return { parent: cur, key: tokens[tokens.length - 1] };
}

function arrayIndex(list: Json[], token: string, forAdd: boolean, what: string): number {
  if (forAdd && token === "-") return list.length;
  if (!/^(0|[1-9]\d*)$/.test(token)) throw new Error(`${what}: "${token}" is not a list index`);
  const i = Number(token);
  if (i > list.length || (!forAdd && i === list.length)) {
    throw new Error(`${what}: index ${i} is out of range (the list has ${list.length} items)`);
  }
  return i;
}

function get(doc: Json, pointer: string, what: string): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return doc;
  const { parent, key } = locate(doc, tokens, what);
  const v = Array.isArray(parent) ? parent[arrayIndex(parent, key, false, what)] : parent[key];
  if (v === undefined) throw new Error(`${what}: ${pointer} does not exist`);
  return v;
}

function add(doc: Json, pointer: string, value: Json, what: string): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) return value;
  const { parent, key } = locate(doc, tokens, what);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true, what), 0, value);
  else parent[key] = value;
  return doc;
}

function remove(doc: Json, pointer: string, what: string): Json {
  const tokens = parsePointer(pointer);
  if (tokens.length === 0) throw new Error(`${what}: cannot remove the whole document`);
  const { parent, key } = locate(doc, tokens, what);
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false, what), 1);
  else if (!(key in parent)) throw new Error(`${what}: ${pointer} does not exist`);
  else delete parent[key];
  return doc;
}

/** Apply the ops in order to a copy of `doc`. Throws JsonPatchError naming the op that failed. */
export function applyJsonPatch(doc: Json, ops: unknown[]): Json {
  let out = JSON.parse(JSON.stringify(doc)) as Json;
  ops.forEach((raw, i) => {
    try {
      if (!isObject(raw as Json)) throw new Error("each op must be a map with op and path");
      const op = raw as unknown as JsonPatchOp;
      if (typeof op.path !== "string") throw new Error("missing path");
      const what = `${op.op} ${op.path}`;
      const copy = (v: Json) => JSON.parse(JSON.stringify(v)) as Json;
      switch (op.op) {
        case "add":
          if (op.value === undefined) throw new Error(`${what}: missing value`);
          out = add(out, op.path, copy(op.value), what);
          break;
        case "remove":
          out = remove(out, op.path, what);
          break;
        case "replace":
          if (op.value === undefined) throw new Error(`${what}: missing value`);
          get(out, op.path, what); // replace requires the target to exist (RFC 6902 4.3)
          out = op.path === "" ? copy(op.value) : add(remove(out, op.path, what), op.path, copy(op.value), what);
          break;
        case "move":
        case "copy": {
          if (typeof op.from !== "string") throw new Error(`${what}: missing from`);
          const v = copy(get(out, op.from, what));
          if (op.op === "move") out = remove(out, op.from, what);
          out = add(out, op.path, v, what);
          break;
        }
        case "test":
          if (JSON.stringify(get(out, op.path, what)) !== JSON.stringify(op.value)) {
            throw new Error(`${what}: the value is not ${JSON.stringify(op.value)}`);
          }
          break;
        default:
          throw new Error(`unknown op "${String((raw as JsonObject).op)}" (add, remove, replace, move, copy, test)`);
      }
    } catch (e) {
      throw new JsonPatchError(i, (e as Error).message);
    }
  });
  return out;
}
