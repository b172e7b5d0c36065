// Compare docker and kubectl command lines the way an experienced reviewer reads them: `-p 8080:80` is
// `--publish=8080:80`, `-it` is `-i -t`, `deploy/api` is `deployment api`, flag order does not matter (repeated
// --env/--publish/--build-arg flags form a set), but everything after `docker run IMAGE` or `kubectl exec POD --` is
// the container's own command, in order. The graders of the Docker and Kubernetes exercises share it. Only the
// commands and flags a study course needs are known; anything else is reported as unknown instead of guessed,
// since guessing whether an unknown flag takes a value would misread the rest.
import { DOCKER, DOCKER_ALIASES } from "./docker";
import { canonicalResource, K_GLOBAL, KUBECTL, KUBECTL_ALIASES } from "./kubectl";
import type { CommandSpec, FlagSpec } from "./spec";

export { canonicalResource };

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
