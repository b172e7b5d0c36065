// The six pillars of the AWS Well-Architected Framework (https://aws.amazon.com/architecture/well-architected/, read
// 2026-12), and the check behind the well-architected-review exercise: a finding counts only when it quotes a real
// file of the capstone and the quoted text is evidence for its pillar. It cannot judge whether the reasoning is good;
// it makes sure every claim points at something that exists.
import { existsSync, readFileSync } from "node:fs";
import { join, normalize } from "node:path";

export const PILLARS = {
  "operational-excellence":
    "Run and monitor systems, and improve processes: observability, automation, small reversible changes",
  security: "Protect data, systems and assets: identity, least privilege, network boundaries, encryption",
  reliability:
    "Recover from failure and meet demand: health checks, redundancy across failure domains, graceful shutdown",
  "performance-efficiency":
    "Use resources efficiently as demand changes: right-sized resources, scaling on measured load",
  "cost-optimization": "Avoid unneeded cost: right-sizing, scaling to demand, the right purchase options",
  sustainability:
    "Minimise environmental impact: use fewer resources for the same work, smaller artefacts, scale down when idle",
} as const;
export type Pillar = keyof typeof PILLARS;

/** Words in the quoted evidence that tie it to the pillar (a configuration key, a directive, a mechanism). */
export const PILLAR_EVIDENCE: Readonly<Record<Pillar, RegExp>> = {
  "operational-excellence":
    /metric|prometheus|scrape|log|HEALTHCHECK|workflow|alert|dashboard|grafana|probe|kustomiz|on:\s|jobs:/i,
  security:
    /runAsNonRoot|readOnlyRootFilesystem|USER |NetworkPolicy|policyTypes|"Effect"|"Action"|role|privateNetworking|secret|capabilities|drop:|OIDC|allowPrivilegeEscalation/i,
  reliability:
    /Probe|replicas|PodDisruptionBudget|maxUnavailable|minAvailable|topologySpread|terminationGrace|SIGTERM|drain|retries|minSize|desiredCapacity|maxSurge/i,
  "performance-efficiency":
    /resources|cpu|memory|HorizontalPodAutoscaler|averageUtilization|instanceType|maxReplicas|predictor|cache/i,
  "cost-optimization":
    /requests|limits|instanceType|minSize|maxSize|spot|volumeSize|minReplicas|maxReplicas|slim|scaleDown|omit=dev/i,
  sustainability:
    /slim|AS build|AS runtime|--omit=dev|minReplicas|scaleDown|stabilizationWindow|averageUtilization|arm64|graviton/i,
};

export interface Finding {
  pillar: Pillar;
  /** A path under capstone/, e.g. "capstone/Dockerfile". */
  file: string;
  /** Text quoted verbatim from that file (spacing may differ): the property the finding is about. */
  evidence: string;
  /** What the evidence shows, in your words. */
  observation: string;
  /** "strength": the capstone already does this well. "improvement": a risk, with a recommendation. */
  kind: "strength" | "improvement";
  recommendation?: string;
}

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** Problems with one finding, as sentences; [] when it stands. */
export function findingProblems(root: string, f: Finding): string[] {
  const p: string[] = [];
  const where = `${f.pillar} / ${f.file}`;
  if (!(f.pillar in PILLARS)) return [`unknown pillar "${f.pillar}"`];
  const rel = normalize(f.file ?? "");
  if (!rel.startsWith("capstone/") || rel.split("/").includes(".."))
    return [`${where}: the file must be under capstone/`];
  const path = join(root, rel);
  if (!existsSync(path)) return [`${where}: no such file`];
  const evidence = squash(f.evidence ?? "");
  if (evidence.length < 8) p.push(`${where}: quote at least 8 characters of evidence`);
  else if (!squash(readFileSync(path, "utf8")).includes(evidence)) p.push(`${where}: "${evidence}" is not in the file`);
  else if (!PILLAR_EVIDENCE[f.pillar].test(evidence)) p.push(`${where}: "${evidence}" is not evidence for ${f.pillar}`);
  if (squash(f.observation ?? "").length < 30) p.push(`${where}: say what the evidence shows (30 characters or more)`);
  if (f.kind !== "strength" && f.kind !== "improvement") p.push(`${where}: kind must be "strength" or "improvement"`);
  if (f.kind === "improvement" && squash(f.recommendation ?? "").length < 20)
    p.push(`${where}: an improvement needs a recommendation`);
  return p;
}

/** Problems with a whole review: every finding must stand, and every pillar needs at least one. */
export function reviewProblems(root: string, findings: readonly Finding[]): string[] {
  const p = findings.flatMap((f) => findingProblems(root, f));
  for (const pillar of Object.keys(PILLARS) as Pillar[]) {
    const good = findings.filter((f) => f.pillar === pillar && findingProblems(root, f).length === 0);
    if (good.length === 0) p.push(`${pillar}: no finding that cites real evidence`);
  }
  return p;
}
