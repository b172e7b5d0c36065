// Week 7 · Checkpoint: the deliverables checker (reference solution).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { parse } from "yaml";
import { lintDockerfile } from "../../src/infra/dockerfile/index";
import { checkKustomization, loadKustomization } from "../../src/infra/k8s/index";

export interface ImageRef {
  alt: string;
  target: string;
  line: number;
}

/** ![alt](<target> "title") or ![alt](target "title"): the target ends at the first space outside <...>. */
const MARKDOWN_IMAGE = /!\[([^\]]*)\]\(\s*(?:<([^>]*)>|([^)\s]*))(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  return m ? (m[1] ?? m[2]) : undefined;
}

export function imageReferences(markdown: string): ImageRef[] {
  const out: { ref: ImageRef; column: number }[] = [];
  let fenced = false;
  markdown.split(/\r?\n/).forEach((text, i) => {
    if (/^\s*(```|~~~)/.test(text)) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const m of text.matchAll(MARKDOWN_IMAGE)) {
      out.push({ ref: { alt: m[1].trim(), target: (m[2] ?? m[3]).trim(), line: i + 1 }, column: m.index ?? 0 });
    }
    for (const m of text.matchAll(HTML_IMAGE)) {
      const src = attribute(m[0], "src");
      if (src !== undefined) {
        out.push({
          ref: { alt: (attribute(m[0], "alt") ?? "").trim(), target: src.trim(), line: i + 1 },
          column: m.index ?? 0,
        });
      }
    }
  });
  // Both kinds on one line: keep the order they appear in.
  return out.sort((a, b) => a.ref.line - b.ref.line || a.column - b.column).map((x) => x.ref);
}

export function imageKind(bytes: Uint8Array): "png" | "jpeg" | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return "png";
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  return null;
}

export type DeliverableId = "readme" | "screenshots" | "dockerfile" | "compose" | "k8s" | "walkthrough" | "resume";

export interface DeliverableCheck {
  id: DeliverableId;
  ok: boolean;
  problems: string[];
}

const COMPOSE_FILES = ["docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml"];

function readIf(path: string): string | null {
  return existsSync(path) && statSync(path).isFile() ? readFileSync(path, "utf8") : null;
}

function screenshots(dir: string, readme: string): string[] {
  const refs = imageReferences(readme);
  if (refs.length === 0) return ["README.md shows no image: add the screenshots (![what it shows](docs/....png))"];
  const problems: string[] = [];
  for (const r of refs) {
    const where = `README.md:${r.line}`;
    if (/^(https?:|data:)/i.test(r.target)) {
      problems.push(`${where}: ${r.target} is not in the repository; keep screenshots in the folder`);
      continue;
    }
    if (r.alt === "") problems.push(`${where}: ${r.target} has no alt text (say what the screenshot shows)`);
    let path: string;
    try {
      path = resolve(dir, decodeURI(r.target.split(/[?#]/)[0]));
    } catch {
      problems.push(`${where}: ${r.target} is not a valid path`);
      continue;
    }
    const rel = relative(dir, path);
    if (rel.startsWith("..") || rel.startsWith(sep)) {
      problems.push(`${where}: ${r.target} is outside the folder`);
    } else if (!existsSync(path) || !statSync(path).isFile()) {
      problems.push(`${where}: ${rel} does not exist`);
    } else if (imageKind(readFileSync(path)) === null) {
      problems.push(`${where}: ${rel} is not a PNG or JPEG image`);
    }
  }
  return problems;
}

function dockerfile(dir: string): string[] {
  const text = readIf(join(dir, "Dockerfile"));
  if (text === null) return ["Dockerfile is missing"];
  const dockerignore = readIf(join(dir, ".dockerignore")) ?? readIf(join(dirname(dir), ".dockerignore"));
  return lintDockerfile(text, { dockerignore })
    .filter((f) => f.severity === "error")
    .map((f) => `Dockerfile:${f.line} ${f.rule} ${f.message}`);
}

function compose(dir: string): string[] {
  const name = COMPOSE_FILES.find((f) => existsSync(join(dir, f)));
  if (name === undefined) return [`no compose file (${COMPOSE_FILES.join(", ")})`];
  let doc: unknown;
  try {
    doc = parse(readFileSync(join(dir, name), "utf8"));
  } catch (e) {
    return [`${name} is not valid YAML: ${(e as Error).message.split("\n")[0]}`];
  }
  const services = (doc as { services?: unknown } | null)?.services;
  if (typeof services !== "object" || services === null || Object.keys(services).length === 0) {
    return [`${name} has no services`];
  }
  const served = Object.values(services as Record<string, Record<string, unknown> | null>).some(
    (s) =>
      s !== null && (s.build !== undefined || s.image !== undefined) && Array.isArray(s.ports) && s.ports.length > 0,
  );
  return served ? [] : [`${name}: no service that is built or pulled publishes a port`];
}

function kustomizations(folder: string): string[] {
  const out: string[] = [];
  if (existsSync(join(folder, "kustomization.yaml"))) out.push(folder);
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...kustomizations(join(folder, entry.name)));
  }
  return out;
}

function k8s(dir: string): string[] {
  const folder = join(dir, "k8s");
  if (!existsSync(folder)) return ["k8s/ is missing"];
  const layouts = kustomizations(folder);
  if (layouts.length === 0) return ["k8s/ holds no kustomization.yaml"];
  const problems: string[] = [];
  const kinds = new Set<string>();
  for (const layout of layouts) {
    const rel = relative(dir, layout);
    for (const f of checkKustomization(layout).filter((x) => x.severity === "error")) {
      problems.push(`${rel}: ${f.rule} ${f.message}`);
    }
    for (const o of loadKustomization(layout).objects) kinds.add(o.kind);
  }
  for (const kind of ["Deployment", "Service"]) if (!kinds.has(kind)) problems.push(`k8s/ renders no ${kind}`);
  return problems;
}

function walkthrough(dir: string, readme: string | null): string[] {
  const candidates = [dir, join(dir, "scripts")]
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).map((f) => join(d, f)))
    .filter((p) => basename(p).toLowerCase().includes("walkthrough") && statSync(p).isFile());
  if (candidates.length === 0) return ["no walkthrough script (a file named *walkthrough* in the folder or scripts/)"];
  const script = candidates[0];
  const rel = relative(dir, script);
  const problems: string[] = [];
  if (readFileSync(script, "utf8").trim() === "") problems.push(`${rel} is empty`);
  if (readme === null) problems.push("README.md is missing, so nothing points at the walkthrough");
  else if (!readme.includes(basename(script))) problems.push(`README.md never names ${basename(script)}`);
  return problems;
}

function resume(readme: string): string[] {
  const lines = readme.split(/\r?\n/);
  const at = lines.findIndex((l) => /^#{1,6}\s/.test(l) && /r[eé]sum[eé]/i.test(l));
  if (at < 0) return ["README.md has no résumé heading (e.g. ## Resume bullet)"];
  for (const l of lines.slice(at + 1)) {
    if (/^#{1,6}\s/.test(l)) break;
    if (/^\s*[-*]\s+\S/.test(l)) return [];
  }
  return [`README.md:${at + 1}: the résumé section has no bullet`];
}

export function checkDeliverables(dir: string): DeliverableCheck[] {
  const readme = readIf(join(dir, "README.md"));
  const noReadme = ["README.md is missing"];
  const results: [DeliverableId, string[]][] = [
    ["readme", readme === null ? noReadme : /^# \S/m.test(readme) ? [] : ["README.md has no # title"]],
    ["screenshots", readme === null ? noReadme : screenshots(dir, readme)],
    ["dockerfile", dockerfile(dir)],
    ["compose", compose(dir)],
    ["k8s", k8s(dir)],
    ["walkthrough", walkthrough(dir, readme)],
    ["resume", readme === null ? noReadme : resume(readme)],
  ];
  return results.map(([id, problems]) => ({ id, ok: problems.length === 0, problems }));
}
