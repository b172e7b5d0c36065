// Week 8 · Docker and kubectl commands: reference solution. Long flag names, one flag per element, so every command
// reads well in a script or a runbook.

export interface BuildTask {
  context: string;
  image: string;
  tag: string;
  buildArgs?: Record<string, string>;
  dockerfile?: string;
}

const ns = (namespace?: string) => (namespace ? ["--namespace", namespace] : []);

function checkPort(p: number): void {
  if (!Number.isInteger(p) || p < 1 || p > 65535) throw new Error(`port ${p} is outside 1-65535`);
}

export function dockerBuild(task: BuildTask): string[] {
  if (!task.tag) throw new Error("the tag is empty: give the image a fixed version tag");
  if (task.tag === "latest") throw new Error("the tag latest moves with every push: use a version tag");
  const argv = ["docker", "build", "--tag", `${task.image}:${task.tag}`];
  for (const [k, v] of Object.entries(task.buildArgs ?? {})) argv.push("--build-arg", `${k}=${v}`);
  if (task.dockerfile) argv.push("--file", task.dockerfile);
  argv.push(task.context);
  return argv;
}

export interface RunTask {
  image: string;
  name?: string;
  detach?: boolean;
  rm?: boolean;
  ports?: { host: number; container: number }[];
  volumes?: { source: string; target: string; readOnly?: boolean }[];
  env?: Record<string, string>;
  readOnly?: boolean;
  tmpfs?: string[];
}

export function dockerRun(task: RunTask): string[] {
  for (const p of task.ports ?? []) {
    checkPort(p.host);
    checkPort(p.container);
  }
  for (const v of task.volumes ?? []) {
    if (!v.source.startsWith("/")) throw new Error(`volume source ${v.source} must be an absolute host path`);
  }
  const argv = ["docker", "run"];
  if (task.detach) argv.push("--detach");
  if (task.rm) argv.push("--rm");
  if (task.name) argv.push("--name", task.name);
  for (const p of task.ports ?? []) argv.push("--publish", `${p.host}:${p.container}`);
  for (const v of task.volumes ?? []) {
    argv.push("--mount", `type=bind,source=${v.source},target=${v.target}${v.readOnly ? ",readonly" : ""}`);
  }
  for (const [k, v] of Object.entries(task.env ?? {})) argv.push("--env", `${k}=${v}`);
  if (task.readOnly) argv.push("--read-only");
  for (const t of task.tmpfs ?? []) argv.push("--tmpfs", t);
  argv.push(task.image); // everything after the image would be the container's command
  return argv;
}

export function kubectlScale(deployment: string, replicas: number, namespace?: string): string[] {
  if (!Number.isInteger(replicas) || replicas < 0)
    throw new Error(`replicas must be a whole number >= 0, got ${replicas}`);
  return ["kubectl", "scale", `deployment/${deployment}`, `--replicas=${replicas}`, ...ns(namespace)];
}

export function kubectlRolloutStatus(
  deployment: string,
  opts: { namespace?: string; timeout?: string } = {},
): string[] {
  if (opts.timeout !== undefined && !/^\d+[smh]$/.test(opts.timeout)) {
    throw new Error(`timeout ${opts.timeout} is not a duration such as 120s or 5m`);
  }
  const argv = ["kubectl", "rollout", "status", `deployment/${deployment}`, ...ns(opts.namespace)];
  if (opts.timeout) argv.push(`--timeout=${opts.timeout}`);
  return argv;
}

export function kubectlRolloutUndo(
  deployment: string,
  opts: { namespace?: string; toRevision?: number } = {},
): string[] {
  if (opts.toRevision !== undefined && (!Number.isInteger(opts.toRevision) || opts.toRevision < 1)) {
    throw new Error(`revision must be a whole number >= 1, got ${opts.toRevision}`);
  }
  const argv = ["kubectl", "rollout", "undo", `deployment/${deployment}`, ...ns(opts.namespace)];
  if (opts.toRevision !== undefined) argv.push(`--to-revision=${opts.toRevision}`);
  return argv;
}

export function kubectlPortForward(
  target: { kind: "pod" | "service" | "deployment"; name: string },
  localPort: number,
  remotePort: number,
  namespace?: string,
): string[] {
  checkPort(localPort);
  checkPort(remotePort);
  return ["kubectl", "port-forward", `${target.kind}/${target.name}`, `${localPort}:${remotePort}`, ...ns(namespace)];
}

export interface LogsTask {
  pod: string;
  namespace?: string;
  container?: string;
  follow?: boolean;
  previous?: boolean;
  tail?: number;
}

export function kubectlLogs(task: LogsTask): string[] {
  if (task.tail !== undefined && (!Number.isInteger(task.tail) || task.tail < 0)) {
    throw new Error(`tail must be a whole number >= 0, got ${task.tail}`);
  }
  const argv = ["kubectl", "logs", task.pod, ...ns(task.namespace)];
  if (task.container) argv.push("--container", task.container);
  if (task.follow) argv.push("--follow");
  if (task.previous) argv.push("--previous");
  if (task.tail !== undefined) argv.push(`--tail=${task.tail}`);
  return argv;
}
