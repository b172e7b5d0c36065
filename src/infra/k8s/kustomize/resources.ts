// Step 1: resources (and the older `bases`): YAML files inside the folder, and folders built as kustomizations.
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseManifests } from "../parse";
import { isOutside, type Layer, refuseOutside, rel, warn } from "./layer";
import type { Item } from "./objects";

export function addResources(layer: Layer, buildFolder: (dir: string) => Item[]) {
  const { ctx, abs } = layer;
  for (const key of ["resources", "bases"]) {
    layer.list(key).forEach((entry, i) => {
      if (typeof entry !== "string") return;
      const line = layer.lineOf(key, i);
      if (/^[a-z]+:\/\/|^github\.com\//.test(entry) || entry.includes("?ref=")) {
        warn(layer, line, `remote resource "${entry}" is not supported and was skipped.`);
        return;
      }
      const target = resolve(abs, entry);
      if (!existsSync(target)) {
        const message = `${key} entry "${entry}" does not exist (looked for ${rel(ctx, target)}).`;
        layer.err(line, message, "Fix the path; it is relative to the folder of this kustomization.yaml.");
      } else if (statSync(target).isDirectory()) {
        layer.items.push(...buildFolder(target));
      } else if (isOutside(abs, target)) {
        refuseOutside(layer.err, line, entry);
      } else {
        const parsed = parseManifests(readFileSync(target, "utf8"), rel(ctx, target));
        ctx.errors.push(...parsed.errors);
        layer.items.push(...parsed.objects.map((obj) => ({ obj })));
      }
    });
  }
}
