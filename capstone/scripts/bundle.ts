// Bundles the API into ONE file for the image: capstone/src/server.ts plus every module of the workspace's src/ it
// imports (the same src/ml and src/serving code the notebooks teach) -> capstone/dist/server.mjs.
// npm packages stay external: the image installs them from capstone/package-lock.json with `npm ci --omit=dev`, so
// their own files (fastify's, pino's workers, swagger-ui's static assets) stay where those packages expect them.
//
// Runs two ways, so it imports nothing but esbuild and node:*:
//   on a workstation:         npx tsx capstone/scripts/bundle.ts [outfile, default capstone/dist/server.mjs]
//   in the Dockerfile's build stage (no tsx there): esbuild compiles this file to scripts/bundle.mjs, then node runs it.
//
// It fails when the bundle imports an npm package that capstone/package.json does not list: that image would build
// and then crash at start with ERR_MODULE_NOT_FOUND.

import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { build } from "esbuild";

const capstone = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(capstone, "src", "server.ts");
// An optional argument writes the bundle elsewhere (infra.test.ts bundles into a temporary folder).
const [out] = parseArgs({ options: {}, allowPositionals: true }).positionals;
const outfile = out ? resolve(out) : join(capstone, "dist", "server.mjs");

/** "@fastify/swagger/index.js" -> "@fastify/swagger", "pino" -> "pino". */
function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

if (!existsSync(entry)) {
  console.error(`bundle: ${entry} does not exist; nothing to bundle.`);
  process.exit(1);
}
const started = Date.now();
const result = await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Every bare import (an npm package) is left as an import for node to resolve from node_modules at run time.
  packages: "external",
  // Stack traces in the logs point at capstone/src and src/ lines (node --enable-source-maps), without shipping
  // the sources themselves.
  sourcemap: "linked",
  sourcesContent: false,
  // Readable output: this file is what runs in production, and someone will read it during an incident.
  minify: false,
  metafile: true,
  logLevel: "warning",
}).catch(() => {
  // esbuild has already printed each error with its file and line; a stack trace of esbuild itself adds nothing.
  console.error("bundle: esbuild failed (errors above)");
  process.exit(1);
});

const declared = new Set(
  Object.keys(
    (JSON.parse(readFileSync(join(capstone, "package.json"), "utf8")) as { dependencies?: object }).dependencies ?? {},
  ),
);
const builtins = new Set(builtinModules);
const imported = new Set<string>();
for (const file of Object.values(result.metafile.outputs)) {
  for (const imp of file.imports) {
    if (!imp.external || imp.path.startsWith("node:") || builtins.has(imp.path)) continue;
    imported.add(packageName(imp.path));
  }
}
const undeclared = [...imported].filter((p) => !declared.has(p)).sort();
if (undeclared.length > 0) {
  console.error(
    `bundle: ${outfile} imports ${undeclared.join(", ")}, missing from capstone/package.json "dependencies".\n` +
      "Add each at the version the root package.json pins, then `cd capstone && npm install --package-lock-only --ignore-scripts`.",
  );
  process.exit(1);
}
const unused = [...declared].filter((p) => !imported.has(p)).sort();
const bytes =
  result.metafile.outputs[Object.keys(result.metafile.outputs).find((k) => k.endsWith(".mjs")) ?? ""]?.bytes;
console.log(
  `bundle: ${outfile} (${((bytes ?? 0) / 1024).toFixed(0)} KiB, ${Object.keys(result.metafile.inputs).length} modules) ` +
    `in ${Date.now() - started} ms; external packages: ${[...imported].sort().join(", ")}`,
);
if (unused.length > 0) console.log(`bundle: note: declared but not imported (they still ship): ${unused.join(", ")}`);
