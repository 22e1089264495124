/**
 * Random .env texts for differential tests: a small seeded generator whose pieces
 * are the ones dotenv's regular expression treats specially.
 */

/** Mulberry32: small, fast, seeded — every failure is reproducible from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'KEY', 'A', 'b_2', 'x.y', 'my-key', 'export', 'export ', '=', '=', '=', ': ', ':', ' ', ' ', '\t', '  ',
  '\n', '\n', '\n', '\r\n', '\r', '#', ' #', '# c', '"', '"', "'", "'", '`', '\\', '\\n', '\\"', "\\'",
  '$', '${A}', '${A:-d}', 'value', 'v a l', 'é', '😀', '\u2028', '\u00a0', '\uFEFF', '==', 'K=V', '\nB=2',
  '"x"', "'y'", '`z`', '"a\nb"', '{}', ',', '!', '%',
  // Escapes of every quote kind, doubled backslashes, CR-only and CRLF inside quotes.
  '\\`', '\\r', '\\\\', '"a\r\nb"', "'a\rb'", '`a\r\nb`',
  // Every JS whitespace and line terminator the regex treats as `\s` or `$`.
  '\u2029', '\v', '\f', '\u3000', '\u1680', '\u200a',
  // Keys that behave oddly as object keys, and non-ASCII letters that are not `\w`.
  '1', '__proto__', 'K\u212a', 'ÿ', ' = ', ':\t', 'export\t', '\r\r\n',
  '\ud800', '\udc00x',
];

export function randomEnvText(random: () => number, maxPieces = 24): string {
  const count = 1 + Math.floor(random() * maxPieces);
  let out = random() < 0.05 ? '\uFEFF' : '';
  for (let i = 0; i < count; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

/** Pick one of the items, uniformly. */
function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const LEAD = ['', '', '', ' ', '\t', '  ', '\uFEFF', '\u00a0'];
const KEYS = ['KEY', 'A', 'b_2', 'x.y', 'my-key', 'export', 'API_URL', '1', 'DB.HOST', 'é', 'K Y', ''];
const SEPARATORS = ['=', '=', '=', ' = ', '= ', ' =', ': ', ':', ':\t', ':\r\n', '=\n', '==', '\t=\t'];
const TEXT = ['value', 'v a l', ' spaced ', '${A}', '$A', '${A:-d}', 'é😀', '\\n', '\\r', '\\\\', '#', ' # ', 'a#b', '=', "'", '"', '`', '\\"', "\\'", '\\`', '\u2028', '\u00a0', ''];
const TAILS = ['', '', '', ' ', '  ', '\t', ' # comment', '#c', ' #', ' junk', 'x', ' "q"', "'"];
const ENDINGS = ['\n', '\n', '\n', '\r\n', '\r', '\u2028', '\n\n', ''];

function randomText(random: () => number, parts: number): string {
  let out = '';
  for (let i = 0; i < parts; i++) out += pick(random, TEXT);
  return out;
}

/** One value: unquoted, quoted (maybe multi-line, maybe unterminated), or empty. */
function randomValue(random: () => number): string {
  const r = random();
  if (r < 0.3) return randomText(random, Math.floor(random() * 4));
  const quote = pick(random, ['"', "'", '`']);
  let body = randomText(random, Math.floor(random() * 4));
  if (random() < 0.3) body += pick(random, ['\n', '\r\n', '\r']) + randomText(random, 1 + Math.floor(random() * 2));
  if (random() < 0.1) return quote + body; // unterminated
  return (random() < 0.2 ? ' ' : '') + quote + body + quote;
}

/**
 * Line-shaped texts: the piece soup above rarely forms a whole assignment whose
 * closing quote meets a comment or a later line, so this builds lines on purpose.
 */
export function randomEnvLines(random: () => number, maxLines = 8): string {
  const count = 1 + Math.floor(random() * maxLines);
  let out = random() < 0.05 ? '\uFEFF' : '';
  for (let i = 0; i < count; i++) {
    const kind = random();
    let line = pick(random, LEAD);
    if (kind < 0.1) line += '#' + randomText(random, 2);
    else if (kind < 0.15) line += randomText(random, 3);
    else {
      if (random() < 0.15) line += pick(random, ['export ', 'export\t', 'export  ', 'export']);
      line += pick(random, KEYS) + pick(random, SEPARATORS) + randomValue(random) + pick(random, TAILS);
    }
    out += line + pick(random, ENDINGS);
  }
  return out;
}
