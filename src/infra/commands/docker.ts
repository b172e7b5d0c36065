// The docker commands and flags the course uses, with the spellings docker treats as the same
// (`-p` is `--publish`, `-v SRC:DST` is a `--mount`, `docker container run` is `docker run`).
import { type CommandSpec, f } from "./spec";

/** `8080:8080/tcp` -> `8080:8080` (tcp is the default). */
const publish = (v: string) => v.replace(/\/tcp$/i, "");

/** -v SRC:DST[:OPTS] -> the same mount written as --mount. A source with a / is a bind mount, else a named volume. */
function volumeToMount(v: string): string {
  const parts = v.split(":");
  if (parts.length === 1) return canonicalMount(`type=volume,target=${parts[0]}`);
  const [src, dst, opts = ""] = parts;
  const bind = src.startsWith("/") || src.startsWith(".") || src.startsWith("~");
  const ro = opts.split(",").includes("ro");
  return canonicalMount(`type=${bind ? "bind" : "volume"},source=${src},target=${dst}${ro ? ",readonly" : ""}`);
}

/** --mount key=value list in a fixed order, with its aliases (src, dst, destination, ro) resolved. */
function canonicalMount(v: string): string {
  const kv = new Map<string, string>();
  for (const part of v.split(",")) {
    const [k, ...rest] = part.split("=");
    const key = { src: "source", dst: "target", destination: "target", ro: "readonly" }[k] ?? k;
    kv.set(key, rest.join("="));
  }
  const ro = kv.has("readonly") && !["false", "0"].includes(kv.get("readonly") ?? "");
  kv.delete("readonly");
  const type = kv.get("type") ?? "volume";
  kv.delete("type");
  const ordered = [`type=${type}`];
  for (const k of ["source", "target"]) {
    if (!kv.has(k)) continue;
    ordered.push(`${k}=${kv.get(k)}`);
    kv.delete(k);
  }
  for (const k of [...kv.keys()].sort()) ordered.push(`${k}=${kv.get(k)}`);
  if (ro) ordered.push("readonly");
  return ordered.join(",");
}

const envValue = (v: string) => v;

/** The flags docker ps and docker images share. */
const LISTING = [
  f("all", "a"),
  f("quiet", "q"),
  f("filter", "f", "required", { set: true }),
  f("format", undefined, "required"),
];

export const DOCKER: Record<string, CommandSpec> = {
  build: {
    positionals: "plain",
    context: true,
    flags: [
      f("tag", "t", "required", { set: true }),
      f("file", "f", "required", { normalize: (v) => v.replace(/^\.\//, "") }),
      f("build-arg", undefined, "required", { set: true }),
      f("target", undefined, "required"),
      f("no-cache"),
      f("pull"),
      f("quiet", "q"),
      f("platform", undefined, "required"),
      f("label", undefined, "required", { set: true }),
      f("progress", undefined, "required"),
    ],
  },
  run: {
    positionals: "plain",
    stopAtFirstPositional: true,
    flags: [
      f("detach", "d"),
      f("rm"),
      f("name", undefined, "required"),
      f("publish", "p", "required", { set: true, normalize: publish }),
      f("publish-all", "P"),
      f("volume", "v", "required", { set: true, as: "mount", normalize: volumeToMount }),
      f("mount", undefined, "required", { set: true, normalize: canonicalMount }),
      f("env", "e", "required", { set: true, normalize: envValue }),
      f("env-file", undefined, "required", { set: true }),
      f("read-only"),
      f("user", "u", "required"),
      f("workdir", "w", "required"),
      f("network", undefined, "required"),
      f("net", undefined, "required", { as: "network" }),
      f("interactive", "i"),
      f("tty", "t"),
      f("restart", undefined, "required"),
      f("memory", "m", "required"),
      f("cpus", undefined, "required"),
      f("entrypoint", undefined, "required"),
      f("hostname", "h", "required"),
      f("init"),
      f("cap-drop", undefined, "required", { set: true }),
      f("cap-add", undefined, "required", { set: true }),
      f("security-opt", undefined, "required", { set: true }),
      f("tmpfs", undefined, "required", { set: true }),
      f("platform", undefined, "required"),
      f("pull", undefined, "required"),
    ],
  },
  exec: {
    positionals: "plain",
    stopAtFirstPositional: true,
    flags: [
      f("interactive", "i"),
      f("tty", "t"),
      f("detach", "d"),
      f("env", "e", "required", { set: true }),
      f("user", "u", "required"),
      f("workdir", "w", "required"),
    ],
  },
  logs: {
    positionals: "plain",
    flags: [
      f("follow", "f"),
      f("tail", "n", "required"),
      f("timestamps", "t"),
      f("since", undefined, "required"),
      f("until", undefined, "required"),
    ],
  },
  ps: {
    positionals: "plain",
    flags: [...LISTING, f("last", "n", "required"), f("latest", "l"), f("size", "s"), f("no-trunc")],
  },
  images: { positionals: "plain", flags: [...LISTING, f("digests")] },
  push: { positionals: "plain", flags: [f("all-tags", "a"), f("quiet", "q")] },
  pull: { positionals: "plain", flags: [f("all-tags", "a"), f("quiet", "q"), f("platform", undefined, "required")] },
  tag: { positionals: "plain", flags: [] },
  stop: {
    positionals: "plain",
    unorderedPositionals: true,
    flags: [f("time", "t", "required"), f("signal", "s", "required")],
  },
  rm: { positionals: "plain", unorderedPositionals: true, flags: [f("force", "f"), f("volumes", "v")] },
  rmi: { positionals: "plain", unorderedPositionals: true, flags: [f("force", "f"), f("no-prune")] },
  inspect: {
    positionals: "plain",
    flags: [f("format", "f", "required"), f("size", "s"), f("type", undefined, "required")],
  },
  stats: { positionals: "plain", flags: [f("no-stream"), f("all", "a"), f("format", undefined, "required")] },
  "volume create": {
    positionals: "plain",
    flags: [f("driver", "d", "required"), f("label", undefined, "required", { set: true })],
  },
  "volume ls": { positionals: "plain", flags: [f("quiet", "q"), f("filter", "f", "required", { set: true })] },
  "volume rm": { positionals: "plain", unorderedPositionals: true, flags: [f("force", "f")] },
  "network create": { positionals: "plain", flags: [f("driver", "d", "required"), f("subnet", undefined, "required")] },
  "network ls": { positionals: "plain", flags: [f("quiet", "q"), f("filter", "f", "required", { set: true })] },
  "network connect": { positionals: "plain", flags: [f("alias", undefined, "required", { set: true })] },
};

/** `docker container run` is `docker run`, `docker image build` is `docker build`, and so on. */
export const DOCKER_ALIASES: Record<string, string> = {
  "container run": "run",
  "container exec": "exec",
  "container logs": "logs",
  "container ls": "ps",
  "container list": "ps",
  "container ps": "ps",
  "container stop": "stop",
  "container rm": "rm",
  "container inspect": "inspect",
  "container stats": "stats",
  "image build": "build",
  "builder build": "build",
  "image ls": "images",
  "image list": "images",
  "image push": "push",
  "image pull": "pull",
  "image tag": "tag",
  "image rm": "rmi",
  "image inspect": "inspect",
  "volume list": "volume ls",
  "volume remove": "volume rm",
  "network list": "network ls",
};
