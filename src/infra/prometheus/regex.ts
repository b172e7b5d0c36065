// Prometheus compiles relabel regexes with Go's RE2 engine, fully anchored: `regex: foo` means ^(?:foo)$. JavaScript's
// engine is close enough to evaluate the regexes people write in scrape configs, once three differences are handled:
// RE2 spells named groups (?P<name>...), takes flags as a leading (?i), and refuses lookarounds and backreferences
// (JavaScript would accept them, so a config that "works here" would not load in Prometheus).
// Replacements (`replacement: $1:$2`) follow Go's Regexp.Expand, whose `$1x` trap is reproduced on purpose.

/** Check with `r.ok === false` (not `!r.ok`): tslab compiles notebooks without strictNullChecks, where only the
 *  comparison narrows this union. */
export type Re2Result = { ok: true; re: RegExp } | { ok: false; error: string };

/** RE2 syntax JavaScript would accept but Prometheus refuses to load. */
const RE2_UNSUPPORTED: [RegExp, string][] = [
  [/\(\?<?[=!]/, "lookahead and lookbehind ((?=, (?!, (?<=, (?<!) are not supported by RE2"],
  [/\\[1-9]/, "backreferences (\\1 ... \\9) are not supported by RE2"],
  [/(?<!\\)[*+?}]\+/, "possessive quantifiers (a++, a*+) are not supported by RE2"],
];

/** Compile a Prometheus regex the way Prometheus does (anchored), or say why Prometheus would refuse it. */
export function compileRe2(source: string): Re2Result {
  let body = source;
  let flags = "";
  // RE2 takes flags as a leading group, e.g. (?i)get|post. Only a leading one can become a JavaScript flag.
  const lead = /^\(\?([imsU]+)\)/.exec(body);
  if (lead) {
    if (lead[1].includes("U"))
      return { ok: false, error: "the (?U) ungreedy flag cannot be evaluated by this checker" };
    flags = [...new Set(lead[1])].join("");
    body = body.slice(lead[0].length);
  }
  if (/\(\?[imsU-]+[:)]/.test(body)) {
    return { ok: false, error: "inline flags are only understood at the very start of the regex here, e.g. (?i)..." };
  }
  for (const [pattern, why] of RE2_UNSUPPORTED) {
    if (pattern.test(body)) return { ok: false, error: why };
  }
  body = body.replace(/\(\?P</g, "(?<");
  try {
    return { ok: true, re: new RegExp(`^(?:${body})$`, flags) };
  } catch (e) {
    return { ok: false, error: (e as Error).message.replace(/^Invalid regular expression: /, "") };
  }
}

/**
 * Go's Regexp.Expand: `$1` or `${1}` is group 1, `$name` / `${name}` a named group, `$$` a literal `$`. A name is
 * the LONGEST run of letters, digits and `_`, so `$1_suffix` asks for a group called "1_suffix", which does not
 * exist and expands to "" (write `${1}_suffix`). Unmatched or unknown groups expand to "".
 */
export function expandTemplate(template: string, match: RegExpExecArray): string {
  let out = "";
  let i = 0;
  while (i < template.length) {
    const c = template[i];
    if (c !== "$") {
      out += c;
      i++;
      continue;
    }
    if (template[i + 1] === "$") {
      out += "$";
      i += 2;
      continue;
    }
    let name: string | undefined;
    let end = i + 1;
    if (template[i + 1] === "{") {
      const close = template.indexOf("}", i + 2);
      const inner = close < 0 ? "" : template.slice(i + 2, close);
      if (close >= 0 && /^\w+$/.test(inner)) {
        name = inner;
        end = close + 1;
      }
    } else {
      const m = /^\w+/.exec(template.slice(i + 1));
      if (m) {
        name = m[0];
        end = i + 1 + m[0].length;
      }
    }
    if (name === undefined) {
      // Not a valid reference: Go copies the `$` and carries on.
      out += "$";
      i++;
      continue;
    }
    out += /^\d+$/.test(name) ? (match[Number(name)] ?? "") : (match.groups?.[name] ?? "");
    i = end;
  }
  return out;
}
