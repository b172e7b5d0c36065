// Multi-document YAML -> Kubernetes objects, with every YAML mistake turned into a finding that names the line.
// The `yaml` package parses the whole stream even when a document is broken, so one bad document never hides the
// others, and nothing here throws on bad input.
import { LineCounter, parseAllDocuments } from "yaml";
import { type Finding, isObject, type JsonObject, type ManifestObject } from "./types";

export interface ParseResult {
  objects: ManifestObject[];
  errors: Finding[];
}

/** Fix hints for the YAML error codes learners actually hit. */
const YAML_FIXES: Record<string, string> = {
  TAB_AS_INDENT: "YAML forbids tabs for indentation: indent with spaces (2 per level is the Kubernetes convention).",
  BAD_INDENT: "Line this up with its siblings: keys of one mapping must start in the same column.",
  BLOCK_AS_IMPLICIT_KEY:
    "A key is indented deeper than its siblings (or a value continues on the next line): align it with the keys above.",
  MULTILINE_IMPLICIT_KEY: "A key must fit on one line; check the indentation of this line and the one above.",
  MISSING_CHAR: "Close the quote (or bracket) that was opened, or drop the quotes if the value needs none.",
  DUPLICATE_KEY: "A key appears twice in the same mapping; YAML keeps only one, so delete or rename the other.",
  UNEXPECTED_TOKEN: "Check the punctuation on this line: a stray ':', '-', ']' or '}'.",
};

/** The line where an unterminated quote was opened: the error itself points at the end of the document. */
function openingQuoteLine(lines: string[], errorLine: number): number | undefined {
  for (let i = Math.min(errorLine, lines.length) - 1; i >= 0; i--) {
    const text = lines[i].replace(/#.*$/, "");
    const doubles = (text.match(/"/g) ?? []).length - (text.match(/\\"/g) ?? []).length;
    const singles = (text.match(/'/g) ?? []).length;
    if (doubles % 2 === 1 || singles % 2 === 1) return i + 1;
  }
  return undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/**
 * Parse a YAML stream of Kubernetes manifests.
 * Returns the well-formed objects and, for everything else, findings:
 * K8S001 (YAML syntax, with the file's line) and K8S002 (a document that is not a Kubernetes object).
 */
export function parseManifests(text: string, fileName?: string): ParseResult {
  const lineCounter = new LineCounter();
  const objects: ManifestObject[] = [];
  const errors: Finding[] = [];
  const file = fileName;
  const lines = text.split(/\r?\n/);
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  // An empty stream (only comments) parses to a special object without documents.
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, docIndex) => {
    if (doc.errors.length > 0) {
      const seen = new Set<string>();
      for (const err of doc.errors) {
        let line = err.linePos?.[0]?.line ?? lineCounter.linePos(err.pos[0]).line;
        let message = `YAML ${err.code}: ${err.message.split("\n")[0]}`;
        if (err.code === "MISSING_CHAR" && /quote/i.test(err.message)) {
          const opened = openingQuoteLine(lines, line);
          if (opened !== undefined) {
            message = `YAML ${err.code}: unterminated quoted string opened at line ${opened} (the parser only noticed at line ${line})`;
            line = opened;
          }
        }
        const key = `${line}:${err.code}`;
        if (seen.has(key)) continue;
        seen.add(key);
        errors.push({
          rule: "K8S001",
          severity: "error",
          file,
          line,
          message,
          fix:
            YAML_FIXES[err.code] ?? "Fix the YAML syntax on this line (a YAML linter or `yq .` shows the same error).",
        });
      }
      return; // A broken document's contents are a guess; checking them would only add noise.
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return; // empty document, e.g. a trailing `---`
    const start = doc.contents?.range?.[0] ?? 0;
    const line = lineCounter.linePos(start).line;
    if (!isObject(value)) {
      const what = Array.isArray(value) ? "a list" : `a ${typeof value} (${JSON.stringify(value).slice(0, 40)})`;
      errors.push({
        rule: "K8S002",
        severity: "error",
        file,
        line,
        message: `Document ${docIndex + 1} is ${what}, not a Kubernetes object (a mapping with apiVersion, kind, metadata).`,
        fix: Array.isArray(value)
          ? "Separate objects with `---` lines instead of writing them as one YAML list."
          : "Remove the stray text, or turn it into a comment with `#`.",
      });
      return;
    }
    const body = value as JsonObject;
    const apiVersion = str(body.apiVersion);
    const kind = str(body.kind);
    const metadata = isObject(body.metadata) ? body.metadata : undefined;
    const name = str(metadata?.name) ?? str(metadata?.generateName);
    const missing = [!apiVersion && "apiVersion", !kind && "kind", !name && "metadata.name"].filter(Boolean);
    if (missing.length > 0) {
      errors.push({
        rule: "K8S002",
        severity: "error",
        file,
        line,
        object: kind && name ? `${kind}/${name}` : undefined,
        message: `Document ${docIndex + 1} is missing ${missing.join(", ")}: the API server needs all three to know what the object is.`,
        fix: "Every object starts with `apiVersion:` (e.g. apps/v1), `kind:` (e.g. Deployment) and `metadata: {name: ...}`.",
      });
      return;
    }
    const namespace = str(metadata?.namespace);
    objects.push({ docIndex, line, file, apiVersion: apiVersion!, kind: kind!, name: name!, namespace, body });
  });
  return { objects, errors };
}
