// The set-up check that opens every notebook: it fails loudly, with the fix, when the kernel is not the project's.
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as tslab from "tslab";
import { findRoot } from "./paths";

export interface SetupInfo {
  root: string;
  node: string;
  tslab: string;
  typescript: string;
}

/**
 * Checks that this notebook runs on the "TypeScript (study)" kernel at the workspace root, and prints the versions.
 * Throws with instructions when it does not, because every later import of ./src/... would fail more obscurely.
 */
export function checkSetup(): SetupInfo {
  const root = findRoot();
  if (process.cwd() !== root) {
    throw new Error(
      `This kernel runs in ${process.cwd()}, not at the workspace root ${root}. Choose the "TypeScript (study)" kernel (Kernel > Change Kernel), which \`npm start\` registers.`,
    );
  }
  const missing = ["node_modules", "datasets"].filter((d) => !existsSync(join(root, d)));
  if (missing.length) throw new Error(`Missing ${missing.join(" and ")} in ${root}: run \`npm install\` there.`);
  const info = {
    root,
    node: process.version,
    tslab: tslab.versions.tslab,
    typescript: tslab.versions.typescript,
  };
  console.log(
    `Set-up OK. Workspace ${root}\nNode ${info.node}, tslab ${info.tslab}, TypeScript ${info.typescript} (notebook code compiles with this version)`,
  );
  return info;
}
