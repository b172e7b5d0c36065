// Week 8 · Docker and kubectl commands, from memory: build the exact argv for each everyday task.
// Read "Docker commands, explained" and "kubectl: reading what the cluster tells you" in
// notebooks/week-08-docker-k8s-review.ipynb first.
// Grade it with `npm run grade docker-k8s-commands`; stuck? `npm run hint docker-k8s-commands`.
//
// An argv is what the shell hands the program after splitting the line into words: ["docker", "build", "-t",
// "api:1.0.0", "."], never ["docker build -t api:1.0.0 ."] and never ["--tag api:1.0.0"] as one element. The grader
// reads your argv the way docker and kubectl do, so any equivalent spelling passes: -t or --tag, --tag=x or --tag x,
// flags in any order (before `docker run`'s image), deploy/api or deployment api, -p or --previous.
// Validate the input first: each function throws an Error whose message names the problem, as listed.
import { todo } from "../../src/grader/todo";

export interface BuildTask {
  /** The build context folder sent to the daemon, e.g. "." or "exercises/week-02/containerize". */
  context: string;
  /** Repository, e.g. "study/forest-inference". */
  image: string;
  /** A fixed version tag, e.g. "0.2.0". */
  tag: string;
  /** --build-arg KEY=value for each entry (ARG values the Dockerfile reads at build time). */
  buildArgs?: Record<string, string>;
  /** A Dockerfile other than <context>/Dockerfile (-f). */
  dockerfile?: string;
}

/** `docker build` tagging image:tag. Throws "tag" for an empty tag and "latest" for the tag latest. */
export function dockerBuild(task: BuildTask): string[] {
  return todo("docker-k8s-commands");
}

export interface RunTask {
  /** image:tag to run. */
  image: string;
  /** --name. */
  name?: string;
  /** Run in the background (-d) and remove the container when it stops (--rm). */
  detach?: boolean;
  rm?: boolean;
  /** host port -> container port (-p host:container). */
  ports?: { host: number; container: number }[];
  /** Bind mounts of host folders (-v or --mount); source must be an absolute path. */
  volumes?: { source: string; target: string; readOnly?: boolean }[];
  /** -e KEY=value for each entry. */
  env?: Record<string, string>;
  /** --read-only: the container's own file system cannot be written (mounts and --tmpfs still can). */
  readOnly?: boolean;
  /** --tmpfs PATH for each entry: a writable in-memory folder, e.g. /tmp, for a read-only container. */
  tmpfs?: string[];
}

/** `docker run` for the task. Throws "port" for a port outside 1-65535, "absolute" for a relative volume source. */
export function dockerRun(task: RunTask): string[] {
  return todo("docker-k8s-commands");
}

/** `kubectl scale` a Deployment to `replicas` (in `namespace` when given). Throws "replicas" unless an integer >= 0. */
export function kubectlScale(deployment: string, replicas: number, namespace?: string): string[] {
  return todo("docker-k8s-commands");
}

/**
 * `kubectl rollout status` of a Deployment: waits until the rollout finishes (exit 0) or fails. With `timeout`
 * (a duration such as "120s" or "5m") it gives up after that long with exit code 1, which is what CI needs.
 * Throws "timeout" for a timeout that is not a number followed by s, m or h.
 */
export function kubectlRolloutStatus(
  deployment: string,
  opts: { namespace?: string; timeout?: string } = {},
): string[] {
  return todo("docker-k8s-commands");
}

/** `kubectl rollout undo` a Deployment, to the previous revision or `toRevision`. Throws "revision" unless >= 1. */
export function kubectlRolloutUndo(
  deployment: string,
  opts: { namespace?: string; toRevision?: number } = {},
): string[] {
  return todo("docker-k8s-commands");
}

/**
 * `kubectl port-forward` from localhost:localPort to remotePort of a pod, a service or a deployment (one of its
 * pods). For a service, remotePort is the Service's `port`. Throws "port" for a port outside 1-65535.
 */
export function kubectlPortForward(
  target: { kind: "pod" | "service" | "deployment"; name: string },
  localPort: number,
  remotePort: number,
  namespace?: string,
): string[] {
  return todo("docker-k8s-commands");
}

export interface LogsTask {
  pod: string;
  namespace?: string;
  /** -c: which container of a multi-container pod. */
  container?: string;
  /** -f: keep streaming new lines. */
  follow?: boolean;
  /** -p / --previous: the container instance that ran BEFORE the last restart (why did it crash?). */
  previous?: boolean;
  /** --tail N: only the last N lines. */
  tail?: number;
}

/** `kubectl logs` for the task. Throws "tail" unless tail is an integer >= 0. */
export function kubectlLogs(task: LogsTask): string[] {
  return todo("docker-k8s-commands");
}
