// Image references in FROM lines: substitute global build args, then split registry / name / tag / digest.
import type { ImageRef } from "./types";

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Replace `$X`, `${X}`, `${X:-default}` and `${X:+alt}` using the ARG defaults declared before the first FROM
 * (the only args a FROM can see). Names with no default are reported so the caller can say so.
 */
export function substituteArgs(
  text: string,
  defaults: Map<string, string | null>,
): { value: string; unresolved: string[] } {
  const unresolved: string[] = [];
  const value = text.replace(VAR, (_m, braced: string | undefined, op: string | undefined, word, bare) => {
    const name = (braced ?? bare) as string;
    const v = defaults.get(name);
    const set = v !== undefined && v !== null && v !== "";
    if (op === "-") return set ? (v as string) : (word as string);
    if (op === "+") return set ? (word as string) : "";
    if (!set) unresolved.push(name);
    return set ? (v as string) : "";
  });
  return { value, unresolved };
}

/** Split `registry/path/name:tag@digest`. A ':' only starts a tag after the last '/', so `host:5000/app` works. */
export function parseImageRef(raw: string, defaults: Map<string, string | null>): ImageRef {
  const { value: resolved, unresolved } = substituteArgs(raw, defaults);
  let rest = resolved;
  let digest: string | null = null;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1) || null;
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(":");
  if (colon > rest.lastIndexOf("/")) {
    tag = rest.slice(colon + 1) || null;
    rest = rest.slice(0, colon);
  }
  // Drop a registry host (has a '.' or ':' or is "localhost") so "docker.io/library/node" and "node" compare.
  const parts = rest.split("/");
  if (parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === "localhost")) parts.shift();
  return { raw, resolved, name: parts.join("/").toLowerCase(), tag, digest, unresolvedArgs: unresolved };
}

/** Last path segment of the repository: "library/node" -> "node", "distroless/nodejs20-debian12" -> same tail. */
export function baseName(ref: ImageRef): string {
  const parts = ref.name.split("/");
  return parts[parts.length - 1];
}
