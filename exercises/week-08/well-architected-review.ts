// Week 8 · A Well-Architected review of the capstone, pillar by pillar, with evidence from its files.
// Read "Cloud concepts and the six Well-Architected pillars" and "A Well-Architected review of the capstone" in
// notebooks/week-08-cloud-practitioner.ipynb first.
// Grade it with `npm run grade well-architected-review`; stuck? `npm run hint well-architected-review`.
//
// Return your findings. Each one names a pillar, a file under capstone/, a short quote from that file (the property
// you are talking about, copied verbatim; spacing may differ), what it shows, and whether it is a strength or an
// improvement (then with a recommendation). The test checks, with src/cloud/well-architected.ts, that every file and
// quote exists, that each quote is evidence for its pillar, and that all six pillars have at least one finding, and
// that at least one finding is an improvement. It cannot judge your reasoning: compare with the solution afterwards.
import type { Finding } from "../../src/cloud/index";
import { todo } from "../../src/grader/todo";

export function review(): Finding[] {
  return todo("well-architected-review");
}
