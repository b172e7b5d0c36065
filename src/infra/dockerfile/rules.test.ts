// biome-ignore-all lint/suspicious/noTemplateCurlyInString: fixtures are Dockerfiles, where ${VAR} is build-arg syntax
// Every rule fires on a bad fixture (right id, right line) and stays quiet on a good one.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { findRoot } from "../../workspace/paths";
import { lintDockerfile, RULES } from "./index";
import { isIgnored } from "./rules/dockerignore";
import { df, linesOf } from "./test-helpers";

const fixture = (name: string) => readFileSync(join(findRoot(), "src/infra/dockerfile/fixtures", name), "utf8");
const GOOD = fixture("good.Dockerfile");
const GOOD_IGNORE = fixture("good.dockerignore");

/** A clean single-stage tail: non-root, exec form, health-checked. Appended to fixtures that test one thing. */
const TAIL = ["USER node", 'HEALTHCHECK CMD ["node", "hc.js"]', 'CMD ["node", "server.js"]'];

function only(text: string, rule: string, opts = {}): number[] {
  return linesOf(lintDockerfile(text, opts), rule);
}

test("the complete production Dockerfile with a good .dockerignore has zero findings", () => {
  const findings = lintDockerfile(GOOD, { dockerignore: GOOD_IGNORE, hasDevDependencies: true });
  assert.deepEqual(findings, [], `expected no findings, got ${JSON.stringify(findings, null, 2)}`);
});

describe("each bad fixture (fixtures/bad, also fed to hadolint by npm run crosscheck) fires the rules in its name", () => {
  for (const name of readdirSync(join(findRoot(), "src/infra/dockerfile/fixtures/bad"))) {
    test(name, () => {
      const fired = new Set(lintDockerfile(fixture(`bad/${name}`)).map((f) => f.rule));
      for (const rule of name.match(/SL\d{3}/g) ?? []) assert.ok(fired.has(rule), `${name} must fire ${rule}`);
    });
  }
});

test("rule ids are unique, SL-prefixed, and every rule has a title", () => {
  const ids = RULES.map((r) => r.id);
  assert.equal(new Set(ids).size, ids.length, `duplicate ids in ${ids}`);
  for (const r of RULES) {
    assert.match(r.id, /^SL\d{3}$/);
    assert.ok(r.title.length > 0, `${r.id} has no title`);
  }
});

describe("SL001 pinned base tag", () => {
  test("fires on a missing tag and on :latest, at the FROM line", () => {
    const text = df("FROM node AS build", "RUN echo hi", "FROM node:latest", ...TAIL);
    assert.deepEqual(only(text, "SL001"), [1, 3]);
    assert.equal(lintDockerfile(text).find((f) => f.rule === "SL001")?.severity, "error");
  });
  test("resolves ARG-substituted FROMs using the global ARG default", () => {
    assert.deepEqual(only(df("ARG BASE=python", "FROM ${BASE}", ...TAIL), "SL001"), [2]);
    assert.deepEqual(only(df("ARG TAG=latest", "FROM node:${TAG}", ...TAIL), "SL001"), [2]);
    assert.deepEqual(only(df("ARG TAG=20-slim", "FROM node:${TAG}", ...TAIL), "SL001"), []);
    assert.deepEqual(only(df("FROM node:${TAG:-20-slim}", ...TAIL), "SL001"), []);
  });
  test("a build arg with no default is a warning (cannot be checked statically)", () => {
    const f = lintDockerfile(df("ARG BASE", "FROM ${BASE}", ...TAIL)).filter((x) => x.rule === "SL001");
    assert.equal(f.length, 1);
    assert.equal(f[0].line, 2);
    assert.equal(f[0].severity, "warning");
    assert.match(f[0].fix, /ARG BASE=node:20-slim/);
  });
  test("quiet on tags, digests, registries with ports, scratch and stage references", () => {
    const stages = ["node:20-slim AS build", "node@sha256:0123abcd AS pinned", "scratch AS empty", "build"];
    const text = df(...stages.map((s) => `FROM ${s}`), "FROM registry.local:5000/team/app:1.2.3 AS other", ...TAIL);
    assert.deepEqual(only(text, "SL001"), []);
  });
});

describe("SL002 slim base", () => {
  test("fires on a full node / python image in the final stage", () => {
    assert.deepEqual(only(df("FROM node:20", ...TAIL), "SL002"), [1]);
    assert.deepEqual(only(df("FROM python:3.11-bookworm", ...TAIL), "SL002"), [1]);
    assert.match(lintDockerfile(df("FROM node:20", ...TAIL))[0].fix, /node:20-slim/);
  });
  test("follows FROM <stage> back to the stage's base image", () => {
    assert.deepEqual(only(df("FROM node:20 AS base", "FROM base", ...TAIL), "SL002"), [1]);
  });
  test("quiet on slim / alpine / distroless / digests, unknown images, and full images in build stages", () => {
    for (const from of [
      "node:20-slim",
      "node:20-alpine",
      "python:3.11-slim-bookworm",
      "gcr.io/distroless/nodejs20-debian12",
      "node@sha256:0123",
      "mycompany/api:1.0",
    ]) {
      assert.deepEqual(only(df(`FROM ${from}`, ...TAIL), "SL002"), [], from);
    }
    assert.deepEqual(only(df("FROM node:20 AS build", "FROM node:20-slim", ...TAIL), "SL002"), []);
  });
});

describe("SL003 non-root USER", () => {
  test("fires at the first CMD when the final stage never sets USER", () => {
    assert.deepEqual(only(df("FROM node:20-slim", "WORKDIR /app", 'CMD ["node", "s.js"]'), "SL003"), [3]);
  });
  test("fires at the FROM when there is neither USER nor CMD", () => {
    assert.deepEqual(only(df("FROM node:20-slim AS a", "USER node", "FROM node:20-slim"), "SL003"), [3]);
  });
  test("fires at a final USER root / USER 0:0", () => {
    assert.deepEqual(only(df("FROM node:20-slim", "USER node", "USER root", 'CMD ["node"]'), "SL003"), [3]);
    assert.deepEqual(only(df("FROM node:20-slim", "USER 0:0", 'CMD ["node"]'), "SL003"), [2]);
  });
  test("quiet with a non-root user, inherited from a parent stage, or a distroless :nonroot base", () => {
    assert.deepEqual(only(df("FROM node:20-slim", "USER root", "RUN id", "USER node", 'CMD ["node"]'), "SL003"), []);
    assert.deepEqual(only(df("FROM node:20-slim AS base", "USER 10001", "FROM base", 'CMD ["node"]'), "SL003"), []);
    assert.deepEqual(only(df("FROM gcr.io/distroless/nodejs20-debian12:nonroot", 'CMD ["s.js"]'), "SL003"), []);
  });
});

describe("SL004 no secrets in ENV or ARG", () => {
  test("fires on literal secret values, at the property's own line", () => {
    const text = df(
      "ARG NPM_TOKEN=npm_abc123",
      "FROM node:20-slim",
      "ENV PORT=8080 \\",
      "    DB_PASSWORD=hunter2",
      "ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI",
      "ENV OPENAI_API_KEY=sk-123 GITHUB_TOKEN=ghp_x",
      ...TAIL,
    );
    assert.deepEqual(only(text, "SL004"), [1, 4, 5, 6, 6]);
    const f = lintDockerfile(text).filter((x) => x.rule === "SL004");
    assert.ok(f.every((x) => x.severity === "error"));
    assert.match(f[0].fix, /--mount=type=secret/);
    assert.match(f[1].fix, /run time/);
  });
  test("quiet on empty values, pure ${...} forwarding, *_FILE pointers and harmless names", () => {
    const text = df(
      "ARG NPM_TOKEN",
      "FROM node:20-slim",
      'ARG API_KEY=""',
      "ENV API_KEY=${API_KEY} TOKEN=$TOKEN",
      "ENV DB_PASSWORD_FILE=/run/secrets/db_password",
      "ENV NODE_ENV=production PORT=8080",
      ...TAIL,
    );
    assert.deepEqual(only(text, "SL004"), []);
  });
});

describe("SL005 keep devDependencies out of the final image", () => {
  const single = df("FROM node:20-slim", "WORKDIR /app", "COPY package*.json ./", "RUN npm ci", "COPY . .", ...TAIL);
  test("fires on a single stage that runs npm ci with devDependencies", () => {
    assert.deepEqual(only(single, "SL005", { hasDevDependencies: true }), [4]);
    assert.match(lintDockerfile(single, { hasDevDependencies: true }).find((f) => f.rule === "SL005")!.fix, /stage/);
  });
  test("fires on npm install in the final stage of a multi-stage build", () => {
    const text = df("FROM node:20-slim AS build", "RUN npm ci", "FROM node:20-slim", "RUN npm install", ...TAIL);
    assert.deepEqual(only(text, "SL005", { hasDevDependencies: true }), [4]);
  });
  test("fires on an install in a stage the final stage is built FROM", () => {
    const text = df("FROM node:20-slim AS deps", "RUN npm ci", "FROM deps", ...TAIL);
    assert.deepEqual(only(text, "SL005", { hasDevDependencies: true }), [2]);
  });
  test("quiet without devDependencies, or with --omit=dev / --production / NODE_ENV=production / npm prune", () => {
    assert.deepEqual(only(single, "SL005", { hasDevDependencies: false }), []);
    assert.deepEqual(only(single, "SL005"), []);
    for (const install of [
      "RUN npm ci --omit=dev",
      "RUN npm install --production",
      "RUN NODE_ENV=production npm ci",
      "RUN npm ci && npm run build && npm prune --omit=dev",
      "RUN npm install -g pm2",
    ]) {
      assert.deepEqual(
        only(df("FROM node:20-slim", install, ...TAIL), "SL005", { hasDevDependencies: true }),
        [],
        install,
      );
    }
    assert.deepEqual(
      only(df("FROM node:20-slim", "ENV NODE_ENV=production", "RUN npm ci", ...TAIL), "SL005", {
        hasDevDependencies: true,
      }),
      [],
    );
  });
});

describe("SL006 cacheable layer order", () => {
  test("fires at a COPY . . that comes before npm ci / pip install in the same stage", () => {
    const node = df("FROM node:20-slim", "WORKDIR /app", "COPY . .", "RUN npm ci --omit=dev", ...TAIL);
    assert.deepEqual(only(node, "SL006"), [3]);
    assert.match(lintDockerfile(node).find((f) => f.rule === "SL006")!.fix, /package\*\.json/);
    const py = df("FROM python:3.11-slim", "COPY ./ /app", "RUN pip install -r /app/requirements.txt", ...TAIL);
    assert.deepEqual(only(py, "SL006"), [2]);
    assert.match(lintDockerfile(py).find((f) => f.rule === "SL006")!.fix, /requirements\.txt/);
  });
  test("quiet when manifests are copied first, across stages, and for COPY --from", () => {
    const ok = df("FROM node:20-slim", "COPY package*.json ./", "RUN npm ci --omit=dev", "COPY . .", ...TAIL);
    assert.deepEqual(only(ok, "SL006"), []);
    // A Dockerfile written out: the source copied in one stage, installed in the next.
    const stages = `FROM node:20-slim AS src
COPY . .
FROM node:20-slim
COPY --from=src . .
RUN npm ci
${TAIL.join("\n")}
`;
    assert.deepEqual(only(stages, "SL006"), []);
  });
});

describe("SL007 exec-form CMD and ENTRYPOINT", () => {
  test("fires on shell form, suggesting the exec form", () => {
    const text = df("FROM node:20-slim", "USER node", "ENTRYPOINT node server.js", "CMD npm start");
    assert.deepEqual(only(text, "SL007"), [3, 4]);
    assert.match(lintDockerfile(text).find((f) => f.rule === "SL007")!.fix, /\["node", "server\.js"\]/);
  });
  test("quiet on exec form", () => {
    assert.deepEqual(only(df("FROM node:20-slim", 'ENTRYPOINT ["node"]', ...TAIL), "SL007"), []);
  });
});

describe("SL008 HEALTHCHECK or documented probe", () => {
  const noCheck = df("FROM node:20-slim", "USER node", 'CMD ["node", "s.js"]');
  test("info at the final FROM when there is no HEALTHCHECK (or HEALTHCHECK NONE)", () => {
    const f = lintDockerfile(noCheck).filter((x) => x.rule === "SL008");
    assert.deepEqual(
      f.map((x) => [x.line, x.severity]),
      [[1, "info"]],
    );
    assert.deepEqual(only(df("FROM node:20-slim", "HEALTHCHECK NONE", "USER node", 'CMD ["n"]'), "SL008"), [2]);
    // An empty `# probe:` documents nothing.
    assert.deepEqual(only(df("FROM node:20-slim", "# probe:", "USER node", 'CMD ["n"]'), "SL008"), [1]);
  });
  test("quiet with a HEALTHCHECK (own or inherited) or a `# probe:` comment", () => {
    assert.deepEqual(only(df("FROM node:20-slim", ...TAIL), "SL008"), []);
    const probe = df("FROM node:20-slim", "# probe: GET /healthz on 8080 (Kubernetes)", "USER node", 'CMD ["n"]');
    assert.deepEqual(only(probe, "SL008"), []);
    const inherited = df(
      "FROM node:20-slim AS base",
      'HEALTHCHECK CMD ["node", "hc.js"]',
      "FROM base",
      ...TAIL.slice(0, 1),
    );
    assert.deepEqual(only(inherited, "SL008"), []);
  });
});

describe("SL009 .dockerignore", () => {
  const text = df("FROM node:20-slim", ...TAIL);
  test("absent file (null) is one whole-file warning; undefined means not checked", () => {
    const f = lintDockerfile(text, { dockerignore: null }).filter((x) => x.rule === "SL009");
    assert.deepEqual(
      f.map((x) => [x.line, x.severity]),
      [[0, "warning"]],
    );
    assert.deepEqual(only(text, "SL009"), []);
  });
  test("one warning per missing entry, naming it", () => {
    const f = lintDockerfile(text, { dockerignore: "node_modules\n# .git\n" }).filter((x) => x.rule === "SL009");
    assert.deepEqual(
      f.map((x) => x.message.match(/exclude (\S+),/)?.[1]),
      [".git", ".venv"],
    );
  });
  test("accepts the usual spellings, and honours `!` re-includes (last match wins)", () => {
    for (const ok of [
      "node_modules\n.git\n.venv",
      "**/node_modules\n/.git/\n.venv/**",
      "./node_modules/\n.git\n.venv/",
      "*\n!src",
    ]) {
      assert.deepEqual(only(text, "SL009", { dockerignore: ok }), [], JSON.stringify(ok));
    }
    assert.equal(isIgnored("node_modules\n!node_modules", "node_modules"), false);
    assert.equal(isIgnored("node_modules_backup", "node_modules"), false);
  });
});

describe("extra rules", () => {
  test("SL010 / SL011 apt-get install without --no-install-recommends or list cleanup", () => {
    const bad = df("FROM node:20-slim", "RUN apt-get update && apt-get install -y curl", ...TAIL);
    assert.deepEqual(only(bad, "SL010"), [2]);
    assert.deepEqual(only(bad, "SL011"), [2]);
    const good = df(
      "FROM node:20-slim",
      "RUN apt-get update \\",
      " && apt-get install -y --no-install-recommends curl \\",
      " && rm -rf /var/lib/apt/lists/*",
      ...TAIL,
    );
    assert.deepEqual([...only(good, "SL010"), ...only(good, "SL011")], []);
  });
  test("SL012 ADD of a local file; quiet for URLs and archives", () => {
    const text = df(
      "FROM node:20-slim",
      "ADD server.js /app/",
      "ADD https://example.com/x.bin /x",
      "ADD rootfs.tar.gz /",
      ...TAIL,
    );
    assert.deepEqual(only(text, "SL012"), [2]);
  });
  test("SL013 more than one CMD or ENTRYPOINT in a stage flags the dead ones", () => {
    const text = df("FROM node:20-slim", "USER node", 'CMD ["a"]', 'CMD ["b"]', 'HEALTHCHECK CMD ["x"]', 'CMD ["c"]');
    assert.deepEqual(only(text, "SL013"), [3, 4]);
    assert.deepEqual(only(df("FROM node:20-slim", ...TAIL), "SL013"), []);
  });
});
