// Grades exercises/week-07/capstone-deliverables.ts (and proves the solution with this same file).
// The reference is the folder itself: each test builds a capstone folder in a temporary directory (a complete
// one, then copies with exactly one thing wrong) and checks that your report flags that thing, names the file, and
// leaves every other check green. The Dockerfile and the Kubernetes base are the capstone's own (they pass the
// workspace's checks); the README, screenshots, compose file and walkthrough are written here.
import assert from "node:assert/strict";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, test } from "vitest";
import { findRoot } from "../../src/workspace/paths";
import { checkDeliverables, type DeliverableId, imageKind, imageReferences } from "./capstone-deliverables";

const ROOT = process.env.GRADE_ROOT ?? findRoot();
const scratch = mkdtempSync(join(tmpdir(), "capstone-deliverables-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A 1x1 PNG and the first bytes of a JPEG (JFIF): what their signatures look like. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const IDS: DeliverableId[] = ["readme", "screenshots", "dockerfile", "compose", "k8s", "walkthrough", "resume"];

const README = `# Breast-cancer prediction API

A random forest behind a Fastify API, packaged as an image, deployed to minikube and EKS.

![The API docs page](docs/screenshots/api%20docs.png "Swagger UI")

<img alt="Grafana: latency percentiles" src='./docs/grafana.jpg' width="600">

See the [error codes](docs/errors.md). An example that is not a screenshot:

\`\`\`markdown
![not a screenshot](docs/missing.png)
\`\`\`

## Try it

Run \`bash scripts/walkthrough.sh\`: it trains, serves, calls /predict and prints the metrics.

## Resume bullet

- Shipped a TypeScript prediction API (Fastify, Docker, Kubernetes, EKS) with p99 under 5 ms.

## License

MIT
`;

const COMPOSE = `services:
  api:
    build:
      context: ..
      dockerfile: capstone/Dockerfile
    ports:
      - "8080:8080"
  prometheus:
    image: prom/prometheus:v2.55.1
`;

let counter = 0;
/** A complete capstone folder (inside a "repository" that holds the root .dockerignore); returns its path. */
function complete(): string {
  const repo = join(scratch, `repo-${counter++}`);
  const dir = join(repo, "capstone");
  mkdirSync(join(dir, "docs", "screenshots"), { recursive: true });
  mkdirSync(join(dir, "scripts"), { recursive: true });
  cpSync(join(ROOT, ".dockerignore"), join(repo, ".dockerignore"));
  cpSync(join(ROOT, "capstone", "Dockerfile"), join(dir, "Dockerfile"));
  cpSync(join(ROOT, "capstone", "k8s", "base"), join(dir, "k8s", "base"), { recursive: true });
  writeFileSync(join(dir, "README.md"), README);
  writeFileSync(join(dir, "docs", "screenshots", "api docs.png"), PNG);
  writeFileSync(join(dir, "docs", "grafana.jpg"), JPEG);
  writeFileSync(join(dir, "docs", "errors.md"), "# Errors\n");
  writeFileSync(join(dir, "docker-compose.yml"), COMPOSE);
  writeFileSync(
    join(dir, "scripts", "walkthrough.sh"),
    "#!/usr/bin/env bash\nset -euo pipefail\nnpm run capstone:train\n",
  );
  return dir;
}

/** Runs your checker and asserts which checks fail; returns the failing checks' problems, joined. */
function expectFailing(dir: string, failing: DeliverableId[]): string {
  const report = checkDeliverables(dir);
  assert.deepEqual(
    report.map((c) => c.id),
    IDS,
    "seven checks, in the documented order",
  );
  for (const c of report) {
    const shouldFail = failing.includes(c.id);
    assert.equal(c.ok, !shouldFail, `${c.id}: expected ${shouldFail ? "a problem" : "ok"}, got ${JSON.stringify(c)}`);
    assert.equal(c.problems.length > 0, shouldFail, `${c.id}: problems ${JSON.stringify(c.problems)}`);
  }
  return report.flatMap((c) => c.problems).join("\n");
}

const edit = (dir: string, file: string, change: (text: string) => string) =>
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), "utf8")));

describe("imageReferences", () => {
  test("Markdown and HTML images with their alt text and line; titles, <...> targets, quotes; not links", () => {
    const md = [
      "# T",
      '![API docs](docs/api.png "the title")  and  ![ Grafana ](<docs/my shot.png>)',
      "[a link](docs/link.png) is not an image",
      "<img src=\"docs/a.jpg\" alt='A'> then <IMG ALT=\"B\" SRC='https://example.com/b.png'/>",
      '<img src="docs/no-alt.png">',
      "![]( ./docs/x.png )",
    ].join("\n");
    assert.deepEqual(imageReferences(md), [
      { alt: "API docs", target: "docs/api.png", line: 2 },
      { alt: "Grafana", target: "docs/my shot.png", line: 2 },
      { alt: "A", target: "docs/a.jpg", line: 4 },
      { alt: "B", target: "https://example.com/b.png", line: 4 },
      { alt: "", target: "docs/no-alt.png", line: 5 },
      { alt: "", target: "./docs/x.png", line: 6 },
    ]);
  });

  test("images inside fenced code blocks are examples, not screenshots", () => {
    const md = '```\n![x](a.png)\n```\n~~~md\n<img src="b.png">\n~~~\n![y](c.png)\n';
    assert.deepEqual(imageReferences(md), [{ alt: "y", target: "c.png", line: 7 }]);
  });
});

describe("imageKind", () => {
  test("PNG and JPEG by their signatures; anything else is null", () => {
    assert.equal(imageKind(PNG), "png");
    assert.equal(imageKind(JPEG), "jpeg");
    assert.equal(imageKind(Buffer.from("PNG: not really")), null);
    assert.equal(imageKind(new Uint8Array(0)), null);
    assert.equal(imageKind(PNG.subarray(0, 7)), null, "a truncated signature is not a PNG");
  });
});

describe("checkDeliverables", () => {
  test("a complete folder passes all seven checks", () => {
    expectFailing(complete(), []);
  });

  test("a screenshot that was renamed away: screenshots fails and names it", () => {
    const dir = complete();
    rmSync(join(dir, "docs", "grafana.jpg"));
    assert.match(expectFailing(dir, ["screenshots"]), /docs\/grafana\.jpg/);
  });

  test("a text file saved as .png is not a screenshot", () => {
    const dir = complete();
    writeFileSync(join(dir, "docs", "screenshots", "api docs.png"), "TODO: take the screenshot");
    assert.match(expectFailing(dir, ["screenshots"]), /api docs\.png/);
  });

  test("a remote image, an image without alt text, an image outside the folder: each one is a problem", () => {
    for (const [image, mention] of [
      ["![Grafana](https://imgur.com/x.png)", /imgur/],
      ["![](docs/grafana.jpg)", /grafana\.jpg/],
      ["![outside](../shot.png)", /shot\.png/],
    ] as const) {
      const dir = complete();
      writeFileSync(join(dir, "..", "shot.png"), PNG);
      edit(dir, "README.md", (t) => t.replace("## Try it", `${image}\n\n## Try it`));
      assert.match(expectFailing(dir, ["screenshots"]), mention, image);
    }
  });

  test("a README without any image fails the screenshots check", () => {
    const dir = complete();
    edit(dir, "README.md", (t) =>
      t
        .split("\n")
        .filter((l) => !l.includes("!["))
        .filter((l) => !l.includes("<img"))
        .join("\n"),
    );
    expectFailing(dir, ["screenshots"]);
  });

  test("no README: the README-based checks fail, the others still run, nothing throws", () => {
    const dir = complete();
    rmSync(join(dir, "README.md"));
    expectFailing(dir, ["readme", "screenshots", "walkthrough", "resume"]);
  });

  test("a README without a # title", () => {
    const dir = complete();
    edit(dir, "README.md", (t) => t.replace("# Breast-cancer prediction API", "Breast-cancer prediction API"));
    expectFailing(dir, ["readme"]);
  });

  test("the Dockerfile: missing, or one the linter finds an error in", () => {
    const gone = complete();
    rmSync(join(gone, "Dockerfile"));
    assert.match(expectFailing(gone, ["dockerfile"]), /Dockerfile/);
    const broken = complete();
    writeFileSync(join(broken, "Dockerfile"), "RUN echo no base image\n");
    assert.match(expectFailing(broken, ["dockerfile"]), /Dockerfile/);
  });

  test("the compose file: missing, not YAML, or no service that publishes a port", () => {
    const gone = complete();
    rmSync(join(gone, "docker-compose.yml"));
    expectFailing(gone, ["compose"]);
    const other = complete();
    rmSync(join(other, "docker-compose.yml"));
    writeFileSync(join(other, "compose.yaml"), COMPOSE);
    expectFailing(other, []);
    const noPorts = complete();
    writeFileSync(join(noPorts, "docker-compose.yml"), COMPOSE.replace(/ {4}ports:\n {6}- "8080:8080"\n/, ""));
    assert.match(expectFailing(noPorts, ["compose"]), /docker-compose\.yml/);
    const notYaml = complete();
    writeFileSync(join(notYaml, "docker-compose.yml"), "services: [unclosed\n");
    expectFailing(notYaml, ["compose"]);
  });

  test("the Kubernetes manifests: missing, or a manifest the checks find an error in", () => {
    const gone = complete();
    rmSync(join(gone, "k8s"), { recursive: true });
    expectFailing(gone, ["k8s"]);
    const broken = complete();
    writeFileSync(join(broken, "k8s", "base", "service.yaml"), "apiVersion: v1\nkind: Service\nmetadata: [oops\n");
    assert.match(expectFailing(broken, ["k8s"]), /k8s\/base/);
  });

  test("the walkthrough: missing, empty, or never mentioned in the README", () => {
    const gone = complete();
    rmSync(join(gone, "scripts", "walkthrough.sh"));
    expectFailing(gone, ["walkthrough"]);
    const empty = complete();
    writeFileSync(join(empty, "scripts", "walkthrough.sh"), "\n");
    expectFailing(empty, ["walkthrough"]);
    const silent = complete();
    edit(silent, "README.md", (t) => t.replace("Run `bash scripts/walkthrough.sh`: it", "A script"));
    assert.match(expectFailing(silent, ["walkthrough"]), /walkthrough\.sh/);
  });

  test("the résumé bullet: no heading, or a heading with no bullet under it", () => {
    const none = complete();
    edit(none, "README.md", (t) => t.replace("## Resume bullet", "## Notes"));
    expectFailing(none, ["resume"]);
    const empty = complete();
    edit(empty, "README.md", (t) => t.replace(/- Shipped.*\n/, "To be written.\n"));
    expectFailing(empty, ["resume"]);
    const accented = complete();
    edit(accented, "README.md", (t) => t.replace("## Resume bullet", "### For my Résumé"));
    expectFailing(accented, []);
  });
});
