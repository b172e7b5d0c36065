// Loads the JSON-schema validators that ship with `kubernetes-models` (generated from the Kubernetes OpenAPI spec).
//
// Why this file is unusual: kubernetes-models 5 is ESM-only and its package.json "exports" offer only an "import"
// condition. So `require("kubernetes-models/...")` fails (ERR_PACKAGE_PATH_NOT_EXPORTED), tslab compiles notebooks
// to CommonJS (TS 5.0 even rewrites `import()` into `require()`), and requiring the files by absolute path breaks
// under tsx, whose require hook resolves the files' own imports with "require" conditions.
// The validators themselves are plain generated functions with exactly three module statements:
//   import{validate as validateN}from"<spec>";   import{formats}from"@kubernetes-models/validate";
//   export const validate=validateN;
// so we read the file, rewrite those three statement shapes into CommonJS-style bindings and evaluate it. Anything
// else in a file makes the loader refuse (reported as K8S009), so a future format change fails loudly, not wrongly.
// This works the same from tsx tests, scripts and tslab notebooks, on any Node >= 20.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** One ajv error as produced by the generated validators. */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath?: string;
}

export type ValidateFn = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

function startDirs(): string[] {
  const starts = [process.cwd()];
  // __dirname exists under CommonJS (tslab); under ESM (tsx tests) it does not, and the cwd walk is enough.
  if (typeof __dirname === "string") starts.unshift(__dirname);
  return starts;
}

/** The folder of package `name` in the nearest node_modules above one of `starts`, or null. */
function findPackage(name: string, starts: string[]): string | null {
  for (const start of starts) {
    let dir = start;
    for (;;) {
      const pkg = join(dir, "node_modules", name);
      if (existsSync(join(pkg, "package.json"))) return pkg;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return null;
}

let roots: { models: string; machinery: string } | null | undefined;

function packageRoots(): { models: string; machinery: string } | null {
  if (roots !== undefined) return roots;
  const models = findPackage("kubernetes-models", startDirs());
  const machinery = models && findPackage("@kubernetes-models/apimachinery", [models, ...startDirs()]);
  roots = models && machinery ? { models, machinery } : null;
  return roots;
}

/** "apps/v1" + "Deployment" -> "IoK8sApiAppsV1Deployment", the generated schema's file name. */
export function schemaId(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/", 2) : ["core", apiVersion];
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  // API groups are named after their first DNS label: networking.k8s.io -> Networking, rbac.authorization.k8s.io -> Rbac.
  return `IoK8sApi${cap(group.split(".")[0])}${cap(version)}${kind}`;
}

// Quantity and byte formats copied from @kubernetes-models/validate/dist/formats.js (itself ESM-only); the numeric
// and date formats come from ajv-formats, which is CommonJS.
const rSignedNumber = /[+-]?(?:\d+|\d+\.\d+|\d+\.|\.\d+)/;
const rQuantity = new RegExp(
  `^${rSignedNumber.source}(?:[KMGTPE]i|(?:[YZEPTGMkhdcmunpfazy]|da)|[eE]${rSignedNumber.source})?$`,
);
const rBase64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

let formatsCache: Record<string, unknown> | undefined;

function formats(models: string): Record<string, unknown> {
  if (formatsCache) return formatsCache;
  const req = createRequire(join(models, "package.json"));
  const validatePkg = findPackage("@kubernetes-models/validate", [models, ...startDirs()]);
  const fromValidate = validatePkg ? createRequire(join(validatePkg, "package.json")) : req;
  const { fullFormats } = fromValidate("ajv-formats/dist/formats") as { fullFormats: Record<string, unknown> };
  formatsCache = {
    ...fullFormats,
    byte: { type: "string", validate: (v: string) => rBase64.test(v) },
    quantity: { type: "string", validate: rQuantity },
  };
  return formatsCache;
}

const IMPORT_VALIDATE = /import\{validate as (\w+)\}from"([^"]+)";?/g;
const IMPORT_FORMATS = /import\{formats\}from"@kubernetes-models\/validate";?/g;
const EXPORT_VALIDATE = /export const validate=(\w+);?/g;

const modules = new Map<string, { validate?: ValidateFn }>();

/** Evaluate one generated schema file (and, through __load, its imports). */
function loadFile(file: string): { validate?: ValidateFn } {
  const cached = modules.get(file);
  if (cached) return cached;
  const r = packageRoots()!;
  const exportsObj: { validate?: ValidateFn } = {};
  modules.set(file, exportsObj); // before evaluating, so import cycles see the (hoisted) validate function
  const source = readFileSync(file, "utf8");
  const exported: string[] = [];
  let body = source
    .replace(EXPORT_VALIDATE, (_m, fn: string) => {
      exported.push(fn);
      return "";
    })
    .replace(IMPORT_FORMATS, "")
    .replace(
      IMPORT_VALIDATE,
      (_m, local: string, spec: string) => `var ${local}=__load(${JSON.stringify(spec)}).validate;`,
    );
  if (/(^|[;}])\s*(import|export)\b/.test(body) || exported.length !== 1) {
    throw new Error(`unsupported module syntax in ${file}`);
  }
  // Function declarations are hoisted, so exporting first lets cyclic imports see the validator.
  body = `"use strict";exports.validate=${exported[0]};${body}`;
  const resolve = (spec: string): string => {
    if (spec.startsWith("./")) return join(dirname(file), spec);
    const m = /^@kubernetes-models\/apimachinery\/_schemas\/(\w+)$/.exec(spec);
    if (m) return join(r.machinery, "_schemas", `${m[1]}.js`);
    throw new Error(`unexpected import "${spec}" in ${file}`);
  };
  // Evaluates the package's own generated validator code, see top comment.
  const run = new Function("exports", "formats", "__load", body);
  run(exportsObj, formats(r.models), (spec: string) => loadFile(resolve(spec)));
  return exportsObj;
}

const cache = new Map<string, ValidateFn | null>();
let loadError: string | undefined;

/** Why validators could not be loaded, if they could not. */
export function modelsUnavailableReason(): string | undefined {
  if (packageRoots() === null) return "the kubernetes-models package was not found in any node_modules folder";
  return loadError;
}

/**
 * The validator for apiVersion+kind, or null when kubernetes-models has no schema for it (a custom resource, a
 * typo in kind, or an apiVersion that never existed) or could not be loaded (then modelsUnavailableReason() says
 * why). Never throws.
 */
export function validatorFor(apiVersion: string, kind: string): ValidateFn | null {
  const id = schemaId(apiVersion, kind);
  if (cache.has(id)) return cache.get(id)!;
  const r = packageRoots();
  let fn: ValidateFn | null = null;
  const file = r ? join(r.models, "_schemas", `${id}.js`) : "";
  if (r && /^\w+$/.test(id) && existsSync(file)) {
    try {
      const mod = loadFile(file);
      fn = typeof mod.validate === "function" ? mod.validate : null;
    } catch (e) {
      loadError = `could not load the ${id} schema (${(e as Error).message.split("\n")[0]})`;
    }
  }
  cache.set(id, fn);
  return fn;
}
