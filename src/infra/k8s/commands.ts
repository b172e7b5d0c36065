// Compare docker and kubectl command lines the way an experienced reviewer reads them: `-p 8080:80` is
// `--publish=8080:80`, `-it` is `-i -t`, `deploy/api` is `deployment api`, flag order does not matter (repeated
// --env/--publish/--build-arg flags form a set), but everything after `docker run IMAGE` or `kubectl exec POD --` is
// the container's own command, in order. Lives beside the manifest checks because graders of Docker and Kubernetes
// exercises share it. Only the commands and flags a study course needs are known; anything else is reported as
// unknown instead of guessed, since guessing whether an unknown flag takes a value would misread the rest.

type ValueKind = "none" | "required" | "optional";

interface FlagSpec {
  long: string;
  short?: string;
  value: ValueKind;
  /** Repeated flags whose order does not matter (--env, --publish): compared as a multiset. */
  set?: boolean;
  /** Store under another canonical name (-v/--volume is stored as a mount). */
  as?: string;
  normalize?: (v: string) => string;
  /** The value an optional-value flag takes when written bare (`--dry-run` means client). */
  bare?: string;
}

interface CommandSpec {
  flags: FlagSpec[];
  /** How positionals are read: kubectl resources (TYPE NAME, TYPE/NAME), a pod first (logs, exec), or as given. */
  positionals: "resources" | "pod-first" | "plain";
  /** docker run/exec: the first positional (image, container) ends flag parsing; the rest is the command. */
  stopAtFirstPositional?: boolean;
  /** Positionals that are a set (kubectl get pods a b == get pods b a). */
  unorderedPositionals?: boolean;
  /** docker build: the first positional is the build context (./ is .), and -f <context>/Dockerfile is the default. */
  context?: boolean;
  /** kubectl logs POD CONTAINER means kubectl logs POD -c CONTAINER. */
  containerPositional?: boolean;
}

const f = (long: string, short?: string, value: ValueKind = "none", extra: Partial<FlagSpec> = {}): FlagSpec => ({
  long,
  short,
  value,
  ...extra,
});

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

const DOCKER: Record<string, CommandSpec> = {
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
    flags: [
      f("all", "a"),
      f("quiet", "q"),
      f("filter", "f", "required", { set: true }),
      f("format", undefined, "required"),
      f("last", "n", "required"),
      f("latest", "l"),
      f("size", "s"),
      f("no-trunc"),
    ],
  },
  images: {
    positionals: "plain",
    flags: [
      f("all", "a"),
      f("quiet", "q"),
      f("filter", "f", "required", { set: true }),
      f("format", undefined, "required"),
      f("digests"),
    ],
  },
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
const DOCKER_ALIASES: Record<string, string> = {
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

const K_GLOBAL: FlagSpec[] = [
  f("namespace", "n", "required"),
  f("context", undefined, "required"),
  f("kubeconfig", undefined, "required"),
  f("request-timeout", undefined, "required"),
];
const selector = f("selector", "l", "required");
const output = f("output", "o", "required");
const filename = f("filename", "f", "required", { set: true, normalize: (v) => v.replace(/^\.\//, "") });
const dryRun = f("dry-run", undefined, "optional", { bare: "client" });

const KUBECTL: Record<string, CommandSpec> = {
  get: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [
      output,
      selector,
      f("watch", "w"),
      f("all-namespaces", "A"),
      f("show-labels"),
      f("field-selector", undefined, "required"),
      f("sort-by", undefined, "required"),
      filename,
    ],
  },
  describe: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [selector, f("all-namespaces", "A"), filename],
  },
  logs: {
    positionals: "pod-first",
    containerPositional: true,
    flags: [
      f("follow", "f"),
      f("previous", "p"),
      f("container", "c", "required"),
      f("tail", undefined, "required"),
      f("since", undefined, "required"),
      f("timestamps"),
      f("all-containers"),
      f("prefix"),
      selector,
    ],
  },
  apply: {
    positionals: "plain",
    flags: [
      filename,
      f("kustomize", "k", "required"),
      dryRun,
      f("server-side"),
      f("recursive", "R"),
      selector,
      f("prune"),
    ],
  },
  delete: {
    positionals: "resources",
    unorderedPositionals: true,
    flags: [
      filename,
      f("kustomize", "k", "required"),
      selector,
      f("grace-period", undefined, "required"),
      f("force"),
      f("wait", undefined, "optional", { bare: "true" }),
      f("all"),
    ],
  },
  scale: {
    positionals: "resources",
    flags: [f("replicas", undefined, "required"), f("current-replicas", undefined, "required"), filename],
  },
  "rollout status": {
    positionals: "resources",
    flags: [
      f("watch", "w", "optional", { bare: "true" }),
      f("timeout", undefined, "required"),
      f("revision", undefined, "required"),
    ],
  },
  "rollout undo": { positionals: "resources", flags: [f("to-revision", undefined, "required"), dryRun] },
  "rollout history": { positionals: "resources", flags: [f("revision", undefined, "required"), output] },
  "rollout restart": { positionals: "resources", flags: [selector] },
  "rollout pause": { positionals: "resources", flags: [] },
  "rollout resume": { positionals: "resources", flags: [] },
  "port-forward": {
    positionals: "pod-first",
    flags: [f("address", undefined, "required"), f("pod-running-timeout", undefined, "required")],
  },
  exec: { positionals: "pod-first", flags: [f("stdin", "i"), f("tty", "t"), f("container", "c", "required")] },
  "top pod": {
    positionals: "plain",
    flags: [f("containers"), selector, f("all-namespaces", "A"), f("sort-by", undefined, "required")],
  },
  "top node": { positionals: "plain", flags: [selector, f("sort-by", undefined, "required")] },
  "set image": { positionals: "resources", flags: [selector, f("all")] },
  autoscale: {
    positionals: "resources",
    flags: [
      f("min", undefined, "required"),
      f("max", undefined, "required"),
      f("cpu-percent", undefined, "required"),
      f("name", undefined, "required"),
    ],
  },
  expose: {
    positionals: "resources",
    flags: [
      f("port", undefined, "required"),
      f("target-port", undefined, "required"),
      f("type", undefined, "required"),
      f("name", undefined, "required"),
    ],
  },
  "create secret generic": {
    positionals: "plain",
    flags: [
      f("from-literal", undefined, "required", { set: true }),
      f("from-file", undefined, "required", { set: true }),
      f("from-env-file", undefined, "required"),
      dryRun,
      output,
      f("type", undefined, "required"),
    ],
  },
  "create configmap": {
    positionals: "plain",
    flags: [
      f("from-literal", undefined, "required", { set: true }),
      f("from-file", undefined, "required", { set: true }),
      f("from-env-file", undefined, "required"),
      dryRun,
      output,
    ],
  },
  "create namespace": { positionals: "plain", flags: [dryRun, output] },
  "create deployment": {
    positionals: "plain",
    flags: [
      f("image", undefined, "required", { set: true }),
      f("replicas", "r", "required"),
      f("port", undefined, "required"),
      dryRun,
      output,
    ],
  },
  events: {
    positionals: "plain",
    flags: [
      f("for", undefined, "required"),
      f("types", undefined, "required"),
      f("watch", "w"),
      f("all-namespaces", "A"),
      output,
    ],
  },
  "config use-context": { positionals: "plain", flags: [] },
  "config current-context": { positionals: "plain", flags: [] },
  "config get-contexts": { positionals: "plain", flags: [f("output", "o", "required")] },
  "cluster-info": { positionals: "plain", flags: [] },
  "api-resources": { positionals: "plain", flags: [f("namespaced", undefined, "optional", { bare: "true" }), output] },
  explain: { positionals: "plain", flags: [f("recursive")] },
  run: {
    positionals: "plain",
    flags: [
      f("image", undefined, "required"),
      f("rm"),
      f("stdin", "i"),
      f("tty", "t"),
      f("restart", undefined, "required"),
      f("port", undefined, "required"),
      f("env", undefined, "required", { set: true }),
      f("command"),
    ],
  },
  label: { positionals: "resources", flags: [f("overwrite")] },
  annotate: { positionals: "resources", flags: [f("overwrite")] },
  edit: { positionals: "resources", flags: [] },
};

const KUBECTL_ALIASES: Record<string, string> = {
  "top pods": "top pod",
  "top po": "top pod",
  "top nodes": "top node",
  "top no": "top node",
  "create cm": "create configmap",
  "create ns": "create namespace",
  "create deploy": "create deployment",
};

/** kubectl's resource short names and plurals -> one canonical singular name. */
const RESOURCE_NAMES: Record<string, string[]> = {
  pod: ["po", "pods"],
  deployment: ["deploy", "deployments"],
  service: ["svc", "services"],
  replicaset: ["rs", "replicasets"],
  configmap: ["cm", "configmaps"],
  secret: ["secrets"],
  namespace: ["ns", "namespaces"],
  node: ["no", "nodes"],
  horizontalpodautoscaler: ["hpa", "horizontalpodautoscalers"],
  endpoints: ["ep"],
  endpointslice: ["endpointslices"],
  ingress: ["ing", "ingresses"],
  statefulset: ["sts", "statefulsets"],
  daemonset: ["ds", "daemonsets"],
  job: ["jobs"],
  cronjob: ["cj", "cronjobs"],
  persistentvolumeclaim: ["pvc", "persistentvolumeclaims"],
  event: ["ev", "events"],
  serviceaccount: ["sa", "serviceaccounts"],
  all: [],
};
const RESOURCE_ALIAS = new Map<string, string>();
for (const [canon, aliases] of Object.entries(RESOURCE_NAMES)) {
  for (const a of [canon, ...aliases]) RESOURCE_ALIAS.set(a, canon);
}

/** "deploy" -> "deployment", "deployments.apps" -> "deployment", "pods" -> "pod"; unknown types stay as written. */
export function canonicalResource(type: string): string {
  const lower = type.toLowerCase();
  const base = lower.split(".")[0];
  return RESOURCE_ALIAS.get(lower) ?? RESOURCE_ALIAS.get(base) ?? lower;
}

export class CommandParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CommandParseError";
  }
}

export interface ParsedCommand {
  tool: "docker" | "kubectl";
  /** The canonical subcommand: "run", "rollout status", "create secret generic". */
  command: string;
  /** Canonical long flag name -> values ("true" for a boolean flag), in the order written. */
  flags: Record<string, string[]>;
  /** Positional arguments, kubectl resources written as type/name. */
  args: string[];
  /** The command run inside the container (after docker run IMAGE, or after `--`). */
  rest: string[];
}

function subcommand(
  words: string[],
  specs: Record<string, CommandSpec>,
  aliases: Record<string, string>,
): { name: string; used: number } | undefined {
  for (let n = Math.min(3, words.length); n >= 1; n--) {
    const cand = words.slice(0, n).join(" ");
    const name = aliases[cand] ?? cand;
    if (specs[name]) return { name, used: n };
  }
  return undefined;
}

/** Read an argv the way docker's and kubectl's flag parser (pflag) does. Throws CommandParseError. */
export function parseCommand(argv: readonly string[]): ParsedCommand {
  if (!Array.isArray(argv) || argv.some((a) => typeof a !== "string")) {
    throw new CommandParseError("a command is an array of strings, one per shell word");
  }
  const [tool, ...words] = argv;
  if (tool !== "docker" && tool !== "kubectl")
    throw new CommandParseError(`the command starts with "${tool}", not docker or kubectl`);
  const specs = tool === "docker" ? DOCKER : KUBECTL;
  const aliases = tool === "docker" ? DOCKER_ALIASES : KUBECTL_ALIASES;
  // kubectl allows global flags before the subcommand (kubectl -n ml get pods): take them out first.
  const leading: string[] = [];
  while (tool === "kubectl" && words.length > 0 && words[0].startsWith("-")) {
    leading.push(words.shift() as string);
    const spec = K_GLOBAL.find(
      (g) => `--${g.long}` === leading[leading.length - 1] || `-${g.short}` === leading[leading.length - 1],
    );
    if (spec && words.length > 0) leading.push(words.shift() as string);
  }
  const sub = subcommand(words, specs, aliases);
  if (!sub) throw new CommandParseError(`unknown ${tool} command "${words.slice(0, 2).join(" ")}"`);
  const spec = specs[sub.name];
  const flagSpecs = tool === "kubectl" ? [...spec.flags, ...K_GLOBAL] : spec.flags;
  const tokens = [...leading, ...words.slice(sub.used)];
  const flags: Record<string, string[]> = {};
  const positionals: string[] = [];
  let rest: string[] = [];
  const put = (fs: FlagSpec, value: string) => {
    const key = fs.as ?? fs.long;
    const v = fs.normalize ? fs.normalize(value) : value;
    if (!flags[key]) flags[key] = [];
    flags[key].push(v);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === "--") {
      rest = tokens.slice(i + 1);
      break;
    }
    if (t.startsWith("--")) {
      const [name, inline] = t.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const fs = flagSpecs.find((x) => x.long === name);
      if (!fs) throw new CommandParseError(`unknown flag --${name} for ${tool} ${sub.name}`);
      if (fs.value === "none") {
        if (inline === undefined || inline === "true") put(fs, "true");
        else if (inline !== "false") throw new CommandParseError(`--${name} takes no value (got "${inline}")`);
      } else if (inline !== undefined) put(fs, inline);
      else if (fs.value === "optional") put(fs, fs.bare ?? "true");
      else {
        if (i + 1 >= tokens.length) throw new CommandParseError(`--${name} needs a value`);
        put(fs, tokens[++i]);
      }
      continue;
    }
    if (t.startsWith("-") && t.length > 1 && !/^-\d/.test(t)) {
      // A cluster of short flags (-it), the last of which may take a value (-p8080:80, -n=ml, -n ml).
      for (let j = 1; j < t.length; j++) {
        const fs = flagSpecs.find((x) => x.short === t[j]);
        if (!fs) throw new CommandParseError(`unknown flag -${t[j]} for ${tool} ${sub.name}`);
        if (fs.value === "none") {
          put(fs, "true");
          continue;
        }
        const attached = t.slice(j + 1).replace(/^=/, "");
        if (attached) put(fs, attached);
        else if (fs.value === "optional") put(fs, fs.bare ?? "true");
        else {
          if (i + 1 >= tokens.length) throw new CommandParseError(`-${t[j]} needs a value`);
          put(fs, tokens[++i]);
        }
        break;
      }
      continue;
    }
    positionals.push(t);
    if (spec.stopAtFirstPositional) {
      rest = tokens.slice(i + 1);
      break;
    }
  }
  return { tool, command: sub.name, flags, args: normalizePositionals(positionals, spec, flags), rest };
}

function normalizePositionals(args: string[], spec: CommandSpec, flags: Record<string, string[]>): string[] {
  if (spec.positionals === "plain") {
    if (!spec.context || args.length === 0) return args;
    const context = args[0] === "./" ? "." : args[0].length > 1 ? args[0].replace(/\/+$/, "") : args[0];
    // -f names the Dockerfile relative to where you run the command; <context>/Dockerfile is what docker uses anyway.
    const dflt = context === "." ? "Dockerfile" : `${context.replace(/^\.\//, "")}/Dockerfile`;
    if (flags.file?.length === 1 && flags.file[0] === dflt) delete flags.file;
    return [context, ...args.slice(1)];
  }
  if (spec.positionals === "pod-first") {
    if (args.length === 0) return [];
    const [first, ...more] = args;
    const res = first.includes("/")
      ? `${canonicalResource(first.split("/")[0])}/${first.split("/").slice(1).join("/")}`
      : `pod/${first}`;
    if (spec.containerPositional && more.length === 1 && !flags.container) {
      flags.container = [more[0]];
      return [res];
    }
    return [res, ...more];
  }
  // resources: TYPE NAME..., TYPE/NAME..., TYPE1,TYPE2
  if (args.length === 0) return [];
  if (args.some((a) => a.includes("/"))) {
    return args.map((a) => {
      const [type, ...name] = a.split("/");
      return name.length ? `${canonicalResource(type)}/${name.join("/")}` : a;
    });
  }
  const [types, ...names] = args;
  const canon = types.split(",").map(canonicalResource);
  if (names.length === 0) return canon;
  if (canon.length > 1) return [...canon, ...names];
  return names.map((n) => `${canon[0]}/${n}`);
}

export interface CompareOptions {
  /** A namespace that is the same as not naming one (the current context's), e.g. "default". */
  defaultNamespace?: string;
}

/**
 * The differences between an expected command and the one given, as sentences; [] when they are equivalent.
 * A command that cannot be read (unknown flag, wrong tool) is one difference saying why.
 */
export function commandDifferences(
  expected: readonly string[],
  got: readonly string[],
  opts: CompareOptions = {},
): string[] {
  const want = parseCommand(expected);
  let have: ParsedCommand;
  try {
    have = parseCommand(got);
  } catch (e) {
    return [`cannot read ${formatCommand(got)}: ${(e as Error).message}`];
  }
  const out: string[] = [];
  if (want.tool !== have.tool || want.command !== have.command) {
    return [`expected \`${want.tool} ${want.command}\`, got \`${have.tool} ${have.command}\``];
  }
  const spec = (want.tool === "docker" ? DOCKER : KUBECTL)[want.command];
  const defaults = (p: ParsedCommand) => {
    const flags = { ...p.flags };
    if (opts.defaultNamespace && flags.namespace?.length === 1 && flags.namespace[0] === opts.defaultNamespace) {
      delete flags.namespace;
    }
    for (const [k, v] of Object.entries(flags)) if (v.every((x) => x === "false")) delete flags[k];
    return flags;
  };
  const a = defaults(want);
  const b = defaults(have);
  const setFlags = new Set([...spec.flags, ...K_GLOBAL].filter((x) => x.set).map((x) => x.as ?? x.long));
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[name] ?? [];
    const y = b[name] ?? [];
    const norm = (l: string[]) => (setFlags.has(name) ? [...l].sort() : l);
    if (JSON.stringify(norm(x)) === JSON.stringify(norm(y))) continue;
    if (y.length === 0) out.push(`missing --${name}${x[0] === "true" ? "" : ` ${x.join(", ")}`}`);
    else if (x.length === 0) out.push(`unexpected --${name}${y[0] === "true" ? "" : ` ${y.join(", ")}`}`);
    else out.push(`--${name}: expected ${x.join(", ")}, got ${y.join(", ")}`);
  }
  const order = (l: string[]) => (spec.unorderedPositionals ? [...l].sort() : l);
  if (JSON.stringify(order(want.args)) !== JSON.stringify(order(have.args))) {
    out.push(`arguments: expected ${want.args.join(" ") || "(none)"}, got ${have.args.join(" ") || "(none)"}`);
  }
  if (JSON.stringify(want.rest) !== JSON.stringify(have.rest)) {
    out.push(
      `the command after the ${want.tool === "docker" ? "image" : "--"}: expected ${want.rest.join(" ") || "(none)"}, got ${have.rest.join(" ") || "(none)"}`,
    );
  }
  return out;
}

/** True when both argvs ask docker/kubectl for the same thing. */
export function sameCommand(expected: readonly string[], got: readonly string[], opts: CompareOptions = {}): boolean {
  return commandDifferences(expected, got, opts).length === 0;
}

/** An argv as a line you could paste into a POSIX shell (single quotes where needed). */
export function formatCommand(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(" ");
}
