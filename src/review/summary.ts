// The progress summary that `npm run progress` prints and the week-8 notebook plots: solved exercises per week,
// recall per topic, exam scores over time, and what to review next. One function computes it for both.
import { TOPICS } from "../curriculum/topics";
import { loadManifest } from "../grader/manifest";
import { readProgress } from "../grader/progress";
import { loadBank } from "./bank";
import type { ReviewPaths } from "./paths";
import { retrievability } from "./scheduler";
import type { BankQuestion } from "./schema";
import { type ExamHistory, type ReviewState, readHistory, readState } from "./store";

/** Below this predicted recall a topic is worth reviewing: FSRS schedules each card for when it reaches 90%. */
export const TARGET_RECALL = 0.9;

export interface TopicRecall {
  topic: string;
  week: number;
  /** Mean retrievability of the topic's reviewed cards, 0..1. */
  recall: number;
  /** Reviewed cards of this topic. */
  cards: number;
  due: number;
}

export interface ReviewNext {
  topic: string;
  title: string;
  reason: string;
}

export interface ProgressSummary {
  at: string;
  weeks: { week: number; solved: number; total: number }[];
  recall: TopicRecall[];
  exams: { exam: string; title: string; attempts: { n: number; at: string; percent: number; label: string }[] }[];
  next: ReviewNext[];
  questions: number;
  reviewed: number;
  due: number;
  /** Things the learner should know about (an unreadable file, a broken manifest). */
  notes: string[];
}

function topicInfo(id: string) {
  return TOPICS.find((t) => t.id === id);
}

/** Solved / total exercises per week, from the manifest and .progress.json. */
function weeksSolved(root: string, progressFile: string, notes: string[]): ProgressSummary["weeks"] {
  try {
    const exercises = loadManifest(root);
    const progress = readProgress(progressFile);
    const weeks = [...new Set(exercises.map((e) => e.week))].sort((a, b) => a - b);
    return weeks.map((week) => {
      const mine = exercises.filter((e) => e.week === week);
      return {
        week,
        solved: mine.filter((e) => progress.exercises[e.id]?.verdict === "solved").length,
        total: mine.length,
      };
    });
  } catch (e) {
    notes.push(`exercises: ${(e as Error).message.split("\n")[0]}`);
    return [];
  }
}

/** Mean retrievability per topic over the reviewed cards, with how many of them are due. */
export function recallByTopic(questions: readonly BankQuestion[], state: ReviewState, now: Date): TopicRecall[] {
  const out: TopicRecall[] = [];
  for (const t of TOPICS) {
    let sum = 0;
    let cards = 0;
    let due = 0;
    for (const q of questions) {
      const rec = state.cards[q.id];
      if (!rec || !q.topics.includes(t.id)) continue;
      const r = retrievability(rec.card, now);
      if (r === null) continue;
      sum += r;
      cards++;
      if (Date.parse(rec.card.due) <= now.getTime()) due++;
    }
    if (cards) out.push({ topic: t.id, week: t.week, recall: sum / cards, cards, due });
  }
  return out;
}

/** Exam scores over time, one series per exam, attempts numbered in the order they were taken. */
export function examSeries(history: ExamHistory): ProgressSummary["exams"] {
  const names = [...new Set(history.attempts.map((a) => a.exam))];
  return names.map((exam) => {
    const attempts = history.attempts.filter((a) => a.exam === exam);
    return {
      exam,
      title: attempts[attempts.length - 1].title,
      attempts: attempts.map((a, i) => ({
        n: i + 1,
        at: a.at,
        percent: a.total ? (100 * a.correct) / a.total : 0,
        // A full-length mock says so, with its scaled score (src/review/exam.ts, scaledScore).
        label: `${a.correct}/${a.total}${a.full ? `, full mock${a.scaled === undefined ? "" : `, scaled ${a.scaled}`}` : ""}`,
      })),
    };
  });
}

/**
 * What to review next, at most `n` topics: first the topics whose recall has fallen lowest (they are being
 * forgotten), then the weakest topics of each exam's latest attempt, then topics never reviewed, in course order.
 */
export function reviewNext(
  questions: readonly BankQuestion[],
  recall: readonly TopicRecall[],
  history: ExamHistory,
  n = 5,
): ReviewNext[] {
  const ranked = new Map<string, { score: number; reason: string }>();
  const offer = (topic: string, score: number, reason: string) => {
    const had = ranked.get(topic);
    if (!had || score < had.score) ranked.set(topic, { score, reason });
  };
  for (const r of recall) {
    if (r.recall < TARGET_RECALL || r.due > 0) {
      offer(
        r.topic,
        r.recall,
        `recall ${Math.round(100 * r.recall)}%, ${r.due} of ${r.cards} card${r.cards === 1 ? "" : "s"} due`,
      );
    }
  }
  const latest = new Map<string, ExamHistory["attempts"][number]>();
  for (const a of history.attempts) latest.set(a.exam, a);
  for (const a of latest.values()) {
    for (const topic of a.weakestTopics) {
      const t = a.topics.find((x) => x.name === topic);
      if (t) offer(topic, t.correct / t.total, `${t.correct}/${t.total} right in your last ${a.exam} exam`);
    }
  }
  const reviewed = new Set(recall.map((r) => r.topic));
  TOPICS.forEach((t, i) => {
    const count = questions.filter((q) => q.topics.includes(t.id)).length;
    if (!reviewed.has(t.id) && count > 0) offer(t.id, 2 + i / 1000, `not reviewed yet (${count} questions)`);
  });
  return [...ranked.entries()]
    .sort((a, b) => a[1].score - b[1].score)
    .slice(0, n)
    .map(([topic, v]) => ({ topic, title: topicInfo(topic)?.title ?? topic, reason: v.reason }));
}

/** The whole summary. Read-only: an unreadable state file is reported in `notes`, not moved. */
export function summarize(paths: ReviewPaths, now: Date = new Date()): ProgressSummary {
  const notes: string[] = [];
  const note = (m: string) => notes.push(m);
  const bank = loadBank(paths.questions);
  if (bank.problems.length)
    note(`the question bank has ${bank.problems.length} problem(s); those questions are left out`);
  const state = readState(paths.state, { backup: false, note });
  const history = readHistory(paths.examHistory, { backup: false, note });
  const recall = recallByTopic(bank.items, state, now);
  const ids = new Set(bank.items.map((q) => q.id));
  const reviewedIds = Object.keys(state.cards).filter((id) => ids.has(id));
  return {
    at: now.toISOString(),
    weeks: weeksSolved(paths.root, paths.progress, notes),
    recall,
    exams: examSeries(history),
    next: reviewNext(bank.items, recall, history),
    questions: bank.items.length,
    reviewed: reviewedIds.length,
    due: reviewedIds.filter((id) => Date.parse(state.cards[id].card.due) <= now.getTime()).length,
    notes,
  };
}

function bar(fraction: number, width = 20): string {
  const full = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return `${"█".repeat(full)}${"░".repeat(width - full)}`;
}

/** The summary as terminal text. */
export function formatSummary(s: ProgressSummary): string {
  const lines: string[] = ["Solved exercises per week"];
  if (s.weeks.length === 0) lines.push("  (no exercises found)");
  for (const w of s.weeks) {
    lines.push(`  week ${w.week}  ${bar(w.total ? w.solved / w.total : 0)}  ${w.solved}/${w.total}`);
  }
  lines.push("", `Recall per topic (${s.reviewed} of ${s.questions} questions reviewed, ${s.due} due now)`);
  if (s.recall.length === 0) lines.push("  nothing reviewed yet: start with `npm run quiz`");
  for (const r of s.recall) {
    lines.push(
      `  ${r.topic.padEnd(18)} ${bar(r.recall)}  ${String(Math.round(100 * r.recall)).padStart(3)}%  (${r.cards} card${r.cards === 1 ? "" : "s"}, ${r.due} due)`,
    );
  }
  lines.push("", "Exam scores over time");
  if (s.exams.length === 0) lines.push("  no practice exam yet: `npm run exam -- aws-cloud-practitioner`");
  for (const e of s.exams) {
    const scores = e.attempts.map((a) => `${Math.round(a.percent)}% (${a.at.slice(0, 10)})`);
    lines.push(`  ${e.title}: ${scores.join(" → ")}`);
  }
  lines.push("", "Review next");
  if (s.next.length === 0) lines.push("  nothing: every topic is above 90% recall");
  for (const n of s.next) lines.push(`  ${n.topic.padEnd(18)} ${n.reason}   (${n.title})`);
  if (s.next.length) lines.push(`  → npm run quiz -- --topic ${s.next[0].topic}`);
  for (const n of s.notes) lines.push("", `Note: ${n}`);
  return lines.join("\n");
}
