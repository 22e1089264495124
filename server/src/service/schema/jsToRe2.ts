/**
 * Rewrites a JavaScript pattern (no flags) so that RE2 reads it as JavaScript
 * would, for the spots where the two syntaxes agree in form but not in meaning.
 * RE2JS.translateRegExp runs afterwards for the rest (`\uXXXX`, `(?<name>`,
 * `[^]`…). Here:
 * - `.` matches neither `\r`, `\u2028` nor `\u2029` in JavaScript, only `\n` in RE2;
 * - `\s` is JavaScript's Unicode whitespace, ASCII only in RE2;
 * - `\a \A \z \Q \E \p \P` are RE2 escapes but plain letters in JavaScript
 *   without the `u` flag, and translateRegExp passes them on;
 * - `\k` is a backreference when the pattern names a group (refused: no
 *   backreference runs in linear time), else the letter k.
 * Matching runs on code points where JavaScript without `u` sees UTF-16 units:
 * only astral characters can tell the difference.
 */

/** JavaScript's WhiteSpace and LineTerminator code points (ECMA-262 CharacterClassEscape \s). */
const JS_SPACE: [number, number][] = [
  [0x09, 0x0d], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff],
];

const hex = (n: number) => `\\x{${n.toString(16)}}`;
const range = ([a, b]: [number, number]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`);

/** Class contents (no brackets) of \s and of \S, in RE2 syntax. */
const SPACE_ITEMS = JS_SPACE.map(range).join('');
const NOT_SPACE_ITEMS = complement(JS_SPACE).map(range).join('');
const DOT = `[^\\n\\r${hex(0x2028)}${hex(0x2029)}]`;
const JS_LETTER_ESCAPES = new Set(['a', 'A', 'z', 'Q', 'E', 'p', 'P']);

export class UnsupportedPattern extends Error {}

export function jsToRe2(pattern: string): string {
  const namesGroups = /\(\?<[^=!]/.test(pattern);
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      if (JS_LETTER_ESCAPES.has(next)) out += next;
      else if (next === 'k') {
        if (namesGroups) throw new UnsupportedPattern('backreferences (\\k<name>) cannot run in linear time.');
        out += 'k';
      } else if (next === 's') out += inClass ? SPACE_ITEMS : `[${SPACE_ITEMS}]`;
      else if (next === 'S') out += inClass ? NOT_SPACE_ITEMS : `[${NOT_SPACE_ITEMS}]`;
      else out += c + next;
    } else if (c === '[' && !inClass) {
      inClass = true;
      out += c;
      // A leading ^ and a ] right after it belong to the class (`[]`, `[^]`).
      if (pattern[i + 1] === '^') out += pattern[++i];
      if (pattern[i + 1] === ']') {
        inClass = false;
        out += pattern[++i];
      }
    } else if (c === ']' && inClass) {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) out += DOT;
    else out += c;
  }
  return out;
}

function complement(ranges: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (const [a, b] of ranges) {
    if (a > from) out.push([from, a - 1]);
    from = b + 1;
  }
  out.push([from, 0x10ffff]);
  return out;
}
