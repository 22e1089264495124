/**
 * `$X`, `${X}` and `${X<op>word}` in a piece of text, as docker compose interpolates (compose-spec
 * 12-interpolation.md; compose-go template/template.go) and as Docker reads a Dockerfile's variables
 * (docs.docker.com/reference/dockerfile/#environment-replacement). `$$` is a literal `$` in compose;
 * `escape` (Dockerfile's escape character) before `$` makes it literal. Defaults may nest: the reads
 * inside `${X:-${Y}}` are found too.
 */
import type { ReadCollector } from '../collect';

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;
/** Operators after which the program copes with an unset variable. */
const FALLBACK_OPERATORS = [':-', '-', ':=', '=', ':+', '+'];
const REQUIRING_OPERATORS = [':?', '?'];

export interface InterpolationOptions {
  /** compose: `$$` is a literal dollar. */
  doubleDollarEscapes?: boolean;
  /** Dockerfile: this character before `$` makes it literal. */
  escape?: string;
  /** Dockerfile: no substitution inside single quotes. */
  singleQuotes?: boolean;
}

export function interpolationReads(out: ReadCollector, start: number, end: number, options: InterpolationOptions): void {
  const { text } = out;
  let quoted = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (options.escape !== undefined && c === options.escape) {
      i++;
      continue;
    }
    if (options.singleQuotes && c === "'") {
      quoted = !quoted;
      continue;
    }
    if (c !== '$' || quoted) continue;
    const next = text[i + 1];
    if (options.doubleDollarEscapes && next === '$') {
      i++;
      continue;
    }
    if (next === '{') {
      let j = i + 2;
      if (j >= end || !NAME_START.test(text[j])) continue;
      while (j < end && NAME_CHAR.test(text[j])) j++;
      const rest = text.slice(j, j + 2);
      const hasFallback = FALLBACK_OPERATORS.some((op) => rest.startsWith(op)) && !REQUIRING_OPERATORS.some((op) => rest.startsWith(op));
      out.add(i + 2, j, hasFallback);
      i = j - 1;
    } else if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < end && NAME_CHAR.test(text[j])) j++;
      out.add(i + 1, j, false);
      i = j - 1;
    }
  }
}
