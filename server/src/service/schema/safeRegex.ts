/**
 * Regular expressions from schema files run against every value a user types, so
 * a pattern that can backtrack catastrophically would freeze the server. This is a
 * conservative static screen (it rejects some harmless patterns, never lets the
 * classic exponential shapes through) plus caps on pattern and input length.
 *
 * Rejected:
 * - backreferences (`\1`, `\k<name>`) and lookarounds;
 * - a repeated group that contains a variable quantifier (`(a+)+`, `(\w*)*`, `(a+){2,}`);
 * - a repeated group that contains alternation (`(a|a)*`, `(ab|a)+`);
 * - three or more unbounded quantifiers that can match the same characters with no
 *   separator between them that the earlier ones cannot match (`.*.*.*`, `\w+\d+`
 *   unanchored): polynomial blow-up of degree 3 or more. An unanchored pattern
 *   counts its start position as one of them.
 */

/** Longest pattern accepted from a schema file. */
export const MAX_PATTERN_LENGTH = 256;
/** Values longer than this are never tested against a schema pattern. */
export const MAX_PATTERN_INPUT = 4096;

const UNBOUNDED = 16; // a {n,m} with m above this is treated like +

/** Characters used to approximate a character set (enough to tell classes apart). */
const PROBES: string[] = [...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)), 'é', '€', '\u2028', '\u00a0'];

type CharSet = boolean[];

interface Atom {
  chars: CharSet;
  min: number;
  max: number;
}

interface Frame {
  /** Tokens of this group, flattened. */
  atoms: Atom[];
  variableQuantifier: boolean;
  alternation: boolean;
}

const cache = new Map<string, RegExp | undefined>();

/** The compiled pattern, or undefined when it is unsafe or invalid. */
export function safeRegExp(pattern: string): RegExp | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let re: RegExp | undefined;
  if (regexProblem(pattern) === undefined) re = new RegExp(pattern);
  if (cache.size > 500) cache.clear();
  cache.set(pattern, re);
  return re;
}

/** Whether the value matches; undefined when the value is too long to test. */
export function matchesSafely(re: RegExp, value: string): boolean | undefined {
  if (value.length > MAX_PATTERN_INPUT) return undefined;
  return re.test(value);
}

/** Why a pattern is refused, or undefined when it is fine. */
export function regexProblem(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `The pattern is ${pattern.length} characters long; at most ${MAX_PATTERN_LENGTH} are allowed.`;
  try {
    new RegExp(pattern);
  } catch (error) {
    return `Invalid regular expression: ${(error as Error).message}`;
  }
  try {
    return scan(pattern);
  } catch (error) {
    return (error as Error).message;
  }
}

function charsOf(atomSource: string): CharSet {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${atomSource})$`);
  } catch {
    return PROBES.map(() => true);
  }
  return PROBES.map((c) => re.test(c));
}

const ANY: CharSet = PROBES.map(() => true);

function union(a: CharSet, b: CharSet): CharSet {
  return a.map((v, i) => v || b[i]);
}

function overlaps(a: CharSet, b: CharSet): boolean {
  return a.some((v, i) => v && b[i]);
}

function scan(p: string): string | undefined {
  const stack: Frame[] = [{ atoms: [], variableQuantifier: false, alternation: false }];
  /** Top-level branches (split at top-level `|`), each a flat atom sequence. */
  const branches: Atom[][] = [];
  let i = 0;
  const top = () => stack[stack.length - 1];
  while (i < p.length) {
    const c = p[i];
    let atom: Atom | undefined;
    if (c === '\\') {
      const n = p[i + 1];
      if (/[1-9]/.test(n)) return 'Backreferences are not allowed in schema patterns (they can backtrack catastrophically).';
      if (n === 'k' && p[i + 2] === '<') return 'Backreferences are not allowed in schema patterns (they can backtrack catastrophically).';
      if (n === 'b' || n === 'B') {
        i += 2;
        continue;
      }
      let len = 2;
      if (n === 'x') len = 4;
      else if (n === 'u') len = p[i + 2] === '{' ? p.indexOf('}', i) - i + 1 : 6;
      else if (n === 'c') len = 3;
      else if (n === 'p' || n === 'P') len = p[i + 2] === '{' ? p.indexOf('}', i) - i + 1 : 2;
      atom = { chars: charsOf(p.slice(i, i + len)), min: 1, max: 1 };
      i += len;
    } else if (c === '[') {
      let j = i + 1;
      if (p[j] === '^') j++;
      while (j < p.length && p[j] !== ']') j += p[j] === '\\' ? 2 : 1;
      atom = { chars: charsOf(p.slice(i, j + 1)), min: 1, max: 1 };
      i = j + 1;
    } else if (c === '(') {
      if (p.startsWith('(?=', i) || p.startsWith('(?!', i) || p.startsWith('(?<=', i) || p.startsWith('(?<!', i)) {
        return 'Lookahead and lookbehind are not allowed in schema patterns.';
      }
      if (p.startsWith('(?:', i)) i += 3;
      else if (p.startsWith('(?<', i)) i = p.indexOf('>', i) + 1;
      else i += 1;
      stack.push({ atoms: [], variableQuantifier: false, alternation: false });
      continue;
    } else if (c === ')') {
      const frame = stack.pop()!;
      i += 1;
      const q = readQuantifier(p, i);
      const repeated = q !== undefined && q.max > 1;
      if (repeated && frame.variableQuantifier) return `Nested quantifier at offset ${i - 1}: a repeated group must not contain a quantifier of variable length (e.g. (a+)+), it can backtrack catastrophically.`;
      if (repeated && frame.alternation) return `Repeated alternation at offset ${i - 1}: a repeated group must not contain | (e.g. (a|a)*), it can backtrack catastrophically.`;
      const parent = top();
      if (frame.variableQuantifier || (q && q.min !== q.max)) parent.variableQuantifier = true;
      if (q) {
        // A repeated group has no inner quantifier or alternation: one atom of its characters.
        const chars = frame.atoms.reduce<CharSet>((acc, a) => union(acc, a.chars), PROBES.map(() => false));
        parent.atoms.push({ chars, min: q.min, max: q.max });
        i = q.end;
      } else if (frame.alternation) {
        // An alternation is opaque: it separates nothing, and may be empty.
        parent.atoms.push({ chars: ANY, min: 0, max: 1 });
      } else {
        parent.atoms.push(...frame.atoms);
      }
      continue;
    } else if (c === '|') {
      if (stack.length === 1) {
        branches.push(top().atoms);
        top().atoms = [];
      } else {
        top().alternation = true;
      }
      i += 1;
      continue;
    } else if (c === '^' || c === '$') {
      i += 1;
      continue;
    } else {
      atom = { chars: c === '.' ? charsOf('.') : charsOf(escapeLiteral(c)), min: 1, max: 1 };
      i += 1;
    }
    const q = readQuantifier(p, i);
    if (q) {
      atom.min = q.min;
      atom.max = q.max;
      if (q.min !== q.max) top().variableQuantifier = true;
      i = q.end;
    }
    top().atoms.push(atom);
  }
  branches.push(stack[0].atoms);
  const anchored = p.startsWith('^');
  for (const branch of branches) {
    const degree = ambiguityDegree(anchored ? branch : [{ chars: ANY, min: 0, max: Infinity }, ...branch]);
    if (degree >= 3) return `Too many overlapping repetitions (${degree} unbounded quantifiers can match the same characters${anchored ? '' : ', counting the unanchored start'}): the pattern can backtrack catastrophically. Anchor it with ^ or separate the repetitions.`;
  }
  return undefined;
}

/** The largest number of unbounded atoms that can trade characters with each other. */
function ambiguityDegree(atoms: Atom[]): number {
  let open: Atom[] = [];
  let worst = 0;
  for (const atom of atoms) {
    if (atom.max > UNBOUNDED) {
      const rivals = open.filter((a) => overlaps(a.chars, atom.chars));
      worst = Math.max(worst, rivals.length + 1);
      open = [...rivals, atom];
    } else if (atom.min >= 1) {
      // A mandatory character the earlier repetitions cannot match pins them down.
      open = open.filter((a) => overlaps(a.chars, atom.chars));
    }
  }
  return worst;
}

function readQuantifier(p: string, i: number): { min: number; max: number; end: number } | undefined {
  const c = p[i];
  let q: { min: number; max: number; end: number } | undefined;
  if (c === '*') q = { min: 0, max: Infinity, end: i + 1 };
  else if (c === '+') q = { min: 1, max: Infinity, end: i + 1 };
  else if (c === '?') q = { min: 0, max: 1, end: i + 1 };
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
    if (!m) return undefined; // a literal brace
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    q = { min, max, end: i + m[0].length };
  }
  if (q && p[q.end] === '?') q.end += 1; // lazy
  return q;
}

function escapeLiteral(c: string): string {
  return c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}
