import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { parseCsv } from "./csv";

const options = { columns: ["name", "x", "y"], numeric: ["x", "y"] };

describe("parseCsv", () => {
  test("numbers become numbers, text stays text, empty cells become null", () => {
    const table = parseCsv("name,x,y\na,1.5,-2\nb,,3e2\n,0.25,.5\n", "t.csv", options);
    assert.deepEqual(table.header, ["name", "x", "y"]);
    assert.deepEqual(
      table.rows.map((r) => r.values),
      [
        ["a", 1.5, -2],
        ["b", null, 300],
        [null, 0.25, 0.5],
      ],
    );
    assert.deepEqual(
      table.rows.map((r) => r.line),
      [2, 3, 4],
    );
  });

  test("a byte-order mark, CRLF line endings, quoted text and blank lines are handled", () => {
    const table = parseCsv('\uFEFFname,x,y\r\n"a, b",1,2\r\n\r\nc,3,4\r\n', "t.csv", options);
    assert.deepEqual(
      table.rows.map((r) => r.values),
      [
        ["a, b", 1, 2],
        ["c", 3, 4],
      ],
    );
    assert.equal(table.rows[1].line, 4);
  });

  test("a header with no data rows is an empty table", () => {
    assert.deepEqual(parseCsv("name,x,y\n", "t.csv", options).rows, []);
  });

  test("a bad number names the file, line, column and value", () => {
    for (const bad of ["NA", "NaN", "abc", "1,5", "0x10", "Infinity", " 1"]) {
      const text = `name,x,y\na,1,2\nb,"${bad}",3\n`;
      assert.throws(() => parseCsv(text, "datasets/t.csv", options), {
        message:
          `datasets/t.csv line 3, column x: "${bad}" is not a number. ` +
          "Write a plain decimal such as 3.5, or leave the cell empty if the value is missing.",
      });
    }
  });

  test("a wrong header names the file and shows expected vs found", () => {
    assert.throws(() => parseCsv("name,y,x\na,1,2\n", "datasets/t.csv", options), {
      message:
        "datasets/t.csv line 1: wrong header.\n  expected: name,x,y\n  found:    name,y,x\n" +
        "Check the column names and their order.",
    });
  });

  test("an empty file asks for the header", () => {
    assert.throws(() => parseCsv("", "datasets/t.csv", options), {
      message: "datasets/t.csv is empty: it needs a header line (name,x,y).",
    });
  });

  test("a row with the wrong number of cells names the file and line", () => {
    assert.throws(
      () => parseCsv("name,x,y\na,1,2\nb,3\n", "datasets/t.csv", options),
      (e: Error) => {
        assert.match(e.message, /^datasets\/t\.csv: Invalid Record Length: expect 3, got 2 on line 3/);
        return true;
      },
    );
  });
});
