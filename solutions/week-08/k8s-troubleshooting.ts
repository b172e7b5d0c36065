// Week 8 · Kubernetes troubleshooting: reference solution.

export interface PodRow {
  name: string;
  ready: number;
  total: number;
  status: string;
  restarts: number;
  age: string;
}

export function parseGetPods(output: string): PodRow[] {
  const lines = output.split(/\r?\n/).filter((l) => l.trim() !== "");
  if (lines.length === 0 || /^No resources found/.test(lines[0].trim())) return [];
  const header = lines[0];
  // Column starts: each header word begins a column ("NOMINATED NODE" is two words but never read here).
  const starts: { name: string; at: number }[] = [];
  for (const m of header.matchAll(/\S+/g)) starts.push({ name: m[0], at: m.index ?? 0 });
  const names = starts.map((s) => s.name);
  for (const need of ["NAME", "READY", "STATUS"]) {
    if (!names.includes(need)) throw new Error(`not a kubectl get pods header (no ${need} column): "${header}"`);
  }
  const cell = (line: string, col: string): string => {
    const i = starts.findIndex((s) => s.name === col);
    if (i < 0) return "";
    const end = i + 1 < starts.length ? starts[i + 1].at : line.length;
    return line.slice(starts[i].at, end).trim();
  };
  return lines.slice(1).map((line) => {
    const [ready, total] = cell(line, "READY").split("/").map(Number);
    return {
      name: cell(line, "NAME"),
      ready,
      total,
      status: cell(line, "STATUS"),
      restarts: Number.parseInt(cell(line, "RESTARTS") || "0", 10),
      age: cell(line, "AGE"),
    };
  });
}

export type Failure =
  | "ImagePullBackOff"
  | "CrashLoopBackOff"
  | "OOMKilled"
  | "Pending"
  | "ReadinessFailing"
  | "CreateContainerConfigError";

export interface Evidence {
  getPods: string;
  describe?: string;
  logs?: string;
}

export type Fix =
  | { action: "load-image-into-cluster"; image: string }
  | { action: "fix-image-tag"; image: string }
  | { action: "fix-crash"; error: string }
  | { action: "raise-memory-limit"; limit: string }
  | { action: "lower-requests"; resource: "cpu" | "memory" }
  | { action: "fix-readiness-probe"; problem: "path" | "port" | "timeout" }
  | { action: "create-missing-config"; kind: "ConfigMap" | "Secret"; name: string; key?: string };

export interface Diagnosis {
  pod: string;
  namespace: string;
  failure: Failure;
  next: string[];
  fix: Fix;
}

/** The value of a "Key:   value" line of describe output (the first one). */
function field(describe: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}:\\s+(.*)$`, "m").exec(describe);
  return m?.[1].trim();
}

/** The indented block under a "Limits:" / "Requests:" line, as key -> value. */
function block(describe: string, title: string): Record<string, string> {
  const lines = describe.split(/\r?\n/);
  const start = lines.findIndex((l) => new RegExp(`^\\s*${title}:\\s*$`).test(l));
  const out: Record<string, string> = {};
  if (start < 0) return out;
  const indent = (l: string) => l.length - l.trimStart().length;
  for (const l of lines.slice(start + 1)) {
    if (indent(l) <= indent(lines[start])) break;
    const m = /^\s*([\w.-]+):\s+(\S+)/.exec(l);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

function isHealthy(p: PodRow): boolean {
  return p.status === "Completed" || (p.status === "Running" && p.ready === p.total);
}

function classify(row: PodRow, describe: string): Failure {
  const lastState = /Last State:\s+Terminated\s*\n\s+Reason:\s+(\w+)/.exec(describe)?.[1];
  if (row.status === "OOMKilled" || lastState === "OOMKilled") return "OOMKilled";
  if (row.status === "ImagePullBackOff" || row.status === "ErrImagePull") return "ImagePullBackOff";
  if (row.status === "CreateContainerConfigError") return "CreateContainerConfigError";
  if (row.status === "Pending") return "Pending";
  if (row.status === "CrashLoopBackOff" || row.status === "Error") return "CrashLoopBackOff";
  if (row.status === "Running" && row.ready < row.total) return "ReadinessFailing";
  throw new Error(`cannot classify pod ${row.name} with status ${row.status}`);
}

function fixFor(failure: Failure, describe: string, logs: string): Fix {
  switch (failure) {
    case "ImagePullBackOff": {
      const image = /Failed to pull image "([^"]+)"/.exec(describe)?.[1] ?? field(describe, "Image") ?? "";
      const pullError = /Failed to pull image "[^"]+": (.*)$/m.exec(describe)?.[1] ?? "";
      return /manifest unknown|not found/i.test(pullError)
        ? { action: "fix-image-tag", image }
        : { action: "load-image-into-cluster", image };
    }
    case "CrashLoopBackOff": {
      const line = logs.split(/\r?\n/).find((l) => /error|fatal|panic|exception/i.test(l));
      return { action: "fix-crash", error: (line ?? "").trim() };
    }
    case "OOMKilled":
      return { action: "raise-memory-limit", limit: block(describe, "Limits").memory ?? "" };
    case "Pending":
      // The scheduler lists every reason; the first resource it names is the one to shrink first.
      return {
        action: "lower-requests",
        resource: (/Insufficient (cpu|memory)/.exec(describe)?.[1] ?? "cpu") as "cpu" | "memory",
      };
    case "ReadinessFailing": {
      const msg = /Readiness probe failed: (.*)$/m.exec(describe)?.[1] ?? "";
      if (/connection refused/i.test(msg)) return { action: "fix-readiness-probe", problem: "port" };
      if (/deadline exceeded|Client\.Timeout|timeout/i.test(msg))
        return { action: "fix-readiness-probe", problem: "timeout" };
      return { action: "fix-readiness-probe", problem: "path" };
    }
    case "CreateContainerConfigError": {
      const missingKey = /couldn't find key (\S+) in (ConfigMap|Secret) (?:[\w.-]+\/)?([\w.-]+)/.exec(describe);
      if (missingKey) {
        return {
          action: "create-missing-config",
          kind: missingKey[2] as "ConfigMap" | "Secret",
          name: missingKey[3],
          key: missingKey[1],
        };
      }
      const missing = /Error: (configmap|secret) "([^"]+)" not found/i.exec(describe);
      return {
        action: "create-missing-config",
        kind: missing?.[1].toLowerCase() === "secret" ? "Secret" : "ConfigMap",
        name: missing?.[2] ?? "",
      };
    }
  }
}

function nextFor(failure: Failure, pod: string, namespace: string, fix: Fix): string[] {
  const ns = namespace === "default" ? [] : ["-n", namespace];
  switch (failure) {
    case "ImagePullBackOff":
    case "ReadinessFailing":
      return ["kubectl", "describe", "pod", pod, ...ns];
    case "CrashLoopBackOff":
      return ["kubectl", "logs", pod, "--previous", ...ns];
    case "OOMKilled":
      return ["kubectl", "top", "pod", pod, "--containers", ...ns];
    case "Pending":
      return ["kubectl", "describe", "nodes"];
    case "CreateContainerConfigError": {
      const f = fix as Extract<Fix, { action: "create-missing-config" }>;
      return ["kubectl", "get", f.kind.toLowerCase(), f.name, ...ns];
    }
  }
}

export function diagnose(evidence: Evidence): Diagnosis {
  const rows = parseGetPods(evidence.getPods);
  if (rows.length === 0) throw new Error("no pods in the kubectl get pods output");
  const describe = evidence.describe ?? "";
  const described = field(describe, "Name");
  const row = described ? rows.find((r) => r.name === described) : rows.find((r) => !isHealthy(r));
  if (!row || isHealthy(row)) throw new Error("no failing pod: every pod is Running with all containers ready");
  const namespace = field(describe, "Namespace") ?? "default";
  const failure = classify(row, describe);
  const fix = fixFor(failure, describe, evidence.logs ?? "");
  return { pod: row.name, namespace, failure, next: nextFor(failure, row.name, namespace, fix), fix };
}
