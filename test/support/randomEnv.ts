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
];

export function randomEnvText(random: () => number, maxPieces = 24): string {
  const count = 1 + Math.floor(random() * maxPieces);
  let out = random() < 0.05 ? '\uFEFF' : '';
  for (let i = 0; i < count; i++) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}
