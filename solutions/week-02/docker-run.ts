// Week 2 · Docker concepts: turn a typed description of a container into the exact `docker run` command.
// Read the "Docker" section at the end of notebooks/week-02-supervised-learning.ipynb first.
// Reference solution: validate everything first, then emit the flags in one fixed order.
//
// The four nouns of Docker, and where each appears in a `docker run` command:
// - An IMAGE is a read-only, layered file system plus a config (CMD, ENV, USER, EXPOSE): a template, built once
//   by `docker build`, named repository:tag (forest-inference:0.1.0) or pinned exactly by digest (@sha256:...).
//   `latest` is just a tag that moves; a command that names it runs a different image next month.
// - A CONTAINER is one running (or stopped) instance of an image: the image's layers plus a thin writable layer
//   that disappears with `docker rm`. `docker run` = create + start. Many containers can share one image.
// - A VOLUME keeps data beyond a container's life. A NAMED volume (`--mount type=volume,source=pgdata,...`) is
//   created and managed by Docker; a BIND mount (`--mount type=bind,source=/home/me/models,...`) maps a host
//   folder and needs an absolute host path. Either can be mounted read-only.
// - A NETWORK connects containers: on a user-defined network (`docker network create ml-net`) they reach each
//   other by container name (http://api:8080). `--publish host:container` opens a container port on the host;
//   with `--network host` the container shares the host's network and --publish means nothing.

/** `--publish [hostIp:]host:container[/udp]`: traffic to the host's port goes to the container's port. */
export interface PortMapping {
  /** Port on the host, 1-65535. */
  host: number;
  /** Port the process inside the container listens on, 1-65535. */
  container: number;
  /** Default "tcp" (not written in the flag); "udp" adds "/udp". */
  protocol?: "tcp" | "udp";
  /** Listen only on this host address, e.g. "127.0.0.1" to keep a port off the network. */
  hostIp?: string;
}

/** A named volume (managed by Docker) or a bind mount (a host folder). Written as one `--mount` flag each. */
export type Mount =
  | { kind: "volume"; name: string; target: string; readOnly?: boolean }
  | { kind: "bind"; source: string; target: string; readOnly?: boolean };

/** Everything the command says about the container; only `image` is required. */
export interface RunOptions {
  /** repository:tag or repository@sha256:digest, e.g. "forest-inference:0.1.0". Never untagged, never :latest. */
  image: string;
  /** `--name`: [a-zA-Z0-9][a-zA-Z0-9_.-]*, how other containers on the network and you (docker logs api) find it. */
  name?: string;
  /** `--detach`: run in the background and print the container id. */
  detach?: boolean;
  /** `--rm`: delete the container (not its volumes) when it stops. */
  rm?: boolean;
  /** `--network <name>`. */
  network?: string;
  ports?: PortMapping[];
  mounts?: Mount[];
  /** `--env KEY=value`, one flag per key, keys sorted so the same options always give the same command. */
  env?: Record<string, string>;
  /** `--read-only`: the container's own file system is read-only (mounts keep their own mode). */
  readOnly?: boolean;
  /** `--user name`, `--user uid` or `--user uid:gid`. */
  user?: string;
  /** Arguments after the image: they replace the image's CMD. */
  command?: string[];
}

/**
 * The argv of `docker run` for these options, flags in this fixed order (each only when given):
 *
 *   docker run --detach --rm --name N --network NET --publish P... --mount M... --env K=V... --read-only
 *     --user U IMAGE COMMAND...
 *
 * - `--publish` value: `host:container`, prefixed with `hostIp:` when given, suffixed `/udp` for udp.
 * - `--mount` value: `type=volume,source=NAME,target=PATH` or `type=bind,source=PATH,target=PATH`, then
 *   `,readonly` when readOnly is true.
 * - Flags and their values are separate array elements (`"--name", "api"`), exactly as a shell would split them.
 *
 * Throws an Error whose message contains:
 * - "tag" when the image has no tag or digest, "latest" when the tag is latest;
 * - "name" for an invalid container name;
 * - "port" for a port outside 1-65535 or not an integer, "twice" for the same host port (and ip, protocol) twice;
 * - "absolute" for a bind source or any target that is not an absolute path ("/..."), "volume name" for a volume
 *   name that is not [a-zA-Z0-9][a-zA-Z0-9_.-]*, "comma" for a comma in a mount path (it would split the flag),
 *   "target" when two mounts share a target;
 * - "env" for a key that is not [A-Za-z_][A-Za-z0-9_]*;
 * - "host" when network is "host" and ports are given (host networking has no port mapping);
 * - "user" for a user that is not a name, a uid, or uid:gid.
 */
export function planRun(options: RunOptions): string[] {
  const { image, name, network, ports = [], mounts = [], env = {}, user, command = [] } = options;
  checkImage(image);
  if (name !== undefined && !NAME.test(name)) throw new Error(`invalid container name "${name}": use ${NAME}`);
  if (network === "host" && ports.length > 0) {
    throw new Error("--network host shares the host's ports, so --publish has no effect: drop the ports");
  }
  if (user !== undefined && !USER.test(user)) throw new Error(`invalid user "${user}": a name, a uid or uid:gid`);

  const argv = ["docker", "run"];
  if (options.detach) argv.push("--detach");
  if (options.rm) argv.push("--rm");
  if (name !== undefined) argv.push("--name", name);
  if (network !== undefined) argv.push("--network", network);
  const published = new Set<string>();
  for (const p of ports) {
    for (const port of [p.host, p.container]) {
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`port ${port} is outside 1-65535`);
    }
    const protocol = p.protocol ?? "tcp";
    const key = `${p.hostIp ?? "*"}:${p.host}/${protocol}`;
    if (published.has(key)) throw new Error(`host port ${p.host}/${protocol} is published twice`);
    published.add(key);
    const hostPart = p.hostIp ? `${p.hostIp}:${p.host}` : `${p.host}`;
    argv.push("--publish", `${hostPart}:${p.container}${protocol === "udp" ? "/udp" : ""}`);
  }
  const targets = new Set<string>();
  for (const m of mounts) argv.push("--mount", mountValue(m, targets));
  for (const key of Object.keys(env).sort()) {
    if (!ENV_KEY.test(key)) throw new Error(`invalid env key "${key}": use ${ENV_KEY}`);
    argv.push("--env", `${key}=${env[key]}`);
  }
  if (options.readOnly) argv.push("--read-only");
  if (user !== undefined) argv.push("--user", user);
  return [...argv, image, ...command];
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const USER = /^([a-z_][a-z0-9_-]*|\d+)(:\d+)?$/;

/** The tag is after the last ":" of the last path segment: "localhost:5000/app" has a registry port, no tag. */
function checkImage(image: string): void {
  if (image.includes("@sha256:")) return;
  const last = image.split("/").pop() ?? "";
  const colon = last.lastIndexOf(":");
  if (colon < 0 || colon === last.length - 1) {
    throw new Error(`image "${image}" has no tag, which means :latest: pin one, e.g. ${image}:1.0.0`);
  }
  if (last.slice(colon + 1) === "latest") throw new Error(`image "${image}" uses :latest, which moves: pin a version`);
}

function mountValue(m: Mount, targets: Set<string>): string {
  if (!m.target.startsWith("/")) throw new Error(`mount target "${m.target}" must be an absolute path`);
  if (targets.has(m.target)) throw new Error(`two mounts share the target ${m.target}`);
  targets.add(m.target);
  let source: string;
  if (m.kind === "bind") {
    if (!m.source.startsWith("/")) {
      throw new Error(`bind source "${m.source}" must be an absolute path (a relative one would be a volume name)`);
    }
    source = m.source;
  } else {
    if (!NAME.test(m.name)) throw new Error(`invalid volume name "${m.name}": use ${NAME}`);
    source = m.name;
  }
  if (source.includes(",") || m.target.includes(",")) {
    throw new Error(`a comma in a mount path would split the --mount value: ${source} -> ${m.target}`);
  }
  return `type=${m.kind},source=${source},target=${m.target}${m.readOnly ? ",readonly" : ""}`;
}
