// SL001 pinned base tag. hadolint: DL3006 (untagged image) and DL3007 (`latest`).
// Without a tag, `FROM node` means `node:latest`: the image changes under you and builds stop being repeatable.
import { defineRule, finding } from "../rule-helpers";
import type { Finding } from "../types";

export const pinnedTag = defineRule("SL001", ({ model }) => {
  const out: Finding[] = [];
  for (const stage of model.stages) {
    const img = stage.image;
    if (!img) continue; // FROM scratch or FROM an earlier stage
    if (img.digest) continue; // a digest pins exactly one image
    const line = stage.from.line;
    if (img.unresolvedArgs.length > 0 && !img.tag) {
      out.push(
        finding(
          pinnedTag,
          line,
          `FROM ${img.raw} depends on build arg ${img.unresolvedArgs.join(", ")} with no default, so a plain \`docker build\` has no pinned image`,
          // `FROM ${BASE}` needs a whole image as default; `FROM node:${VERSION}` only a tag.
          /^\$\{?[A-Za-z_]/.test(img.raw)
            ? `Give the ARG a pinned default before the first FROM, e.g. \`ARG ${img.unresolvedArgs[0]}=node:20-slim\`.`
            : `Give the ARG a pinned default before the first FROM, e.g. \`ARG ${img.unresolvedArgs[0]}=20-slim\`.`,
          "warning",
        ),
      );
      continue;
    }
    const shown = img.raw === img.resolved ? img.raw : `${img.raw} (= ${img.resolved})`;
    if (!img.tag) {
      out.push(
        finding(
          pinnedTag,
          line,
          `FROM ${shown} has no tag, which means :latest and changes whenever upstream publishes`,
          `Pin a version, e.g. \`FROM ${img.resolved}:20-slim\`, or a digest (\`@sha256:...\`).`,
        ),
      );
    } else if (img.tag === "latest") {
      out.push(
        finding(
          pinnedTag,
          line,
          `FROM ${shown} uses the :latest tag, so rebuilds silently pick up a different image`,
          "Pin a version tag (e.g. `node:20-slim`, `python:3.11-slim`) or a digest.",
        ),
      );
    }
  }
  return out;
});
