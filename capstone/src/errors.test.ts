// One table of error codes (errors.ts), kept in sync with the docs (capstone/docs/errors.md) and with the code that
// raises them; and the translation of any thrown value into the envelope.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { findRoot } from "../../src/workspace/paths";
import { ApiError, ERROR_CODES, type ErrorCode, envelope, errorTableMarkdown, toApiError } from "./errors";
import { errorResponses } from "./schemas";

const root = findRoot();
const docsPath = join(root, "capstone", "docs", "errors.md");
const codes = Object.keys(ERROR_CODES) as ErrorCode[];

/** A Markdown table's rows as trimmed cells, without the | --- | separator row. */
function tableCells(markdown: string): string[][] {
  return markdown
    .trim()
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/^\||\|$/g, "")
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => !cells.every((c) => /^:?-+:?$/.test(c)));
}

describe("the error table and the docs", () => {
  test("capstone/docs/errors.md shows exactly the table of errors.ts", () => {
    const docs = readFileSync(docsPath, "utf8");
    const m = docs.match(/<!-- error-codes:start -->\n([\s\S]*?)\n<!-- error-codes:end -->/);
    assert.ok(m, "capstone/docs/errors.md needs the <!-- error-codes:start --> ... <!-- error-codes:end --> markers");
    const expected = errorTableMarkdown();
    // Cell by cell, so the formatter may pad the columns (biome aligns Markdown tables).
    assert.deepEqual(
      tableCells(m[1]),
      tableCells(expected),
      `capstone/docs/errors.md is out of date: replace the lines between the markers with\n\n${expected}\n`,
    );
  });

  test("every code in the table is raised somewhere in the service, and every raised code is in the table", () => {
    const dir = join(root, "capstone", "src");
    const sources = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith(".ts") && !d.name.endsWith(".test.ts") && d.name !== "errors.ts")
      .map((d) => readFileSync(join(d.parentPath, d.name), "utf8"))
      .join("\n");
    const errorsTs = readFileSync(join(dir, "errors.ts"), "utf8");
    const framework = errorsTs.slice(errorsTs.indexOf("FRAMEWORK_CODES"));
    for (const code of codes) {
      assert.ok(
        sources.includes(`"${code}"`) || framework.includes(`"${code}"`),
        `${code} is in the table but nothing raises it: remove it from errors.ts and the docs`,
      );
    }
    const raised = [...sources.matchAll(/new ApiError\(\s*"([A-Z_]+)"/g)].map((m) => m[1]);
    for (const code of raised) assert.ok(code in ERROR_CODES, `${code} is raised but not in the table`);
  });

  test("codes are UPPER_SNAKE_CASE, statuses are 4xx/5xx, every 503 says when to retry", () => {
    for (const code of codes) {
      const info = ERROR_CODES[code] as { status: number; retryAfterSeconds?: number; description: string };
      assert.match(code, /^[A-Z]+(_[A-Z]+)*$/);
      assert.ok(info.status >= 400 && info.status < 600, `${code}: status ${info.status}`);
      assert.ok(info.description.length > 20, `${code} needs a description that says what to do`);
      if (info.status === 503) assert.ok(info.retryAfterSeconds, `${code} is a 503 without retryAfterSeconds`);
    }
  });

  test("the OpenAPI error responses name the codes of their status", () => {
    const documented = errorResponses(400, 404, 405, 413, 415, 500, 503) as Record<number, { description: string }>;
    for (const code of codes) {
      const { status } = ERROR_CODES[code];
      assert.ok(documented[status].description.includes(code), `the ${status} response does not mention ${code}`);
    }
  });
});

describe("toApiError: anything thrown -> what the client sees", () => {
  test("an ApiError passes through; the envelope has the four fields", () => {
    const e = new ApiError("EMPTY_BATCH", "empty", [{ path: "/instances", message: "x" }]);
    assert.equal(toApiError(e), e);
    assert.equal(e.status, 400);
    assert.deepEqual(envelope(e, "r1"), {
      error: {
        code: "EMPTY_BATCH",
        message: "empty",
        details: [{ path: "/instances", message: "x" }],
        requestId: "r1",
      },
    });
  });

  test("a plain Error is INTERNAL_ERROR with a fixed message: the cause never reaches the client", () => {
    const e = toApiError(new TypeError("cannot read properties of undefined (reading 'secret')"));
    assert.equal(e.code, "INTERNAL_ERROR");
    assert.equal(e.status, 500);
    assert.doesNotMatch(e.message, /secret|TypeError/);
    assert.equal(toApiError("a string").code, "INTERNAL_ERROR");
    assert.equal(toApiError(null).code, "INTERNAL_ERROR");
    assert.equal(toApiError({ statusCode: 502 }).code, "INTERNAL_ERROR");
  });

  test("Fastify's own errors get our codes", () => {
    const cases: [string, number, ErrorCode][] = [
      ["FST_ERR_CTP_INVALID_JSON_BODY", 400, "INVALID_JSON"],
      ["FST_ERR_CTP_EMPTY_JSON_BODY", 400, "INVALID_JSON"],
      ["FST_ERR_CTP_BODY_TOO_LARGE", 413, "BODY_TOO_LARGE"],
      ["FST_ERR_CTP_INVALID_MEDIA_TYPE", 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["FST_ERR_BAD_URL", 400, "INVALID_REQUEST"],
      ["FST_UNDER_PRESSURE", 503, "OVERLOADED"],
    ];
    for (const [code, statusCode, expected] of cases) {
      const e = toApiError(Object.assign(new Error("framework says"), { code, statusCode }));
      assert.equal(e.code, expected, `${code}: expected ${expected}, got ${e.code}`);
      assert.equal(e.status, ERROR_CODES[expected].status);
    }
  });

  test("an unknown 4xx error is INVALID_REQUEST (400); an unknown 413/415 keeps its meaning", () => {
    assert.equal(toApiError(Object.assign(new Error("odd"), { statusCode: 431 })).code, "INVALID_REQUEST");
    assert.equal(toApiError({ statusCode: 413 }).code, "BODY_TOO_LARGE");
    assert.equal(toApiError({ statusCode: 415 }).code, "UNSUPPORTED_MEDIA_TYPE");
  });
});
