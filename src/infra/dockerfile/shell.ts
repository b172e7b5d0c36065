// Just enough shell reading for lint rules: split a RUN line into simple commands and recognise dependency
// installs. Not a shell parser: quoting is handled loosely, which is fine for the patterns we look for.
import type { Instr } from "./types";

/** One simple command: leading `VAR=value` assignments split off from the words. */
export interface SimpleCommand {
  env: Map<string, string>;
  words: string[];
}

/** Split RUN arguments (shell or exec form) into simple commands. */
export function commandsOf(instr: Instr): SimpleCommand[] {
  if (instr.args.startsWith("[")) {
    try {
      const v: unknown = JSON.parse(instr.args);
      if (Array.isArray(v) && v.every((s) => typeof s === "string")) {
        // ["sh", "-c", "npm ci && ..."] hides a shell string inside; read that instead.
        if (v.length >= 3 && /(^|\/)(ba)?sh$/.test(v[0]) && v[1] === "-c") return splitShell(v.slice(2).join(" "));
        return [toCommand(v as string[])];
      }
    } catch {
      // fall through: treated as a shell string, like Docker does
    }
  }
  return splitShell(instr.args);
}

function splitShell(script: string): SimpleCommand[] {
  return script
    .split(/&&|\|\||[;|\n()]/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean).map(unquote))
    .filter((words) => words.length > 0)
    .map(toCommand);
}

function unquote(w: string): string {
  return w.replace(/^(["'])(.*)\1$/, "$2");
}

function toCommand(words: string[]): SimpleCommand {
  const env = new Map<string, string>();
  let i = 0;
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]); i++) {
    const eq = words[i].indexOf("=");
    env.set(words[i].slice(0, eq), words[i].slice(eq + 1));
  }
  let rest = words.slice(i);
  if (rest[0] === "sudo" || rest[0] === "exec") rest = rest.slice(1);
  return { env, words: rest };
}

export type InstallTool = "npm" | "yarn" | "pnpm" | "pip" | "poetry" | "uv";

/**
 * If the command installs a project's dependencies (from a manifest or lockfile), say which tool. `npm install
 * express` or `npm install -g pm2` add named packages and are not dependency installs.
 */
export function dependencyInstall(cmd: SimpleCommand): InstallTool | null {
  const [tool, sub, ...rest] = cmd.words;
  const positional = rest.filter((w) => !w.startsWith("-"));
  const global = rest.some((w) => w === "-g" || w === "--global");
  if (tool === "npm") {
    if (sub === "ci" || sub === "clean-install" || sub === "install-clean") return "npm";
    if ((sub === "install" || sub === "i") && positional.length === 0 && !global) return "npm";
    return null;
  }
  if (tool === "yarn") return sub === undefined || sub === "install" || sub.startsWith("--") ? "yarn" : null;
  if (tool === "pnpm") return (sub === "install" || sub === "i") && positional.length === 0 ? "pnpm" : null;
  if (tool === "pip" || tool === "pip3") return sub === "install" ? "pip" : null;
  if (/^python[0-9.]*$/.test(tool ?? "") && sub === "-m" && rest[0] === "pip" && rest[1] === "install") return "pip";
  if (tool === "poetry" && sub === "install") return "poetry";
  if (tool === "uv" && (sub === "sync" || (sub === "pip" && rest[0] === "install"))) return "uv";
  return null;
}

/** Does this install leave out devDependencies? (flags, or NODE_ENV=production which npm and yarn honour). */
export function omitsDevDependencies(cmd: SimpleCommand, stageEnv: Map<string, string>): boolean {
  const w = cmd.words;
  const flag = w.some(
    (x, i) =>
      x === "--omit=dev" ||
      (x === "--omit" && w[i + 1] === "dev") ||
      x === "--production" ||
      x === "--production=true" ||
      x === "--prod" ||
      x === "--only=prod" ||
      x === "--only=production" ||
      x === "--no-dev" ||
      x === "--without-dev",
  );
  const nodeEnv = cmd.env.get("NODE_ENV") ?? stageEnv.get("NODE_ENV");
  return flag || nodeEnv === "production";
}

/** `npm prune --omit=dev` / `--production` after a full install also removes devDependencies. */
export function prunesDevDependencies(cmd: SimpleCommand, stageEnv: Map<string, string>): boolean {
  return cmd.words[0] === "npm" && cmd.words[1] === "prune" && omitsDevDependencies(cmd, stageEnv);
}

/** ENV values set in a stage before `line` (later ENVs override earlier ones, as in Docker). */
export function envBefore(instructions: Instr[], line: number): Map<string, string> {
  const env = new Map<string, string>();
  for (const i of instructions) {
    if (i.line >= line) break;
    if (i.keyword === "ENV") for (const p of i.props) env.set(p.name, p.value ?? "");
  }
  return env;
}
