/**
 * Diagnostic messages are plain text for the Problems panel (it shows no markdown and cuts
 * long lines): names and values clipped, schema text without backticks and in whole
 * sentences, allowed values as "a, b, c or 8 more". A message stays about 160 characters.
 */

/** About the most a message says: the Problems panel cuts longer ones. */
export const MESSAGE_MAX = 160;

/** A key longer than this is shown clipped: the squiggle already says which line it is. */
const NAME_MAX = 32;
/** A value longer than this is shown clipped. */
const VALUE_MAX = 24;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A variable name, clipped when long. */
export function nameText(name: string): string {
  return clip(name, NAME_MAX);
}

/** A value in quotes, clipped when long (a sensitive value never reaches here). */
export function valueText(value: string): string {
  return `"${clip(value.replace(/\r?\n/g, '⏎'), VALUE_MAX)}"`;
}

/** Schema or parser text made plain: no markdown code marks. */
export function plainText(text: string): string {
  return text.replace(/`([^`]*)`/g, '$1').replace(/\*\*([^*]*)\*\*/g, '$1');
}

/**
 * Whole sentences of `text` up to `max` characters; the first sentence alone, cut at a word
 * with "…", when even it is longer.
 */
export function sentencesWithin(text: string, max: number): string {
  let plain = plainText(text).trim();
  if (plain.length <= max) return plain;
  // Asides in parentheses go first.
  const bare = plain.replace(/\s*\([^()]*\)/g, '');
  if (bare.length <= max) return bare;
  plain = bare;
  const sentences = plain.split(/(?<=[.!?;])\s+/);
  let kept = '';
  for (const s of sentences) {
    if (kept.length + (kept ? 1 : 0) + s.length > max) break;
    kept = kept ? `${kept} ${s}` : s;
  }
  if (kept) return kept;
  const cut = plain.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
