// Prometheus compiles relabel regexes with Go's RE2 engine, fully anchored: `regex: foo` means ^(?:foo)$. JavaScript's
// own engine reads some RE2 syntax with another meaning (`\Qa.b\E`, `[[:alpha:]]`, `\pL`, `a\z`) and accepts what RE2
// refuses (lookarounds, backreferences), so regexes are compiled by re2js, the JavaScript port of RE2: a pattern
// is accepted, refused and matched exactly as Prometheus would.
// Replacements (`replacement: $1:$2`) follow Go's Regexp.Expand, whose `$1x` trap is reproduced on purpose.
import { RE2JS } from "re2js";

/** A compiled RE2 regex: `test` and `exec` behave like a RegExp's (exec gives numbered groups and `.groups`). */
export type Re2 = RE2JS;

/** Check with `r.ok === false` (not `!r.ok`): tslab compiles notebooks without strictNullChecks, where only the
 *  comparison narrows this union. */
export type Re2Result = { ok: true; re: Re2 } | { ok: false; error: string };

/** Compile a Prometheus regex the way Prometheus does (RE2, anchored), or give RE2's reason for refusing it. */
export function compileRe2(source: string): Re2Result {
  try {
    return { ok: true, re: RE2JS.compile(`^(?:${source})$`) };
  } catch (e) {
    return { ok: false, error: (e as Error).message.replace(/^error parsing regexp: /, "") };
  }
}

/** What expandTemplate reads from a match: numbered groups and named groups (a RegExp's or RE2's exec result). */
export interface TemplateMatch {
  readonly [group: number]: string | undefined;
  groups?: Record<string, string | undefined>;
}

/**
 * Go's Regexp.Expand: `$1` or `${1}` is group 1, `$name` / `${name}` a named group, `$$` a literal `$`. A name is
 * the LONGEST run of letters, digits and `_`, so `$1_suffix` asks for a group called "1_suffix", which does not
 * exist and expands to "" (write `${1}_suffix`). Unmatched or unknown groups expand to "".
 */
export function expandTemplate(template: string, match: TemplateMatch): string {
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
