// kustomize as the referee of src/infra/k8s/kustomize.ts: for every base and overlay, both must fail, or both must
// render the same objects (compared as data, key order ignored).
import { parseAllDocuments } from "yaml";
import { loadKustomization } from "../k8s/kustomize";
import { isObject, type Json } from "../k8s/types";
import { lastLine, run } from "./tools";
import type { Comparison, ToolCommand } from "./types";

/** JSON with keys sorted at every level, so two renderings compare as text. */
export function canonical(v: Json | undefined): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isObject(v)) {
    const keys = Object.keys(v).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

const idOf = (o: Json): string => {
  const meta = isObject(o) && isObject(o.metadata) ? o.metadata : {};
  return `${isObject(o) ? o.kind : "?"}/${meta.namespace ?? ""}/${meta.name}`;
};

/** The first path at which two values differ, e.g. "/spec/template/spec/containers/0/image". */
export function firstDifference(a: Json | undefined, b: Json | undefined, path = ""): string | undefined {
  if (canonical(a) === canonical(b)) return undefined;
  if (isObject(a) && isObject(b)) {
    for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const d = firstDifference(a[k], b[k], `${path}/${k}`);
      if (d) return d;
    }
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}/${i}`);
      if (d) return d;
    }
  }
  return `${path || "/"}: ours ${JSON.stringify(a)?.slice(0, 80)}, kustomize ${JSON.stringify(b)?.slice(0, 80)}`;
}

/** How two sets of objects differ, or undefined when they are the same. */
export function objectDifference(ours: Json[], theirs: Json[]): string | undefined {
  const byId = (list: Json[]) => new Map(list.map((o) => [idOf(o), o]));
  const a = byId(ours);
  const b = byId(theirs);
  const onlyOurs = [...a.keys()].filter((k) => !b.has(k));
  const onlyTheirs = [...b.keys()].filter((k) => !a.has(k));
  if (onlyOurs.length > 0 || onlyTheirs.length > 0) {
    return `objects only ours: [${onlyOurs.join(", ")}]; only kustomize's: [${onlyTheirs.join(", ")}]`;
  }
  for (const [id, o] of a) {
    const d = firstDifference(o, b.get(id));
    if (d) return `${id} ${d}`;
  }
  return undefined;
}

export function compareKustomization(dir: string, subject: string, tool: ToolCommand & { found: true }): Comparison {
  const ours = loadKustomization(dir);
  const ourErrors = ours.errors.filter((f) => f.severity === "error");
  const real = run(tool.command, [...tool.args, dir]);
  const row = (agree: boolean, o: string, t: string): Comparison => ({
    tool: "kustomize",
    subject,
    agree,
    ours: o,
    theirs: t,
  });
  const ourVerdict = ourErrors.length > 0 ? `refused: ${ourErrors[0].rule} ${ourErrors[0].message}` : "";
  if (real.status !== 0)
    return row(ourErrors.length > 0, ourVerdict || "rendered", `refused: ${lastLine(real.stderr)}`);
  const theirs = parseAllDocuments(real.stdout)
    .map((d) => d.toJS() as Json)
    .filter((d) => d !== null);
  if (ourErrors.length > 0) return row(false, ourVerdict, `rendered ${theirs.length} objects`);
  const diff = objectDifference(
    ours.objects.map((o) => o.body),
    theirs,
  );
  return row(
    diff === undefined,
    diff ?? `rendered ${ours.objects.length} objects`,
    `rendered ${theirs.length} objects`,
  );
}
