// The cross-check's own logic, without the real tools (they run in CI's `npm run crosscheck` stage): how two
// renderings are compared, what promtool is handed, and how listed differences explain, or fail to explain, a
// disagreement.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { parse } from "yaml";
import { formatTable, summarize } from "./differences";
import { canonical, objectDifference } from "./kustomize";
import { withoutKubernetesSd } from "./promtool";
import type { Comparison } from "./types";

describe("kustomize renderings compared as data", () => {
  const deploy = (image: string) => ({
    kind: "Deployment",
    metadata: { name: "api", namespace: "ml" },
    spec: { template: { spec: { containers: [{ name: "api", image }] } } },
  });
  test("key order does not matter; list order does", () => {
    assert.equal(canonical({ a: 1, b: [1, 2] }), canonical({ b: [1, 2], a: 1 }));
    assert.notEqual(canonical({ b: [1, 2] }), canonical({ b: [2, 1] }));
  });
  test("the same objects agree; a changed field is named by its path", () => {
    assert.equal(objectDifference([deploy("api:1")], [deploy("api:1")]), undefined);
    assert.match(
      objectDifference([deploy("api:1")], [deploy("api:2")]) ?? "",
      /^Deployment\/ml\/api \/spec\/template\/spec\/containers\/0\/image: ours "api:1", kustomize "api:2"$/,
    );
  });
  test("an object only one side renders is named", () => {
    const cm = { kind: "ConfigMap", metadata: { name: "cfg-abc" } };
    assert.match(objectDifference([cm], []) ?? "", /only ours: \[ConfigMap\/\/cfg-abc\]/);
  });
});

test("promtool is handed file_sd_configs where the file has kubernetes_sd_configs, the rest unchanged", () => {
  const text = `scrape_configs:
  - job_name: pods
    kubernetes_sd_configs: [{role: pod}]
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_name]
        target_label: pod
`;
  const job = parse(withoutKubernetesSd(text)).scrape_configs[0];
  assert.equal(job.kubernetes_sd_configs, undefined);
  assert.deepEqual(job.file_sd_configs, [{ files: ["kubernetes-targets.json"] }]);
  assert.deepEqual(job.relabel_configs, [{ source_labels: ["__meta_kubernetes_pod_name"], target_label: "pod" }]);
});

describe("differences.yaml explains a disagreement, or the stage fails", () => {
  const row = (subject: string, agree: boolean): Comparison => ({
    tool: "promtool",
    subject,
    agree,
    ours: "",
    theirs: "",
  });
  const listed = [{ tool: "promtool" as const, subject: "a.yml", reason: "on purpose" }];
  test("a listed disagreement is explained; an unlisted one is not", () => {
    const s = summarize("promtool", [row("a.yml", false), row("b.yml", false), row("c.yml", true)], listed);
    assert.equal(s.compared, 3);
    assert.equal(s.agreements, 1);
    assert.equal(s.explained, 1);
    assert.deepEqual(
      s.unexplained.map((c) => c.subject),
      ["b.yml"],
    );
    assert.deepEqual(s.stale, []);
  });
  test("an entry whose subject now agrees is stale", () => {
    const s = summarize("promtool", [row("a.yml", true)], listed);
    assert.deepEqual(
      s.stale.map((d) => d.subject),
      ["a.yml"],
    );
  });
  test("the table has one row per tool", () => {
    const table = formatTable([summarize("promtool", [row("a.yml", false)], listed)]);
    assert.match(table, /^\| tool +\| compared \| agreements \| disagreements \| explained \| unexplained \|$/m);
    assert.match(table, /^\| promtool \| 1 +\| 0 +\| 1 +\| 1 +\| 0 +\|$/m);
  });
});
