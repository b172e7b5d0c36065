// SL009 .dockerignore excludes node_modules, .git and .venv. No hadolint equivalent.
// Everything not ignored is sent to the builder as the build context: a host node_modules (wrong OS binaries),
// the whole git history and a virtualenv make builds slow and can leak into the image via `COPY . .`.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

export const REQUIRED_IGNORES = ["node_modules", ".git", ".venv"];

/** Translate a .dockerignore pattern to a RegExp over context-relative paths (`*`, `?`, `**`). */
function patternToRegExp(pattern: string): RegExp {
  let p = pattern.replace(/^\.\//, "").replace(/^\/+/, "").replace(/\/+$/, "");
  p = p.replace(/\/\*\*$/, ""); // "node_modules/**" excludes the folder's content, which is what we want
  let re = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "*" && p[i + 1] === "*") {
      re += ".*";
      i++;
      if (p[i + 1] === "/") i++;
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** Whether `.dockerignore` content excludes a top-level path; the last matching pattern wins, as in Docker. */
export function isIgnored(dockerignore: string, path: string): boolean {
  let ignored = false;
  for (const raw of dockerignore.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const negated = line.startsWith("!");
    const pattern = negated ? line.slice(1).trim() : line;
    if (pattern && patternToRegExp(pattern).test(path)) ignored = !negated;
  }
  return ignored;
}

export const dockerignore = defineRule("SL009", ({ options }) => {
  if (options.dockerignore === undefined) return [];
  if (options.dockerignore === null) {
    return [
      finding(
        dockerignore,
        0,
        "no .dockerignore: node_modules, .git and .venv are sent to the builder and can end up in the image",
        "Create .dockerignore next to the Dockerfile with at least:\nnode_modules\n.git\n.venv",
      ),
    ];
  }
  const out: Finding[] = [];
  for (const path of REQUIRED_IGNORES) {
    if (!isIgnored(options.dockerignore, path)) {
      out.push(
        finding(
          dockerignore,
          0,
          `.dockerignore does not exclude ${path}, so it is sent as build context and \`COPY . .\` copies it`,
          `Add a line \`${path}\` to .dockerignore.`,
        ),
      );
    }
  }
  return out;
});
