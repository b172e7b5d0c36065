// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${1} here is Prometheus/Go replacement syntax, not JavaScript
// The relabel evaluator against Prometheus's own expectations: the input/output pairs below are the cases of
// prometheus/prometheus model/relabel/relabel_test.go (TestRelabel, TestTargetLabelValidity), re-expressed here,
// plus the RE2 and Go-template behaviours that scrape configs trip over.
import assert from "node:assert/strict";
import { describe, test } from "vitest";
import { compileRe2, expandTemplate, type TemplateMatch } from "./regex";
import { hashmod, type Labels, type RelabelConfig, relabel, relabelProblems } from "./relabel";

const run = (input: Labels, ...cfgs: RelabelConfig[]) => relabel(input, cfgs);

describe("relabel: Prometheus's own test cases", () => {
  test("replace with ${1} twice", () => {
    assert.deepEqual(
      run(
        { a: "foo", b: "bar" },
        { source_labels: ["a"], regex: "f(.*)", target_label: "d", replacement: "ch${1}-ch${1}" },
      ),
      { a: "foo", b: "bar", d: "choo-choo" },
    );
  });
  test("two source labels joined by ';', and a later step reads the earlier step's output", () => {
    assert.deepEqual(
      run(
        { a: "foo", b: "bar", c: "baz" },
        { source_labels: ["a", "b"], regex: "f(.*);(.*)r", target_label: "a", replacement: "b${1}${2}m" },
        { source_labels: ["c", "a"], regex: "(b).*b(.*)ba(.*)", target_label: "d", replacement: "$1$2$2$3" },
      ),
      { a: "boobam", b: "bar", c: "baz", d: "boooom" },
    );
  });
  test("drop matches the WHOLE value (anchored): f|o does not drop foo, .*o.* does", () => {
    assert.deepEqual(run({ a: "foo" }, { source_labels: ["a"], regex: "f|o", action: "drop" }), { a: "foo" });
    assert.equal(run({ a: "foo" }, { source_labels: ["a"], regex: ".*o.*", action: "drop" }), null);
    assert.deepEqual(run({ a: "foo" }, { source_labels: ["a"], regex: "no-match", action: "drop" }), { a: "foo" });
  });
  test("keep drops the target when the regex does not match", () => {
    assert.equal(run({ a: "foo" }, { source_labels: ["a"], regex: "no-match", action: "keep" }), null);
    assert.deepEqual(run({ a: "foo" }, { source_labels: ["a"], regex: "f.*", action: "keep" }), { a: "foo" });
  });
  test("replace does nothing when the regex does not match", () => {
    assert.deepEqual(run({ a: "boo" }, { source_labels: ["a"], regex: "f", target_label: "b", replacement: "bar" }), {
      a: "boo",
    });
  });
  test("hashmod: md5, last 8 bytes, modulo (976 for baz, 734 for foo\\nbar)", () => {
    assert.equal(
      run({ c: "baz" }, { source_labels: ["c"], target_label: "d", action: "hashmod", modulus: 1000 })?.d,
      "976",
    );
    assert.equal(hashmod("foo\nbar", 1000), 734);
  });
  test("labelmap copies matching label names; labelkeep and labeldrop filter names", () => {
    assert.deepEqual(
      run(
        { a: "foo", __meta_my_bar: "aaa", __meta_my_baz: "bbb", __meta_other: "ccc" },
        { regex: "__meta_(my.*)", replacement: "${1}", action: "labelmap" },
      ),
      { a: "foo", __meta_my_bar: "aaa", __meta_my_baz: "bbb", __meta_other: "ccc", my_bar: "aaa", my_baz: "bbb" },
    );
    assert.deepEqual(run({ a: "foo", b1: "bar", b2: "baz" }, { regex: "(b.*)", action: "labelkeep" }), {
      b1: "bar",
      b2: "baz",
    });
    assert.deepEqual(run({ a: "foo", b1: "bar", b2: "baz" }, { regex: "(b.*)", action: "labeldrop" }), { a: "foo" });
  });
  test("a templated target_label; an empty replacement or an invalid target name changes nothing", () => {
    const src = { source_labels: ["a"], regex: "some-([^-]+)-([^,]+)" };
    assert.deepEqual(run({ a: "some-name-value" }, { ...src, replacement: "${2}", target_label: "${1}" }), {
      a: "some-name-value",
      name: "value",
    });
    assert.deepEqual(run({ a: "some-name-value" }, { ...src, replacement: "${3}", target_label: "${1}" }), {
      a: "some-name-value",
    });
    assert.deepEqual(run({ a: "some-name-value" }, { ...src, replacement: "${1}", target_label: "${3}" }), {
      a: "some-name-value",
    });
  });
  test("lowercase and uppercase", () => {
    assert.deepEqual(
      run(
        { foo: "bAr123Foo" },
        { source_labels: ["foo"], action: "uppercase", target_label: "foo_uppercase" },
        { source_labels: ["foo"], action: "lowercase", target_label: "foo_lowercase" },
      ),
      { foo: "bAr123Foo", foo_uppercase: "BAR123FOO", foo_lowercase: "bar123foo" },
    );
  });
  test("keepequal / dropequal compare the source value with the target label's value", () => {
    const l = { __tmp_port: "9464", port: "9464" };
    assert.deepEqual(run(l, { source_labels: ["__tmp_port"], target_label: "port", action: "keepequal" }), l);
    assert.equal(run(l, { source_labels: ["__tmp_port"], target_label: "port", action: "dropequal" }), null);
  });
  test("the input label set is not modified", () => {
    const input = { a: "foo" };
    run(input, { source_labels: ["a"], target_label: "b" });
    assert.deepEqual(input, { a: "foo" });
  });
});

describe("the address-rewrite idiom of annotation-based scraping", () => {
  const portStep: RelabelConfig = {
    source_labels: ["__address__", "__meta_kubernetes_pod_annotation_prometheus_io_port"],
    regex: "([^:]+)(?::\\d+)?;(\\d+)",
    replacement: "$1:$2",
    target_label: "__address__",
  };
  test("host:port;annotation -> host:annotation", () => {
    const got = run(
      { __address__: "10.244.0.7:8080", __meta_kubernetes_pod_annotation_prometheus_io_port: "9464" },
      portStep,
    );
    assert.equal(got?.__address__, "10.244.0.7:9464");
  });
  test("no port annotation: the regex does not match and the address stays", () => {
    assert.equal(run({ __address__: "10.244.0.7:8080" }, portStep)?.__address__, "10.244.0.7:8080");
  });
  test("the $1_ trap: `$1_x` asks for a group named 1_x and expands to nothing", () => {
    const m = /^(a)(b)$/.exec("ab") as RegExpExecArray;
    assert.equal(expandTemplate("$1_x", m), "");
    assert.equal(expandTemplate("${1}_x", m), "a_x");
    assert.equal(expandTemplate("$1:$2", m), "a:b");
    assert.equal(expandTemplate("$$1", m), "$1");
    assert.equal(expandTemplate("cost $", m), "cost $");
  });
});

describe("RE2 compatibility (compiled by re2js)", () => {
  test("regexes are anchored, named groups use (?P<...>), a leading (?i) is a flag", () => {
    const re = compileRe2("(?i)(?P<verb>get|post)");
    assert.ok(re.ok);
    assert.equal((re.re.exec("GET") as TemplateMatch | null)?.groups?.verb, "GET");
    assert.equal(re.re.test("xGET"), false, "anchored: a prefix must not match");
  });
  test("RE2 syntax that JavaScript reads with another meaning matches as in Prometheus", () => {
    // [text, matches, does not match]: JavaScript would compile each of these, but match other strings.
    for (const [src, yes, no] of [
      ["[[:alpha:]]+", "abc", "a1"], // a POSIX class; JavaScript reads the set [[:alph] followed by "]+"
      ["\\Qa.b\\E", "a.b", "Qa.bE"], // literal text between \Q and \E; JavaScript matches "Qa.bE"
      ["\\pL+", "héllo", "h1"], // a Unicode letter class; JavaScript without the u flag reads \pL as "pL"
      ["a\\z", "a", "az"], // end of text; JavaScript matches "az"
    ] as const) {
      const r = compileRe2(src);
      assert.ok(r.ok, `${src} is valid RE2`);
      assert.equal(r.re.test(yes), true, `${src} must match ${yes}`);
      assert.equal(r.re.test(no), false, `${src} must not match ${no}`);
    }
  });
  test("lookarounds, backreferences and broken syntax are refused with RE2's reason", () => {
    for (const [src, why] of [
      ["foo(?=bar)", /unsupported Perl syntax/],
      ["(?<!x)y", /unsupported Perl syntax|invalid named capture/],
      ["(a)\\1", /invalid escape sequence/],
      ["a++", /invalid nested repetition/],
      ["(unclosed", /missing closing \)/],
    ] as const) {
      const r = compileRe2(src);
      assert.equal(r.ok, false, `${src} should be refused`);
      if (r.ok === false) assert.match(r.error, why);
    }
  });
  test("relabel throws on a step Prometheus would not load", () => {
    assert.throws(() => run({ a: "x" }, { source_labels: ["a"], regex: "(?=x)x", action: "keep" }), /not valid RE2/);
  });
});

describe("relabelProblems mirrors Prometheus's Config.Validate", () => {
  const fields = (c: RelabelConfig) => relabelProblems(c).map((p) => p.field);
  test("valid steps have no problems", () => {
    assert.deepEqual(relabelProblems({ source_labels: ["a"], regex: "x", action: "keep" }), []);
    assert.deepEqual(relabelProblems({ source_labels: ["a"], target_label: "b" }), []);
    assert.deepEqual(relabelProblems({ regex: "__meta_kubernetes_pod_label_(.+)", action: "labelmap" }), []);
  });
  test("each broken step names the field", () => {
    assert.deepEqual(fields({ action: "keeep" }), ["action"]);
    assert.deepEqual(fields({ source_labels: ["a"] }), ["target_label"], "replace needs target_label");
    assert.deepEqual(fields({ source_labels: ["a"], target_label: "b", action: "hashmod" }), ["modulus"]);
    assert.deepEqual(fields({ source_labels: ["a"], target_label: "my-label" }), ["target_label"]);
    assert.deepEqual(fields({ source_labels: ["a"], target_label: "b", action: "lowercase", replacement: "x" }), [
      "replacement",
    ]);
    assert.deepEqual(fields({ regex: "x", action: "labeldrop", source_labels: ["a"] }), ["fields"]);
    assert.deepEqual(fields({ source_labels: ["a"], target_label: "b", action: "keepequal", regex: "x" }), ["fields"]);
    assert.deepEqual(fields({ regex: "(.*)", replacement: "-bad", action: "labelmap" }), ["replacement"]);
  });
  test("target_label templates follow Prometheus's validity table", () => {
    const ok = (t: string) => relabelProblems({ source_labels: ["a"], target_label: t }).length === 0;
    for (const t of ["label", "label${1}", "${1}label", "${1}", "$1", "asd$2asd", "_${1}_", "foo${bar}foo"]) {
      assert.ok(ok(t), `${t} should be a valid target_label`);
    }
    for (const t of ["-label", "${", "$", "${}", "foo${", "-foo${1}bar-"]) {
      assert.ok(!ok(t), `${t} should be refused`);
    }
  });
});
