// Shared shapes for the Dockerfile linter. Kept free of dockerfile-ast types so callers (a CLI, the grader, a
// notebook) only need `Finding` and `LintOptions`.

// One Finding and Severity for every checker of src/infra ("SL000" means the text could not be read as a Dockerfile).
import type { Finding, Severity } from "../findings";

export type { Finding, Severity };

export interface LintOptions {
  /**
   * Content of the .dockerignore next to the Dockerfile. A string is checked; `null` means the file is absent
   * (a warning); `undefined` (the default) means "not checked".
   */
  dockerignore?: string | null;
  /** The caller read package.json and saw devDependencies; enables the multi-stage rule (SL005). */
  hasDevDependencies?: boolean;
  /** Used in messages only, e.g. "Dockerfile.prod". */
  fileName?: string;
}

/** One instruction, flattened to what the rules need. Lines are 1-based. */
export interface Instr {
  /** Upper-case keyword ("RUN"), whatever case the file used. */
  keyword: string;
  line: number;
  endLine: number;
  /** Arguments without flags (`--from=...`, `--mount=...`), continuation lines joined; "" when none. */
  args: string;
  /** Flags as name -> value ("from" -> "build"); a bare flag maps to "". */
  flags: Map<string, string>;
  /** For ENV and ARG: each `name=value` (value null for a bare `ARG NAME`, quotes removed), 1-based line. */
  props: { name: string; value: string | null; line: number }[];
  /** Index of the build stage this instruction belongs to; -1 for ARGs before the first FROM. */
  stage: number;
}

/** A parsed image reference such as `docker.io/library/node:20-slim@sha256:...`. */
export interface ImageRef {
  /** The reference as written in the FROM line. */
  raw: string;
  /** After substituting global ARG defaults. */
  resolved: string;
  /** Repository path without registry or tag, e.g. "node", "library/node", "distroless/nodejs20-debian12". */
  name: string;
  tag: string | null;
  digest: string | null;
  /** Names of build args that have no default, so the reference cannot be resolved statically. */
  unresolvedArgs: string[];
}

export interface Stage {
  index: number;
  /** The `AS name`, lower-cased; null when unnamed. */
  alias: string | null;
  from: Instr;
  /** The base image, or null when the stage starts FROM an earlier stage or FROM scratch. */
  image: ImageRef | null;
  /** When the stage is `FROM <earlier stage>`, that stage's index. */
  parent: number | null;
  scratch: boolean;
  /** Instructions after the FROM, in order. */
  instructions: Instr[];
}

export interface DockerfileModel {
  text: string;
  lines: string[];
  /** Every instruction in file order, including global ARGs and FROMs. */
  instructions: Instr[];
  stages: Stage[];
  /** Comment lines (1-based line, text after '#', trimmed). */
  comments: { line: number; text: string }[];
  /** Instructions whose exec form (JSON array) failed to parse; shell-form rules skip them. */
  brokenJson: Set<Instr>;
}

export interface LintContext {
  model: DockerfileModel;
  options: LintOptions;
}

/** A rule: an id, a default severity, and a pure check over the parsed model. */
export interface Rule {
  id: string;
  severity: Severity;
  /** Short name for tables and docs. */
  title: string;
  /** The closest hadolint rule(s), when there is one. */
  hadolint?: string;
  check(ctx: LintContext): Finding[];
}
