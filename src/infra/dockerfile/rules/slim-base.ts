// SL002 slim base for the final image. No hadolint equivalent.
// Full `node:20` / `python:3.11` images carry compilers and hundreds of packages: ~1 GB, slower pulls and more
// CVEs to patch. Build stages may use them (they need the toolchain); the image you ship should not.
import { baseName, parseImageRef } from "../image";
import { defineRule, finalStage, finding, stageChain } from "../rule-helpers";

/** Official images that have -slim / -alpine variants and are large without them. */
const FULL_FAT = new Set([
  "node",
  "python",
  "ruby",
  "golang",
  "openjdk",
  "eclipse-temurin",
  "php",
  "perl",
  "rust",
  "elixir",
  "debian",
  "maven",
  "gradle",
  "buildpack-deps",
]);

export const slimBase = defineRule("SL002", ({ model }) => {
  const root = stageChain(model, finalStage(model))[0];
  const img = root.image;
  if (!img || img.digest || !img.tag || img.tag === "latest") return []; // SL001 covers the unpinned cases
  const name = baseName(img);
  if (!FULL_FAT.has(name) || img.name.includes("distroless") || img.name.includes("chainguard")) return [];
  if (/slim|alpine|distroless|minimal|chiseled/.test(img.tag)) return [];
  // Suggest the same version with -slim: "20" -> "20-slim", "20-bookworm" -> "20-bookworm-slim".
  const suggestion = parseImageRef(`${img.name}:${img.tag}-slim`, new Map()).resolved;
  return [
    finding(
      slimBase,
      root.from.line,
      `the final image is built on the full ${img.resolved} image (large, many packages you do not need at runtime)`,
      `Use \`${suggestion}\` (or -alpine / distroless) for the final stage; keep the full image only in a build stage.`,
    ),
  ];
});
