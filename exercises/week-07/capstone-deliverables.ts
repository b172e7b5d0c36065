// Week 7 · Checkpoint: the deliverables. A checker that inspects a capstone folder the way a reviewer would.
// Read "Checkpoint: the deliverables" in notebooks/week-07-capstone.ipynb first.
// Grade it with `npm run grade capstone-deliverables`; stuck? `npm run hint capstone-deliverables`.
// The grader builds capstone folders in a temporary directory (complete ones, and ones with exactly one thing
// wrong) and compares your report with what is really there. The notebook then runs your checker on capstone/.
//
// Why a checker: "the README has screenshots" is the deliverable that rots first. A screenshot is renamed, a
// link keeps pointing at the old name, and nobody notices until an interviewer opens the repository.
import { todo } from "../../src/grader/todo";

/** One image a Markdown file shows. */
export interface ImageRef {
  /** The alt text ("" when there is none). */
  alt: string;
  /** Where the image is, as written: a relative path ("docs/api.png") or a URL ("https://..."). */
  target: string;
  /** 1-based line of the reference. */
  line: number;
}

/**
 * Every image a Markdown text shows, in order:
 * - Markdown images: `![alt](path)`, `![alt](path "a title")` (the title is not part of the target),
 *   `![alt](<path with spaces.png>)` (angle brackets allow spaces); the target is trimmed;
 * - HTML images: `<img src="path" alt="text">` (attributes in any order, single or double quotes; alt may be
 *   missing, which gives "");
 * - NOT images inside fenced code blocks (lines between ``` fences): those are examples, not screenshots;
 * - not links (`[text](path)` without the "!").
 */
export function imageReferences(markdown: string): ImageRef[] {
  return todo("capstone-deliverables");
}

/** What a file's first bytes say it is: "png" (89 50 4E 47 0D 0A 1A 0A), "jpeg" (FF D8 FF), else null. */
export function imageKind(bytes: Uint8Array): "png" | "jpeg" | null {
  return todo("capstone-deliverables");
}

export type DeliverableId = "readme" | "screenshots" | "dockerfile" | "compose" | "k8s" | "walkthrough" | "resume";

export interface DeliverableCheck {
  id: DeliverableId;
  ok: boolean;
  /** Empty when ok; otherwise one line per problem, naming the file (relative to the folder) and what is wrong. */
  problems: string[];
}

/**
 * Inspects a capstone folder (e.g. "capstone") and returns exactly these seven checks, in this order:
 * - readme: README.md exists and has a level-1 title (a line starting with "# ").
 * - screenshots: the README shows at least one image, and EVERY image it shows is a file inside the folder
 *   (paths are relative to the README; "./" and "%20" for a space are allowed), that exists, is a PNG or a JPEG by
 *   its bytes, and has alt text. A URL (http:, https:, data:) is a problem: the screenshots live in the repository.
 * - dockerfile: Dockerfile exists and the workspace's linter (lintDockerfile in src/infra/dockerfile) finds no
 *   error-severity finding. It is given the .dockerignore of the folder, or else of its parent (the build context
 *   may be the repository root), or null when neither exists.
 * - compose: one of docker-compose.yml, docker-compose.yaml, compose.yml, compose.yaml exists, is YAML with a
 *   non-empty `services` map, and at least one service has `build` or `image` AND publishes `ports`.
 * - k8s: a k8s/ folder whose kustomizations (every folder under it holding a kustomization.yaml) all render with
 *   the workspace's checks (checkKustomization in src/infra/k8s) finding no error, and together render at least
 *   one Deployment and one Service.
 * - walkthrough: a non-empty script whose file name contains "walkthrough", in the folder or in its scripts/
 *   folder, and the README names that file.
 * - resume: the README has a heading containing "resume" or "résumé" (any case) with at least one bullet ("- " or
 *   "* ") under it, before the next heading.
 * A check that cannot run (README.md missing, for the README-based ones) fails with a problem that says why; the
 * function itself never throws for a folder that exists.
 */
export function checkDeliverables(dir: string): DeliverableCheck[] {
  return todo("capstone-deliverables");
}
