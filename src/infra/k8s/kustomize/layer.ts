// One kustomization.yaml being built: its folder, its parsed fields, the objects rendered so far, and the ways a step
// reports a problem at the right line. openLayer() refuses what cannot be built at all (a cycle, no file, bad YAML).
import { existsSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { type Document, LineCounter, parseDocument } from "yaml";
import { type Finding, isObject, type Json, type JsonObject } from "../types";
import type { Item } from "./objects";

const KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
const SUPPORTED = new Set([
  "apiVersion",
  "kind",
  "metadata",
  "resources",
  "bases",
  "namespace",
  "namePrefix",
  "nameSuffix",
  "commonLabels",
  "labels",
  "commonAnnotations",
  "images",
  "replicas",
  "configMapGenerator",
  "secretGenerator",
  "generatorOptions",
  "patchesStrategicMerge",
  "patchesJson6902",
  "patches",
]);

/** What the whole build shares: the top folder (paths are reported relative to it) and the findings. */
export interface Ctx {
  root: string;
  errors: Finding[];
}

export interface Layer {
  ctx: Ctx;
  /** The kustomization's folder and file (absolute). */
  abs: string;
  file: string;
  /** The kustomization's fields. */
  k: JsonObject;
  items: Item[];
  lineOf(...path: (string | number)[]): number;
  /** The list under `key`, or [] when it is absent or not a list. */
  list(key: string): Json[];
  /** A K8S060 error (the layout is broken). */
  err(line: number, message: string, fix: string): void;
  /** Reads a file this kustomization names: it must exist and, as kustomize requires, sit inside its folder. */
  readInside(path: string, line: number, missing: string): string | undefined;
}

export function rel(ctx: Ctx, p: string): string {
  return relative(ctx.root, p) || basename(p);
}

function k8s060(ctx: Ctx, where: string, line: number, message: string, fix: string) {
  ctx.errors.push({ rule: "K8S060", severity: "error", file: rel(ctx, where), line, message, fix });
}

function warnUnsupported(ctx: Ctx, file: string, line: number, message: string) {
  ctx.errors.push({
    rule: "K8S061",
    severity: "warning",
    file: rel(ctx, file),
    line,
    message,
    fix: "This checker ignores it; verify the result with `kubectl kustomize` or simplify the kustomization.",
  });
}

/** The line of a path in the document (1 when it is not there). */
function lineFinder(doc: Document, lc: LineCounter) {
  return (...path: (string | number)[]): number => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : 1;
  };
}

/** Parse the kustomization file of `abs`; report and return undefined when it cannot be built. */
function readKustomization(ctx: Ctx, file: string) {
  const lc = new LineCounter();
  const doc = parseDocument(readFileSync(file, "utf8"), { lineCounter: lc });
  for (const e of doc.errors) {
    ctx.errors.push({
      rule: "K8S001",
      severity: "error",
      file: rel(ctx, file),
      line: e.linePos?.[0]?.line ?? 1,
      message: `YAML ${e.code}: ${e.message.split("\n")[0]}`,
      fix: "Fix the YAML syntax of the kustomization.",
    });
  }
  if (doc.errors.length > 0) return undefined;
  const k = doc.toJS() as unknown;
  if (!isObject(k)) {
    const fix = "Start it with `apiVersion: kustomize.config.k8s.io/v1beta1` and `kind: Kustomization`.";
    k8s060(ctx, file, 1, "kustomization.yaml is not a mapping.", fix);
    return undefined;
  }
  const lineOf = lineFinder(doc, lc);
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key))
      warnUnsupported(
        ctx,
        file,
        lineOf(key),
        `kustomization field "${key}" is not supported by this checker and was ignored.`,
      );
  }
  return { k, lineOf };
}

/** Open the kustomization in `dir`, or report why it cannot be built (a cycle, no file, bad YAML, not a mapping). */
export function openLayer(dir: string, ctx: Ctx, stack: string[]): Layer | undefined {
  const abs = resolve(dir);
  const file = KUSTOMIZATION_FILES.map((f) => join(abs, f)).find((f) => existsSync(f));
  if (stack.includes(abs)) {
    const cycle = [...stack.slice(stack.indexOf(abs)), abs].map((d) => rel(ctx, d) || ".").join(" -> ");
    const fix = "A base must never include (directly or indirectly) the overlay that uses it.";
    k8s060(ctx, file ?? abs, 1, `Kustomization cycle: ${cycle}.`, fix);
    return undefined;
  }
  if (!file) {
    const fix = "Add a kustomization.yaml listing the folder's resources.";
    k8s060(ctx, abs, 1, `No kustomization.yaml in ${rel(ctx, abs) || "."}.`, fix);
    return undefined;
  }
  const parsed = readKustomization(ctx, file);
  if (!parsed) return undefined;
  const { k, lineOf } = parsed;
  const err = (line: number, message: string, fix: string) => k8s060(ctx, file, line, message, fix);
  return {
    ctx,
    abs,
    file,
    k,
    items: [],
    lineOf,
    list: (key) => (Array.isArray(k[key]) ? (k[key] as Json[]) : []),
    err,
    readInside: (p, line, missing) => {
      const path = resolve(abs, p);
      if (!existsSync(path)) {
        err(line, missing, "Fix the path (relative to this kustomization).");
        return undefined;
      }
      if (isOutside(abs, path)) {
        refuseOutside(err, line, p);
        return undefined;
      }
      return readFileSync(path, "utf8");
    },
  };
}

/** Whether `path` is outside the kustomization folder `abs` (kustomize's load restrictor refuses such files). */
export function isOutside(abs: string, path: string): boolean {
  return relative(abs, path).split(/[\\/]/)[0] === "..";
}

export function refuseOutside(err: Layer["err"], line: number, entry: string) {
  err(
    line,
    `"${entry}" is a file outside this kustomization's folder; kustomize refuses it (load restrictor LoadRestrictionsRootOnly).`,
    "List the other folder itself (it needs its own kustomization.yaml), e.g. `resources: [../../base]`, or move the file here.",
  );
}

/** A K8S061 warning: a feature this checker does not implement, skipped. */
export function warn(layer: Layer, line: number, message: string) {
  warnUnsupported(layer.ctx, layer.file, line, message);
}
