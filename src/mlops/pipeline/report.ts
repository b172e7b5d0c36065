/** The pipeline's report for people: plain text for the terminal, Markdown for a CI job summary or MLflow. */

import { type PipelineReport, STEPS } from "./types";
import { describeCheck } from "./validate";

const f4 = (x: number) => x.toFixed(4);

/** Plain text: the verdict first, then what failed and by how much, then the numbers. */
export function formatReport(r: PipelineReport): string {
  const lines: string[] = [];
  lines.push(
    r.ok
      ? `PIPELINE OK: ${r.deployedTo ? `version ${r.version} deployed to ${r.deployedTo}` : `version ${r.version} registered`} (${(r.totalMs / 1000).toFixed(1)} s)`
      : `PIPELINE STOPPED at step "${r.stoppedAt}": ${r.reason}. Nothing was deployed.`,
  );
  const failed = r.checks.filter((c) => !c.passed);
  if (failed.length) {
    lines.push("Failed checks:");
    for (const c of failed) lines.push(`  ✗ ${describeCheck(c)}`);
  }
  if (r.metrics) {
    const m = r.metrics;
    lines.push(
      `Test metrics (${m.testRows} rows): AUC ${f4(m.auc)}, accuracy ${f4(m.accuracy)}, precision ${f4(m.precision)}, recall ${f4(m.recall)}, F1 ${f4(m.f1)}`,
    );
  }
  if (r.champion)
    lines.push(`Champion before this run: v${r.champion.version}, AUC ${f4(r.champion.auc)} on the same test rows`);
  lines.push(
    `Data sha256 ${r.dataSha256.slice(0, 16)}..., seed ${r.seed}, model sha256 ${r.modelSha256?.slice(0, 16) ?? "-"}...`,
  );
  if (r.runUrl) lines.push(`MLflow run: ${r.runUrl}`);
  return lines.join("\n");
}

/** Markdown: what `$GITHUB_STEP_SUMMARY` shows on the workflow run's page. */
export function markdownReport(r: PipelineReport): string {
  const out: string[] = [];
  out.push(`## ML pipeline: ${r.ok ? "✅ passed" : `❌ stopped at \`${r.stoppedAt}\``}`);
  out.push("");
  out.push(
    r.ok
      ? `Version **${r.version}** ${r.deployedTo ? `promoted to \`champion\` and written to \`${r.deployedTo}\`` : "registered"}.`
      : `**${r.reason}** Nothing was deployed.`,
  );
  out.push("");
  out.push("| step | status | time |");
  out.push("| --- | --- | --- |");
  const stopped = r.stoppedAt ? STEPS.indexOf(r.stoppedAt) : STEPS.length;
  STEPS.forEach((s, i) => {
    const status = i < stopped ? "✅" : i === stopped ? "❌" : "skipped";
    const ms = r.durationsMs[s];
    out.push(`| ${i + 1}. ${s} | ${status} | ${ms === undefined ? "" : `${ms} ms`} |`);
  });
  out.push("");
  out.push("| check | result | value | limit |");
  out.push("| --- | --- | --- | --- |");
  for (const c of r.checks) {
    const v = Number.isInteger(c.value) ? String(c.value) : f4(c.value);
    const l = Number.isInteger(c.limit) ? String(c.limit) : f4(c.limit);
    out.push(
      `| ${c.id} | ${c.passed ? "✅" : "❌"} ${c.message.replace(/\|/g, "\\|")} | ${v} | ${c.comparison} ${l} |`,
    );
  }
  if (r.metrics) {
    const m = r.metrics;
    out.push("");
    out.push("| AUC | accuracy | precision | recall | F1 | test rows | champion AUC (same rows) |");
    out.push("| --- | --- | --- | --- | --- | --- | --- |");
    out.push(
      `| ${f4(m.auc)} | ${f4(m.accuracy)} | ${f4(m.precision)} | ${f4(m.recall)} | ${f4(m.f1)} | ${m.testRows} | ${r.champion ? `${f4(r.champion.auc)} (v${r.champion.version})` : "none yet"} |`,
    );
  }
  out.push("");
  out.push(
    `Data sha256 \`${r.dataSha256.slice(0, 16)}\`, seed ${r.seed}, model sha256 \`${r.modelSha256?.slice(0, 16) ?? "-"}\`, ${(r.totalMs / 1000).toFixed(1)} s.`,
  );
  return `${out.join("\n")}\n`;
}
