import { spawnSync } from "node:child_process";

/** Runs a command with inherited output and throws a readable error when it fails. */
export function runOrThrow(cmd: string, args: string[], what: string, cwd?: string): void {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd });
  if (r.error) throw new Error(`${what}: could not run ${cmd} (${r.error.message})`);
  if (r.status !== 0) throw new Error(`${what}: \`${cmd} ${args.join(" ")}\` exited with ${r.status}`);
}

/** Runs a command and returns its trimmed stdout, or undefined when it cannot run or fails. */
export function capture(cmd: string, args: string[], cwd?: string): string | undefined {
  const r = spawnSync(cmd, args, { encoding: "utf8", cwd });
  if (r.error || r.status !== 0) return undefined;
  return r.stdout.trim();
}
