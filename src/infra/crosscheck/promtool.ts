// promtool as the referee of src/infra/prometheus/config.ts: for every prometheus.yml, Prometheus refuses to load it
// exactly when we report an error. Warnings are advice, not refusals.
// Debian's `prometheus` package is built without Kubernetes service discovery (its promtool calls the
// kubernetes_sd_configs field unknown), so promtool reads a copy in which each job's kubernetes_sd_configs is a
// file_sd_configs: everything else in the job (relabelling, durations, names) is still Prometheus's to judge.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { isMap, isSeq, parseDocument } from "yaml";
import { checkPrometheusConfig, PROM_RULES } from "../prometheus/config";
import { lastLine, run } from "./tools";
import type { Comparison, ToolCommand } from "./types";

/** The text promtool is given: kubernetes_sd_configs replaced by file_sd_configs, everything else as written. */
export function withoutKubernetesSd(text: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return text;
  const jobs = doc.get("scrape_configs", true);
  if (!isSeq(jobs)) return text;
  for (const job of jobs.items) {
    if (!isMap(job) || !job.has("kubernetes_sd_configs")) continue;
    job.delete("kubernetes_sd_configs");
    job.set("file_sd_configs", doc.createNode([{ files: ["kubernetes-targets.json"] }]));
  }
  return doc.toString();
}

/** One prometheus.yml, judged by both. */
export function comparePrometheusConfig(path: string, subject: string, tool: ToolCommand & { found: true }) {
  const text = readFileSync(path, "utf8");
  const findings = checkPrometheusConfig(text, subject).findings;
  const errors = findings.filter((f) => f.severity === "error");
  const dir = mkdtempSync(join(tmpdir(), "promtool-"));
  try {
    const copy = join(dir, basename(path));
    writeFileSync(copy, withoutKubernetesSd(text));
    const real = run(tool.command, [...tool.args, copy], dir);
    const comparison: Comparison = {
      tool: "promtool",
      subject,
      agree: errors.length > 0 === (real.status !== 0),
      ours: errors.length > 0 ? `refused: ${[...new Set(errors.map((e) => e.rule))].join(", ")}` : "loads",
      theirs: real.status !== 0 ? `refused: ${lastLine(real.stderr + real.stdout)}` : "loads",
    };
    return { comparison, ourRules: new Set(findings.map((f) => f.rule)), promtoolRefused: real.status !== 0 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each PROM rule has a fixture of its own (named PROMxxx-...) on which we report it and promtool refuses the file. */
export function ruleCoverage(results: { ourRules: Set<string>; promtoolRefused: boolean; subject: string }[]) {
  return PROM_RULES.map((rule): Comparison => {
    const hit = results.find(
      (r) => r.promtoolRefused && r.ourRules.has(rule.id) && basename(r.subject).startsWith(`${rule.id}-`),
    );
    return {
      tool: "promtool",
      subject: rule.id,
      agree: hit !== undefined,
      ours: `${rule.id} (${rule.severity}): ${rule.title}`,
      theirs: hit ? `also refuses ${hit.subject}` : "refuses no fixture on which this rule fires",
    };
  });
}
