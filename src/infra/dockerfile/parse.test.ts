// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures are Dockerfiles, where ${VAR} is build-arg syntax
// Malformed input never crashes: it comes back as SL000 findings with a line number.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { countBySeverity, exitCodeFor, formatFindings, lintDockerfile } from "./index";
import { df, linesOf } from "./test-helpers";

const TAIL = ["USER node", 'HEALTHCHECK CMD ["node", "hc.js"]', 'CMD ["node", "server.js"]'];

function parseErrors(text: unknown): [number, string][] {
  return lintDockerfile(text as string)
    .filter((f) => f.rule === "SL000")
    .map((f) => [f.line, f.message]);
}

describe("SL000 parse errors", () => {
  test("empty, whitespace-only and comment-only files: one whole-file error", () => {
    for (const text of ["", "   \n\n\t\n", "# just a comment\n# another\n"]) {
      const f = lintDockerfile(text);
      assert.equal(f.length, 1, `${JSON.stringify(text)}: ${JSON.stringify(f)}`);
      assert.deepEqual([f[0].rule, f[0].severity, f[0].line], ["SL000", "error", 0]);
      assert.match(f[0].message, /no instructions/);
    }
  });

  test("prose, JSON, YAML and a README are not Dockerfiles: one error at the first line", () => {
    assert.deepEqual(parseErrors("hello world\nthis is not a dockerfile\n"), [
      [1, 'Dockerfile does not look like a Dockerfile: line 1 starts with "hello", expected FROM'],
    ]);
    assert.deepEqual(
      parseErrors('\n\n{"name": "app", "version": "1.0.0"}\n').map(([l]) => l),
      [3],
    );
    assert.deepEqual(
      parseErrors("apiVersion: v1\nkind: Pod\n").map(([l]) => l),
      [1],
    );
    assert.deepEqual(
      parseErrors("# My app\n\nRun `npm start`.\n").map(([l]) => l),
      [3],
    );
  });

  test("instructions before FROM and files with only ARGs", () => {
    assert.match(parseErrors(df("RUN echo hi", "FROM node:20-slim"))[0][1], /before any FROM/);
    assert.deepEqual(parseErrors(df("ARG A=1", "ARG B=2")), [[0, "Dockerfile has no FROM instruction"]]);
    assert.deepEqual(parseErrors(df("ARG V=20", "FROM node:${V}-slim", ...TAIL)), []);
  });

  test("binary-ish text: one error, no crash", () => {
    assert.deepEqual(
      parseErrors("FROM node:20\n\u0000\u0001\u0002ELF\u0000").map(([l]) => l),
      [2],
    );
    assert.equal(parseErrors("\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD PNG").length, 1);
    const bytes = Array.from({ length: 300 }, (_, i) => String.fromCharCode((i * 73) % 256)).join("");
    assert.equal(parseErrors(bytes).length, 1);
  });

  test("unknown instruction (a typo, or a wrapped line missing its backslash) at its line", () => {
    const text = df("FROM node:20-slim", "RUN apt-get update &&", "    apt-get install -y curl", "COPPY . .", ...TAIL);
    assert.deepEqual(
      parseErrors(text).map(([l]) => l),
      [3, 4],
    );
  });

  test("unterminated or single-quoted exec form is an error, and not double-reported as shell form", () => {
    const text = df("FROM node:20-slim", "USER node", 'CMD ["node", "server.js"', "ENTRYPOINT ['node']");
    assert.deepEqual(
      parseErrors(text).map(([l]) => l),
      [3, 4],
    );
    assert.deepEqual(linesOf(lintDockerfile(text), "SL007"), []);
    // A shell test like `[ -f x ] && ...` is legitimate shell form, not broken JSON.
    assert.deepEqual(parseErrors(df("FROM node:20-slim", "RUN [ -f package.json ] && npm ci --omit=dev", ...TAIL)), []);
  });

  test("instructions missing their arguments", () => {
    assert.deepEqual(
      parseErrors(df("FROM node:20-slim", "WORKDIR", "COPY package.json", ...TAIL)).map(([l]) => l),
      [2, 3],
    );
  });

  test("a flood of bad lines is capped with a summary finding", () => {
    const text = df("FROM node:20-slim", ...Array.from({ length: 100 }, (_, i) => `BOGUS${i} x`), ...TAIL);
    const f = parseErrors(text);
    assert.equal(f.length, 21);
    assert.match(f[0][1], /80 more/); // the summary is a whole-file finding, so it sorts first
  });

  test("non-string input and random junk never throw", () => {
    assert.equal(parseErrors(undefined)[0][0], 0);
    assert.equal(parseErrors(null)[0][0], 0);
    let seed = 12345;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const alphabet = [
      "FROM ",
      "RUN ",
      "CMD ",
      "[",
      "]",
      '"',
      "\\\n",
      "\n",
      "$",
      "{",
      "}",
      " ",
      "#",
      "a",
      ":",
      "@",
      "=",
      "<<EOF\n",
    ];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 40 }, () => alphabet[Math.floor(rand() * alphabet.length)]).join("");
      const f = lintDockerfile(text, { dockerignore: text, hasDevDependencies: true });
      assert.ok(Array.isArray(f));
      assert.deepEqual(linesOf(f, "SL999"), [], `a rule crashed on ${JSON.stringify(text)}`);
      for (const x of f) assert.ok(Number.isInteger(x.line) && x.line >= 0, JSON.stringify(x));
    }
  });
});

describe("formatting helpers", () => {
  const findings = lintDockerfile(df("FROM node", 'CMD ["node", "s.js"]'), { dockerignore: null });
  test("formatFindings prints file:line severity rule message and fix", () => {
    const lines = formatFindings(findings, "api/Dockerfile");
    assert.ok(
      lines.includes(
        `api/Dockerfile:1 error SL001 ${findings.find((f) => f.rule === "SL001")!.message}  fix: ${findings.find((f) => f.rule === "SL001")!.fix}`,
      ),
    );
    // Whole-file findings have no line suffix, and multi-line fixes stay on one line.
    const whole = lines.find((l) => l.includes("SL009"))!;
    assert.match(whole, /^api\/Dockerfile warning SL009 /);
    assert.ok(!whole.includes("\n"));
  });
  test("findings are sorted by line, counted, and turned into an exit code", () => {
    const lines = findings.map((f) => f.line);
    assert.deepEqual(
      lines,
      [...lines].sort((a, b) => a - b),
    );
    assert.deepEqual(countBySeverity(findings), { error: 2, warning: 1, info: 1 });
    assert.equal(exitCodeFor(findings), 1);
    assert.equal(exitCodeFor(findings.filter((f) => f.severity === "info")), 0);
    assert.equal(
      exitCodeFor(
        findings.filter((f) => f.severity === "info"),
        "info",
      ),
      1,
    );
  });
});
