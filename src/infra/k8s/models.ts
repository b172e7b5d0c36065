// Loads the JSON-schema validators that ship with `kubernetes-models` (generated from the Kubernetes OpenAPI spec).
//
// kubernetes-models 5 is ESM-only (its package.json "exports" offer only an "import" condition), while tslab compiles
// notebooks to CommonJS and tsx's require hook resolves a required ES module's own imports with "require" conditions.
// So each validator is bundled once into a CommonJS file by esbuild (the bundler tsx itself runs on), which resolves
// the package's imports with its "import" conditions, and that file is loaded with a plain require(). The bundles are
// cached under node_modules/.cache, keyed by the package version, so only the first use of a kind pays for it.
// This works the same from tsx tests, scripts and tslab notebooks, on any Node >= 20.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { buildSync } from "esbuild";

/** One ajv error as produced by the generated validators. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath?: string;
}

export type ValidateFn = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** The kubernetes-models package folder in the nearest node_modules above the cwd (or this file), or null. */
function findModels(): string | null {
  const starts = [process.cwd()];
  // __dirname exists under CommonJS (tslab); under ESM (tsx tests) it does not, and the cwd walk is enough.
  if (typeof __dirname === "string") starts.unshift(__dirname);
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      const pkg = join(dir, "node_modules", "kubernetes-models");
      if (existsSync(join(pkg, "package.json"))) return pkg;
      if (dirname(dir) === dir) break;
    }
  }
  return null;
}

let models: string | null | undefined;
function packageFolder(): string | null {
  if (models === undefined) models = findModels();
  return models;
}

/** "apps/v1" + "Deployment" -> "IoK8sApiAppsV1Deployment", the generated schema's file name. */
export function schemaId(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["core", apiVersion];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // API groups are named after their first DNS label: networking.k8s.io -> Networking, rbac.authorization.k8s.io -> Rbac.
  return `IoK8sApi${cap(group.split(".")[0])}${cap(version)}${kind}`;
}

/** The CommonJS bundle of one schema's validator: made by esbuild on first use, then read from the cache. */
function bundled(pkg: string, id: string): string {
  const version = (JSON.parse(readFileSync(join(pkg, "package.json"), "utf8")) as { version: string }).version;
  const out = join(pkg, "..", ".cache", `kubernetes-models-${version}`, `${id}.cjs`);
  if (existsSync(out)) return out;
  const result = buildSync({
    entryPoints: [join(pkg, "_schemas", `${id}.js`)],
    bundle: true,
    format: "cjs",
    platform: "node",
    write: false,
    logLevel: "silent",
  });
  mkdirSync(dirname(out), { recursive: true });
  // Written next to its final name, then renamed: parallel test processes never read half a file.
  const partial = `${out}.${process.pid}.partial`;
  writeFileSync(partial, result.outputFiles[0].text);
  renameSync(partial, out);
  return out;
}

const cache = new Map<string, ValidateFn | null>();
let loadError: string | undefined;

/** Why validators could not be loaded, if they could not. */
export function modelsUnavailableReason(): string | undefined {
  if (packageFolder() === null) return "the kubernetes-models package was not found in any node_modules folder";
  return loadError;
}

/**
 * The validator for apiVersion+kind, or null when kubernetes-models has no schema for it (a custom resource, a
 * typo in kind, or an apiVersion that never existed) or could not be loaded (then modelsUnavailableReason() says
 * why). Never throws.
 */
export function validatorFor(apiVersion: string, kind: string): ValidateFn | null {
  const id = schemaId(apiVersion, kind);
  if (cache.has(id)) return cache.get(id) ?? null;
  const pkg = packageFolder();
  let fn: ValidateFn | null = null;
  if (pkg && /^\w+$/.test(id) && existsSync(join(pkg, "_schemas", `${id}.js`))) {
    try {
      const file = bundled(pkg, id);
      const mod = createRequire(file)(file) as { validate?: ValidateFn };
      fn = typeof mod.validate === "function" ? mod.validate : null;
    } catch (e) {
      loadError = `could not load the ${id} schema (${(e as Error).message.split("\n")[0]})`;
    }
  }
  cache.set(id, fn);
  return fn;
}
