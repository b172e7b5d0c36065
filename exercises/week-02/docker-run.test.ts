// Grades exercises/week-02/docker-run.ts (and proves solutions/week-02/docker-run.ts with the very same file).
// The expected commands are written out by hand from the docker run reference (docs.docker.com/reference/cli/
// docker/container/run/): each is a command you could paste into a terminal.
import assert from "node:assert/strict";
import { test } from "vitest";
import { planRun } from "./docker-run";

test("the smallest command: docker run IMAGE", () => {
  assert.deepEqual(planRun({ image: "forest-inference:0.1.0" }), ["docker", "run", "forest-inference:0.1.0"]);
});

test("the week-2 inference server: detached, published port, read-only bind mount for the model, non-root", () => {
  const got = planRun({
    image: "forest-inference:0.1.0",
    name: "api",
    detach: true,
    rm: true,
    ports: [{ host: 8080, container: 8080 }],
    mounts: [{ kind: "bind", source: "/home/me/study/tmp/models", target: "/models", readOnly: true }],
    env: { MODEL_PATH: "/models/week-02-forest.json", NODE_ENV: "production" },
    readOnly: true,
    user: "node",
  });
  // docker run --detach --rm --name api --publish 8080:8080 \
  //   --mount type=bind,source=/home/me/study/tmp/models,target=/models,readonly \
  //   --env MODEL_PATH=/models/week-02-forest.json --env NODE_ENV=production --read-only --user node \
  //   forest-inference:0.1.0
  assert.deepEqual(got, [
    "docker",
    "run",
    "--detach",
    "--rm",
    "--name",
    "api",
    "--publish",
    "8080:8080",
    "--mount",
    "type=bind,source=/home/me/study/tmp/models,target=/models,readonly",
    "--env",
    "MODEL_PATH=/models/week-02-forest.json",
    "--env",
    "NODE_ENV=production",
    "--read-only",
    "--user",
    "node",
    "forest-inference:0.1.0",
  ]);
});

test("a database on a user-defined network: named volume, localhost-only port, env keys sorted, a command", () => {
  const got = planRun({
    image: "postgres:16.4-bookworm",
    name: "db",
    network: "ml-net",
    ports: [{ host: 5432, container: 5432, hostIp: "127.0.0.1" }],
    mounts: [{ kind: "volume", name: "pgdata", target: "/var/lib/postgresql/data" }],
    env: { POSTGRES_USER: "ml", POSTGRES_DB: "features" },
    command: ["postgres", "-c", "max_connections=50"],
  });
  assert.deepEqual(got, [
    "docker",
    "run",
    "--name",
    "db",
    "--network",
    "ml-net",
    "--publish",
    "127.0.0.1:5432:5432",
    "--mount",
    "type=volume,source=pgdata,target=/var/lib/postgresql/data",
    "--env",
    "POSTGRES_DB=features",
    "--env",
    "POSTGRES_USER=ml",
    "postgres:16.4-bookworm",
    "postgres",
    "-c",
    "max_connections=50",
  ]);
});

test("udp ports, several mappings in order, a digest-pinned image, uid:gid user, an env value with spaces", () => {
  const digest = `registry.example.com:5000/tools/dns@sha256:${"ab".repeat(32)}`;
  const got = planRun({
    image: digest,
    ports: [
      { host: 5353, container: 53, protocol: "udp" },
      { host: 9090, container: 9090, protocol: "tcp" },
    ],
    env: { GREETING: "hello world, again" },
    user: "10001:10001",
  });
  assert.deepEqual(got, [
    "docker",
    "run",
    "--publish",
    "5353:53/udp",
    "--publish",
    "9090:9090",
    "--env",
    "GREETING=hello world, again",
    "--user",
    "10001:10001",
    digest,
  ]);
  // The same host port for tcp and for udp are two different sockets, so both are allowed.
  assert.deepEqual(
    planRun({
      image: "dns:1.0",
      ports: [
        { host: 53, container: 53 },
        { host: 53, container: 53, protocol: "udp" },
      ],
    }).filter((a) => a !== "--publish"),
    ["docker", "run", "53:53", "53:53/udp", "dns:1.0"],
  );
});

test("images must be pinned: no missing tag, no :latest (a registry port is not a tag)", () => {
  assert.throws(() => planRun({ image: "forest-inference" }), /tag/i);
  assert.throws(() => planRun({ image: "node:latest" }), /latest/i);
  assert.throws(() => planRun({ image: "localhost:5000/forest-inference" }), /tag/i);
  assert.deepEqual(planRun({ image: "localhost:5000/forest-inference:2" }), [
    "docker",
    "run",
    "localhost:5000/forest-inference:2",
  ]);
});

test("ports must be integers in 1-65535 and a host port can be published only once", () => {
  for (const bad of [0, 65536, -1, 80.5, Number.NaN]) {
    assert.throws(() => planRun({ image: "a:1", ports: [{ host: bad, container: 80 }] }), /port/i, `host ${bad}`);
    assert.throws(() => planRun({ image: "a:1", ports: [{ host: 80, container: bad }] }), /port/i, `container ${bad}`);
  }
  const twice = [
    { host: 8080, container: 80 },
    { host: 8080, container: 81 },
  ];
  assert.throws(() => planRun({ image: "a:1", ports: twice }), /twice/i);
  assert.throws(() => planRun({ image: "a:1", network: "host", ports: [{ host: 80, container: 80 }] }), /host/i);
});

test("mounts: absolute bind sources and targets, valid volume names, no commas, one mount per target", () => {
  const bind = (source: string, target = "/models") =>
    planRun({ image: "a:1", mounts: [{ kind: "bind", source, target }] });
  assert.throws(() => bind("./models"), /absolute/i);
  assert.throws(() => bind("models"), /absolute/i);
  assert.throws(() => bind("/srv/models", "models"), /absolute/i);
  assert.throws(() => bind("/srv/a,b"), /comma/i);
  assert.throws(
    () => planRun({ image: "a:1", mounts: [{ kind: "volume", name: "/pgdata", target: "/d" }] }),
    /volume name/i,
  );
  assert.throws(
    () => planRun({ image: "a:1", mounts: [{ kind: "volume", name: "pg data", target: "/d" }] }),
    /volume name/i,
  );
  const clash = planRun.bind(null, {
    image: "a:1",
    mounts: [
      { kind: "volume", name: "v1", target: "/data" },
      { kind: "bind", source: "/srv", target: "/data" },
    ],
  });
  assert.throws(clash, /target/i);
});

test("names, env keys and users are validated", () => {
  assert.throws(() => planRun({ image: "a:1", name: "-api" }), /name/i);
  assert.throws(() => planRun({ image: "a:1", name: "my api" }), /name/i);
  assert.throws(() => planRun({ image: "a:1", env: { "MODEL-PATH": "/m" } }), /env/i);
  assert.throws(() => planRun({ image: "a:1", env: { "1ST": "x" } }), /env/i);
  assert.throws(() => planRun({ image: "a:1", user: "node; rm -rf /" }), /user/i);
  assert.deepEqual(planRun({ image: "a:1", name: "api.v2_blue", user: "1000" }), [
    "docker",
    "run",
    "--name",
    "api.v2_blue",
    "--user",
    "1000",
    "a:1",
  ]);
});
