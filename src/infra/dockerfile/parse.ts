// Turn Dockerfile text into the small model the rules use, and report text that is not a valid Dockerfile as
// SL000 findings instead of throwing. Anything a learner can type (an empty file, a README pasted by mistake,
// a binary) must come back as a finding with a line number.
import { DockerfileParser, type Instruction } from "dockerfile-ast";
import { parseImageRef } from "./image";
import type { DockerfileModel, Finding, Instr, Stage } from "./types";

export const PARSE_RULE = "SL000";

const KNOWN = new Set([
  "ADD",
  "ARG",
  "CMD",
  "COPY",
  "ENTRYPOINT",
  "ENV",
  "EXPOSE",
  "FROM",
  "HEALTHCHECK",
  "LABEL",
  "MAINTAINER",
  "ONBUILD",
  "RUN",
  "SHELL",
  "STOPSIGNAL",
  "USER",
  "VOLUME",
  "WORKDIR",
]);
/** Instructions whose JSON-array (exec) form Docker accepts. */
const EXEC_FORM = new Set(["CMD", "ENTRYPOINT", "RUN", "SHELL", "COPY", "ADD", "VOLUME"]);
/** More findings than this about unreadable lines are noise; the rest are summarised in one finding. */
const MAX_PARSE_FINDINGS = 20;

export interface Parsed {
  /** null when the text is not a Dockerfile at all; the findings say why. */
  model: DockerfileModel | null;
  findings: Finding[];
}

function parseError(line: number, message: string, fix: string): Finding {
  return { rule: PARSE_RULE, severity: "error", line, message, fix };
}

function flagsOf(node: Instruction): Map<string, string> {
  const flags = new Map<string, string>();
  const withFlags = node as Instruction & { getFlags?: () => { getName(): string; getValue(): string | null }[] };
  if (typeof withFlags.getFlags === "function") {
    for (const f of withFlags.getFlags()) flags.set(f.getName().toLowerCase(), f.getValue() ?? "");
  }
  return flags;
}

function propsOf(node: Instruction): Instr["props"] {
  const withProps = node as Instruction & {
    getProperties?: () => { getName(): string; getValue(): string | null; getRange(): { start: { line: number } } }[];
  };
  if (typeof withProps.getProperties !== "function") return [];
  return withProps
    .getProperties()
    .map((p) => ({ name: p.getName(), value: p.getValue(), line: p.getRange().start.line + 1 }));
}

/** Looks like an exec form (starts with `[` then a quote), so a JSON failure is a real mistake, not `[ -f x ]`. */
function looksLikeExecForm(args: string): boolean {
  return /^\[\s*["'\]]/.test(args);
}

function validJsonStringArray(args: string): boolean {
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((s) => typeof s === "string");
  } catch {
    return false;
  }
}

const refused = (f: Finding): Parsed => ({ model: null, findings: [f] });

/** Binary content (NULs, many replacement characters) is not worth parsing line by line. */
function binaryProblem(text: string, fileName: string): Finding | undefined {
  const nul = text.indexOf("\u0000");
  if (nul < 0 && (text.match(/\uFFFD/g)?.length ?? 0) <= 3) return undefined;
  const line = nul >= 0 ? text.slice(0, nul).split("\n").length : 1;
  return parseError(
    line,
    `${fileName} looks like a binary file, not a Dockerfile`,
    "Check the path: a Dockerfile is plain text starting with FROM.",
  );
}

/** Docker requires FROM first; only ARG (and parser directives / comments) may come before it. */
function startProblem(nodes: Instruction[], fileName: string): Finding | undefined {
  if (nodes.length === 0) {
    return parseError(
      0,
      `${fileName} has no instructions (empty or only comments)`,
      "Start with a FROM line, e.g. `FROM node:20-slim`.",
    );
  }
  const first = nodes.find((n) => n.getKeyword() !== "ARG");
  if (!first) {
    return parseError(
      0,
      `${fileName} has no FROM instruction`,
      "Add a FROM line after the ARGs, e.g. `FROM node:20-slim`.",
    );
  }
  if (first.getKeyword() === "FROM") return undefined;
  const line = first.getRange().start.line + 1;
  const word = first.getInstruction().slice(0, 30);
  return parseError(
    line,
    KNOWN.has(first.getKeyword())
      ? `${word} comes before any FROM; a Dockerfile must start with FROM (only ARG may precede it)`
      : `${fileName} does not look like a Dockerfile: line ${line} starts with "${word}", expected FROM`,
    "Start the file with a FROM line, e.g. `FROM node:20-slim`.",
  );
}

function toInstr(node: Instruction, stage: number): Instr {
  const range = node.getRange();
  return {
    keyword: node.getKeyword(),
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    args: (node.getArgumentsContent() ?? "").trim(),
    flags: flagsOf(node),
    props: propsOf(node),
    stage,
  };
}

/** A FROM line opens a stage: its alias, and its base image or the earlier stage it builds on. */
function newStage(instr: Instr, stages: Stage[], globalArgs: Map<string, string | null>, report: Report): Stage {
  const words = instr.args.split(/\s+/).filter(Boolean);
  if (words.length === 0)
    report(parseError(instr.line, "FROM has no image", "Name a base image, e.g. `FROM node:20-slim`."));
  const raw = words[0] ?? "";
  const alias = words.length >= 3 && words[1].toLowerCase() === "as" ? words[2].toLowerCase() : null;
  const parentIdx = stages.findIndex((s) => s.alias !== null && s.alias === raw.toLowerCase());
  const scratch = raw.toLowerCase() === "scratch";
  return {
    index: stages.length,
    alias,
    from: instr,
    image: parentIdx >= 0 || scratch || raw === "" ? null : parseImageRef(raw, globalArgs),
    parent: parentIdx >= 0 ? parentIdx : null,
    scratch,
    instructions: [],
  };
}

/** An instruction without arguments, or a COPY/ADD without a destination. */
function argumentProblem(instr: Instr, brokenJson: Set<Instr>): Finding | undefined {
  const { keyword } = instr;
  if (instr.args === "") {
    return parseError(instr.line, `${keyword} has no arguments`, `Give ${keyword} its arguments or delete the line.`);
  }
  if ((keyword === "COPY" || keyword === "ADD") && !brokenJson.has(instr) && instr.args.split(/\s+/).length < 2) {
    return parseError(
      instr.line,
      `${keyword} needs a source and a destination`,
      `Write \`${keyword} <src> <dest>\`, e.g. \`COPY package.json ./\`.`,
    );
  }
  return undefined;
}

type Report = (f: Finding) => void;

/** Every instruction, grouped into stages; unreadable ones are reported. */
function readInstructions(nodes: Instruction[], globalArgs: Map<string, string | null>, report: Report) {
  const instructions: Instr[] = [];
  const stages: Stage[] = [];
  const brokenJson = new Set<Instr>();
  for (const node of nodes) {
    const instr = toInstr(node, stages.length - 1);
    const { keyword } = instr;
    instructions.push(instr);
    if (!KNOWN.has(keyword)) {
      report(
        parseError(
          instr.line,
          `unknown instruction "${node.getInstruction().slice(0, 30)}"`,
          "Fix the typo, or join a wrapped line to the previous one with a trailing backslash.",
        ),
      );
      continue;
    }
    if (EXEC_FORM.has(keyword) && looksLikeExecForm(instr.args) && !validJsonStringArray(instr.args)) {
      brokenJson.add(instr);
      report(
        parseError(
          instr.line,
          `${keyword} looks like exec form but is not a valid JSON array of strings, so Docker would run it as a shell string`,
          'Use double quotes and close the bracket: `CMD ["node", "server.js"]`.',
        ),
      );
    }
    if (keyword === "FROM") {
      const stage = newStage(instr, stages, globalArgs, report);
      instr.stage = stage.index;
      stages.push(stage);
      continue;
    }
    const problem = argumentProblem(instr, brokenJson);
    if (problem) report(problem);
    if (instr.stage >= 0) stages[instr.stage].instructions.push(instr);
  }
  return { instructions, stages, brokenJson };
}

export function parseDockerfile(input: unknown, fileName = "Dockerfile"): Parsed {
  if (typeof input !== "string") {
    return refused(
      parseError(0, `${fileName}: expected text, got ${typeof input}`, "Pass the file's contents as a string."),
    );
  }
  const text = input;
  const binary = binaryProblem(text, fileName);
  if (binary) return refused(binary);
  let nodes: Instruction[];
  let dockerfile: ReturnType<typeof DockerfileParser.parse>;
  try {
    dockerfile = DockerfileParser.parse(text);
    nodes = dockerfile.getInstructions();
  } catch (e) {
    return refused(parseError(0, `${fileName} could not be parsed: ${String(e)}`, "Check the file is a Dockerfile."));
  }
  const start = startProblem(nodes, fileName);
  if (start) return refused(start);

  const findings: Finding[] = [];
  let extra = 0;
  const report: Report = (f) => {
    if (findings.length < MAX_PARSE_FINDINGS) findings.push(f);
    else extra++;
  };
  // Global ARG defaults (before the first FROM) are the only variables a FROM line can use.
  const globalArgs = new Map<string, string | null>();
  for (const a of dockerfile.getInitialARGs()) {
    const p = a.getProperty();
    if (p) globalArgs.set(p.getName(), p.getValue());
  }
  const { instructions, stages, brokenJson } = readInstructions(nodes, globalArgs, report);
  if (extra > 0) {
    findings.push(
      parseError(
        0,
        `${extra} more unreadable lines not listed`,
        "Fix the lines above first; is this really a Dockerfile?",
      ),
    );
  }
  const lines = text.split(/\r?\n/);
  const comments = lines
    .map((l, i) => ({ line: i + 1, m: /^\s*#\s?(.*)$/.exec(l) }))
    .filter((c) => c.m !== null)
    .map((c) => ({ line: c.line, text: (c.m as RegExpExecArray)[1].trim() }));
  return { model: { text, lines, instructions, stages, comments, brokenJson }, findings };
}
