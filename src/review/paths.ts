import { join, resolve } from "node:path";
import { findRoot } from "../workspace/paths";

/**
 * Where the review reads its bank and keeps its state. Two environment variables move them, for tests and for
 * learners who keep state elsewhere: STUDY_REVIEW_DIR (the state folder, default `.review/`) and STUDY_REVIEW_BANK
 * (a folder holding `questions/` and `exams.yaml`, default `review/`).
 */
export function reviewPaths(root: string = findRoot(), env: NodeJS.ProcessEnv = process.env) {
  const bank = env.STUDY_REVIEW_BANK ? resolve(root, env.STUDY_REVIEW_BANK) : join(root, "review");
  const state = env.STUDY_REVIEW_DIR ? resolve(root, env.STUDY_REVIEW_DIR) : join(root, ".review");
  return {
    root,
    bank,
    questions: join(bank, "questions"),
    exams: join(bank, "exams.yaml"),
    notebooks: join(root, "notebooks"),
    stateDir: state,
    state: join(state, "state.json"),
    examHistory: join(state, "exams.json"),
    progress: join(root, ".progress.json"),
  };
}

export type ReviewPaths = ReturnType<typeof reviewPaths>;
