// SL006 cacheable layer order. No hadolint equivalent.
// Docker reuses a layer only if everything before it is unchanged. `COPY . .` before `npm ci` means every source
// edit invalidates the install layer and re-downloads all dependencies on each build.

import { defineRule, finding } from "../rule-helpers";
import { commandsOf, dependencyInstall } from "../shell";
import type { Finding, Instr } from "../types";

/** Sources that mean "the whole build context". */
function copiesWholeContext(instr: Instr): boolean {
  if (instr.keyword !== "COPY" && instr.keyword !== "ADD") return false;
  if (instr.flags.has("from")) return false; // copies from another stage, not the context
  let words: string[];
  try {
    words = instr.args.startsWith("[") ? (JSON.parse(instr.args) as string[]) : instr.args.split(/\s+/);
  } catch {
    words = instr.args.split(/\s+/);
  }
  const sources = words.slice(0, -1);
  return sources.some((s) => s === "." || s === "./" || s === "*" || s === "./*");
}

export const layerOrder = defineRule("SL006", ({ model }) => {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    let install: { line: number; tool: string } | null = null;
    for (const i of stage.instructions) {
      if (i.keyword !== "RUN") continue;
      const tool = commandsOf(i)
        .map(dependencyInstall)
        .find((t) => t !== null);
      if (tool) {
        install = { line: i.line, tool };
        break;
      }
    }
    if (!install) continue;
    const early = stage.instructions.find((i) => i.line < (install as { line: number }).line && copiesWholeContext(i));
    if (!early) continue;
    const manifests =
      install.tool === "pip" || install.tool === "uv" || install.tool === "poetry"
        ? "`COPY requirements.txt ./` (or pyproject.toml + lock file)"
        : "`COPY package.json package-lock.json ./` (or `COPY package*.json ./`)";
    out.push(
      finding(
        layerOrder,
        early.line,
        `\`${early.keyword} ${early.args}\` copies the whole context before the dependency install on line ${install.line}, so any source change re-installs every dependency`,
        `Copy only the manifests first: ${manifests}, then the install RUN, then \`COPY . .\`.`,
      ),
    );
  }
  return out;
});
