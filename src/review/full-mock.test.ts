// The full-length mock of each AWS exam, driven end to end on the real bank (review/) through stdin, like a learner:
// 65 questions, each recognised on screen by its prompt and answered with number keys, right or wrong on purpose by
// domain, so the score report's numbers are known in advance. See drive.ts for how the driving works.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../workspace/paths";
import { loadBank, loadExams } from "./bank";
import { Driver, KEYS } from "./drive";
import { allocate } from "./exam";
import { hashSeed, shuffledOptions } from "./grading";
import type { BankQuestion } from "./schema";

const root = findRoot();
const bank = loadBank(join(root, "review", "questions")).items;
const exams = loadExams(join(root, "review", "exams.yaml")).items;
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The exam question whose prompt is on screen (the longest match, in case one prompt contains another). */
function questionOnScreen(screen: string, pool: readonly BankQuestion[]): BankQuestion {
  const text = squash(screen);
  const found = pool.filter((q) => text.includes(squash(q.prompt))).sort((a, b) => b.prompt.length - a.prompt.length);
  if (!found.length) throw new Error(`no question of the bank matches the screen:\n${screen.slice(-1500)}`);
  return found[0];
}

/** The keys that answer `q` right or wrong: its options are shuffled by (id, seed), the same way the command does. */
function keysFor(q: BankQuestion, seed: number, right: boolean): string {
  if (q.type !== "single" && q.type !== "multiple") throw new Error(`${q.id}: an exam question is single or multiple`);
  const order = shuffledOptions(q.options, hashSeed(q.id, seed));
  const answers = q.type === "single" ? [q.answer] : q.answer;
  const chosen = right ? answers : [q.options.find((o) => !answers.includes(o)) as string];
  return chosen.map((o) => String(order.indexOf(o) + 1)).join("");
}

interface Case {
  exam: string;
  seed: number;
  /** Every question of these domains is answered wrong, every other one right. */
  missDomains: string[];
  verdict: "PASS" | "NOT YET";
}

const cases: Case[] = [
  { exam: "aws-cloud-practitioner", seed: 20261207, missDomains: ["Cloud Concepts"], verdict: "PASS" },
  {
    exam: "aws-ai-practitioner",
    seed: 42,
    missDomains: ["Fundamentals of Generative AI", "Applications of Foundation Models"],
    verdict: "NOT YET",
  },
];

describe("the --full option", () => {
  test("an exam without a full-length form says so; the exam list shows each full form", async () => {
    const dir = mkdtempSync(join(tmpdir(), "review-full-"));
    dirs.push(dir);
    const fixture = { STUDY_REVIEW_BANK: join(root, "src", "review", "fixtures", "bank"), STUDY_REVIEW_DIR: dir };
    const none = await new Driver(root, "exam.ts", ["practice-mini", "--full"], fixture).done();
    assert.equal(none.code, 1);
    assert.match(none.out, /practice-mini has no full-length form \(`full:` in exams\.yaml\)/);
    const list = await new Driver(root, "exam.ts", ["--help"], { STUDY_REVIEW_DIR: dir }).done();
    assert.match(list.out, /--full\s+the full-length mock/);
    assert.match(list.out, /aws-cloud-practitioner\s+.*20 questions in 30 minutes \(--full: 65 in 90\)/);
    assert.match(list.out, /aws-ai-practitioner\s+.*20 questions in 30 minutes \(--full: 65 in 90\)/);
  });
});

describe("the full-length mock exams, end to end on the real bank", { concurrent: true }, () => {
  for (const c of cases) {
    test(`${c.exam} --full: 65 questions in 90 minutes, scored per domain against the pass mark of 700`, async () => {
      const exam = exams.find((e) => e.name === c.exam);
      assert.ok(exam?.full && exam.passing, `${c.exam} needs full: and passing: in review/exams.yaml`);
      const pool = bank.filter((q) => q.exam?.name === c.exam);
      const perDomain = allocate(
        exam.full.length,
        exam.domains.map((d) => d.weight),
      );
      const missed = exam.domains.reduce((s, d, i) => s + (c.missDomains.includes(d.name) ? perDomain[i] : 0), 0);
      const correct = exam.full.length - missed;
      const scaled = Math.round(100 + (900 * correct) / exam.full.length);

      const dir = mkdtempSync(join(tmpdir(), "review-full-"));
      dirs.push(dir);
      const d = new Driver(root, "exam.ts", [c.exam, "--full", "--seed", String(c.seed)], { STUDY_REVIEW_DIR: dir });
      const seen = new Set<string>();
      const missedLinks = new Map<string, number>();
      try {
        await d.expect(`${exam.title}: full-length mock exam, 65 questions, 90 minutes.`);
        for (let i = 1; i <= 65; i++) {
          await d.expect(`[${i}/65]`);
          const header = await d.expect(/ left\n/);
          const domain: string | undefined = exam.domains.find((x) => header.includes(` · ${x.name} · `))?.name;
          assert.ok(domain, `question ${i}: no domain in the header ${JSON.stringify(header)}`);
          const q = questionOnScreen(await d.expect(/navigate/), pool);
          assert.equal(q.exam?.domain, domain, `${q.id} is shown under its own domain`);
          assert.ok(!seen.has(q.id), `${q.id} asked twice`);
          seen.add(q.id);
          const right = !c.missDomains.includes(domain);
          if (!right) {
            const key = `${q.link.notebook} → "${q.link.heading}"`;
            missedLinks.set(key, (missedLinks.get(key) ?? 0) + 1);
          }
          d.send(keysFor(q, c.seed, right) + KEYS.enter);
        }
        await d.expect("Score report");
        const pct = Math.round((100 * correct) / 65);
        await d.expect(`${exam.title}, full mock: ${correct}/65 correct (${pct}%)`);
        await d.expect(`Scaled score ${scaled} of 1000 (pass mark 700): ${c.verdict}`);
        for (const [i, dom] of exam.domains.entries()) {
          const n = perDomain[i];
          const line = c.missDomains.includes(dom.name)
            ? new RegExp(`${dom.name}\\s+${dom.weight}%\\s+0/${n} \\(0%\\)\\s+100\\s+below`)
            : new RegExp(`${dom.name}\\s+${dom.weight}%\\s+${n}/${n} \\(100%\\)\\s+1000\\s+above`);
          await d.expect(line);
        }
        await d.expect(/AWS\s+does\s+not\s+publish\s+how\s+it\s+maps\s+raw\s+scores/);
        await d.expect(/Weakest topics: w\d\.[a-z0-9-]+ \(\d+\/\d+\)/);
        const most = Math.max(...missedLinks.values());
        await d.expect(`Notebook sections to reread (missed questions they teach):\n  ${most} × notebooks/`);
        await d.expect(`The ${missed} question(s) to learn from:`);
        assert.equal((await d.done()).code, 0);
      } finally {
        d.kill();
      }
      const attempt = JSON.parse(readFileSync(join(dir, "exams.json"), "utf8")).attempts[0];
      assert.equal(attempt.full, true);
      assert.equal(attempt.total, 65);
      assert.equal(attempt.correct, correct);
      assert.equal(attempt.scaled, scaled);
      assert.equal(attempt.passed, c.verdict === "PASS");
      assert.equal(attempt.minutes, 90);
    });
  }
});
