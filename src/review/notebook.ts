// The week-8 notebook's helpers: inline quiz questions with the answer in a separate cell, the exam overview, the
// interview list with links, and the progress dashboard. The terminal commands share the same bank and summary.
import * as tslab from "tslab";
import { show } from "../plot/index";
import { isNotInKernelError } from "../plot/kernel";
import { escapeHtml } from "../workspace/html";
import { loadForCommands } from "./bank";
import { examDomainsFigure, examScoresFigure, recallFigure, solvedFigure } from "./charts";
import { answerText } from "./grading";
import { INTERVIEW_QUESTIONS } from "./interview";
import { reviewPaths } from "./paths";
import type { BankQuestion, Link } from "./schema";
import { formatSummary, summarize } from "./summary";

/** HTML in a notebook; the plain text when not running in a kernel (a script, a test). */
function display(html: string, text: string): void {
  try {
    tslab.display.html(html);
  } catch (e) {
    if (!isNotInKernelError(e)) throw e;
    console.log(text);
  }
}

function bank() {
  const paths = reviewPaths();
  return { paths, ...loadForCommands(paths.questions, paths.exams) };
}

function find(id: string): BankQuestion {
  const q = bank().questions.find((x) => x.id === id);
  if (!q) throw new Error(`No question "${id}" in review/questions/.`);
  return q;
}

/** JupyterLab's anchor for a heading: its text with spaces turned into dashes. */
export function headingHref(link: Link): string {
  return `${link.notebook}#${encodeURI(link.heading.trim().replace(/ /g, "-"))}`;
}

function linkHtml(link: Link): string {
  return `<a href="${escapeHtml(headingHref(link))}">${escapeHtml(link.notebook)} → ${escapeHtml(link.heading)}</a>`;
}

/** Shows a question without its answer. Think, then run the next cell: `reveal(id)`. */
export function ask(id: string): void {
  const q = find(id);
  const options = q.type === "single" || q.type === "multiple" ? q.options : [];
  const kind = { single: "one answer", multiple: "several answers", numeric: "a number", free: "in your own words" }[
    q.type
  ];
  const letters = "ABCDEFGHI";
  display(
    `<div style="border-left:4px solid #0969da;padding:4px 10px"><b>${escapeHtml(q.prompt)}</b> <i>(${kind})</i>` +
      (options.length ? `<ol type="A">${options.map((o) => `<li>${escapeHtml(o)}</li>`).join("")}</ol>` : "") +
      "</div>",
    `${q.prompt} (${kind})\n${options.map((o, i) => `  ${letters[i]}. ${o}`).join("\n")}`,
  );
}

/** The answer, the explanation and the section that teaches it. */
export function reveal(id: string): void {
  const q = find(id);
  const links = [q.link, ...(q.links ?? [])];
  const rubric = q.type === "free" ? q.rubric : [];
  display(
    `<div style="border-left:4px solid #1a7f37;padding:4px 10px"><b>Answer:</b> ${escapeHtml(answerText(q))}` +
      (rubric.length ? `<ul>${rubric.map((r) => `<li>${escapeHtml(r)}</li>`).join("")}</ul>` : "") +
      `<p>${escapeHtml(q.explanation)}</p><p>Read: ${links.map(linkHtml).join(" · ")}</p></div>`,
    `Answer: ${answerText(q)}\n${rubric.map((r) => `  • ${r}`).join("\n")}\n${q.explanation}\nRead: ${links.map((l) => `${l.notebook} → ${l.heading}`).join("; ")}`,
  );
}

/** Each exam's domains and weights as a chart, with the bank's questions per domain. */
export function examOverview(): void {
  const { exams, questions } = bank();
  for (const exam of exams) show(examDomainsFigure(exam, questions), { height: 120 + 60 * exam.domains.length });
  const tagged = questions.filter((q) => q.exam).length;
  console.log(
    `${tagged} exam questions in the bank. Practice in a terminal: ${exams.map((e) => `npm run exam -- ${e.name}`).join("  or  ")}`,
  );
}

/** The 12 mock interview questions with links to where the workspace teaches each. */
export function interviewList(): void {
  const { questions } = bank();
  const rows = INTERVIEW_QUESTIONS.map((iq, i) => {
    const q = questions.find((x) => x.id === iq.id);
    const links = q ? [q.link, ...(q.links ?? [])] : [];
    return { n: i + 1, level: iq.level, text: iq.text, links };
  });
  display(
    `<ol>${rows
      .map(
        (r) =>
          `<li><b>${escapeHtml(r.text)}</b> <i>(${r.level})</i><br/>${r.links.map(linkHtml).join(" · ") || "(not in the bank yet)"}</li>`,
      )
      .join("")}</ol>`,
    rows
      .map((r) => `${r.n}. ${r.text} (${r.level})\n   ${r.links.map((l) => `${l.notebook} → ${l.heading}`).join("; ")}`)
      .join("\n"),
  );
}

/** The progress dashboard: the same summary as `npm run progress`, as plots where there is data to plot. */
export function progressDashboard(now: Date = new Date()): void {
  const s = summarize(reviewPaths(), now);
  if (s.weeks.length) show(solvedFigure(s), { height: 380 });
  if (s.recall.length) show(recallFigure(s), { height: 160 + 28 * s.recall.length });
  else console.log("Recall per topic: nothing reviewed yet. Run `npm run quiz` in a terminal, then re-run this cell.");
  if (s.exams.length) show(examScoresFigure(s), { height: 380 });
  else console.log("Exam scores: no practice exam yet (`npm run exam -- aws-cloud-practitioner`).");
  const next = s.next.map(
    (n) => `<li><code>${escapeHtml(n.topic)}</code>: ${escapeHtml(n.reason)} <i>(${escapeHtml(n.title)})</i></li>`,
  );
  display(
    `<p><b>Review next</b> (then <code>npm run quiz -- --topic ${escapeHtml(s.next[0]?.topic ?? "")}</code>):</p><ol>${next.join("")}</ol>` +
      s.notes.map((n) => `<p><i>Note: ${escapeHtml(n)}</i></p>`).join(""),
    formatSummary(s),
  );
}
