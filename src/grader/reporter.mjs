// A node:test reporter that writes one JSON line per finished test, for the grader to read.
// It runs inside the graded process, so it sees the real error objects and can tell a stub's todo() apart.
const MARK = "[not started]";

function mentionsMark(e, seen = new Set()) {
  if (!e || seen.has(e)) return false;
  if (typeof e === "string") return e.includes(MARK);
  if (typeof e !== "object") return false;
  seen.add(e);
  return [e.message, e.actual, e.cause].some((x) => mentionsMark(x, seen));
}

function describe(error) {
  const e = error?.code === "ERR_TEST_FAILURE" && error.cause ? error.cause : error;
  if (!e) return "unknown failure";
  if (typeof e !== "object") return String(e);
  return e.message ? `${e.name && e.name !== "Error" ? `${e.name}: ` : ""}${e.message}` : String(e);
}

export default async function* gradeReporter(source) {
  for await (const event of source) {
    if (event.type !== "test:pass" && event.type !== "test:fail") continue;
    const { name, nesting, details } = event.data;
    if (details?.type === "suite") continue;
    const line = { name, nesting, passed: event.type === "test:pass" };
    if (!line.passed) {
      line.notStarted = mentionsMark(details?.error);
      line.error = describe(details?.error);
    }
    yield `${JSON.stringify(line)}\n`;
  }
}
