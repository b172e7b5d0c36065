// The progress summary and the exams as plotly figures, for the week-8 notebook (built with src/plot's helpers).

import { Rating } from "ts-fsrs";
import { barChart, type Figure, lineChart } from "../plot/index";
import { allocate } from "./exam";
import { retrievability, review } from "./scheduler";
import type { BankQuestion, ExamDefinition } from "./schema";
import { freshState } from "./store";
import type { ProgressSummary } from "./summary";

/** Solved exercises per week, as bars; the label carries "solved/total". */
export function solvedFigure(s: ProgressSummary): Figure {
  return barChart(
    s.weeks.map((w) => `week ${w.week} (${w.solved}/${w.total})`),
    s.weeks.map((w) => w.solved),
    { title: "Solved exercises per week", xLabel: "", yLabel: "exercises solved", horizontal: false, sort: "none" },
  );
}

/** Recall per reviewed topic, lowest first: the topics being forgotten stand out at the top. */
export function recallFigure(s: ProgressSummary): Figure {
  const fig = barChart(
    s.recall.map((r) => `${r.topic} (${r.cards})`),
    s.recall.map((r) => Math.round(1000 * r.recall) / 10),
    {
      title: "Predicted recall per topic now (FSRS retrievability)",
      xLabel: "recall % (reviewed cards in brackets)",
      sort: "asc",
    },
  );
  // A fixed 0-100 axis, so two dashboards (today and next week) compare at a glance.
  if (fig.layout?.xaxis) fig.layout.xaxis.range = [0, 100];
  return fig;
}

/** Exam scores over time, one line per exam, by attempt number. */
export function examScoresFigure(s: ProgressSummary): Figure {
  const fig = lineChart(
    s.exams.map((e) => ({ name: e.title, x: e.attempts.map((a) => a.n), y: e.attempts.map((a) => a.percent) })),
    { title: "Practice exam scores over time", xLabel: "attempt", yLabel: "score %" },
  );
  if (fig.layout?.yaxis) fig.layout.yaxis.range = [0, 100];
  if (fig.layout?.xaxis) fig.layout.xaxis.dtick = 1;
  return fig;
}

/** One exam's official domain weights next to how many bank questions each domain has. */
export function examDomainsFigure(exam: ExamDefinition, questions: readonly BankQuestion[]): Figure {
  const per = allocate(
    exam.length,
    exam.domains.map((d) => d.weight),
  );
  const full = exam.full
    ? allocate(
        exam.full.length,
        exam.domains.map((d) => d.weight),
      )
    : null;
  return barChart(
    exam.domains.map((d, i) => {
      const have = questions.filter((q) => q.exam?.name === exam.name && q.exam.domain === d.name).length;
      const mock = full ? `, ${full[i]} per full mock` : "";
      return `${d.name} (${per[i]} per practice exam${mock}, ${have} in the bank)`;
    }),
    exam.domains.map((d) => d.weight),
    { title: `${exam.title}: domain weights`, xLabel: "weight %", sort: "none" },
  );
}

/**
 * How recall fades after 1, 2 and 3 successful reviews (each taken when the card fell due): FSRS's forgetting
 * curves for one card, over the next `days` days. Each review makes the curve flatter: that is spaced repetition.
 */
export function forgettingFigure(days = 30): Figure {
  const start = new Date("2026-01-01T09:00:00Z");
  const day = 86400000;
  const series = [1, 2, 3].map((reviews) => {
    const state = freshState();
    let at = start;
    for (let i = 0; i < reviews; i++)
      at = new Date(Math.max(review(state, "c", Rating.Good, at, "quiz").due.getTime(), at.getTime() + day));
    const card = state.cards.c.card;
    const last = Date.parse(card.last_review ?? card.due);
    const x = Array.from({ length: days + 1 }, (_, d) => d);
    return {
      name: `after ${reviews} review${reviews > 1 ? "s" : ""} (stability ${card.stability.toFixed(1)} days)`,
      x,
      y: x.map((d) => 100 * (retrievability(card, new Date(last + d * day)) ?? 0)),
    };
  });
  return lineChart(series, {
    title: "Forgetting curves: predicted recall after each successful review",
    xLabel: "days since the last review",
    yLabel: "recall %",
    markers: false,
  });
}
