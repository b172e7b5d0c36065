// Cloud Practitioner helpers. Notebooks must name this file, `import { PILLARS } from "./src/cloud/index"`.
export {
  type Finding,
  findingProblems,
  PILLAR_EVIDENCE,
  PILLARS,
  type Pillar,
  reviewProblems,
} from "./well-architected";
