/**
 * Dockerfiles, read line by line (neither grammar package has a Dockerfile grammar, and the
 * syntax is line-based: an instruction per logical line, `#` comment lines, the escape
 * character continuing a line). From docs.docker.com/reference/dockerfile/:
 * - `# escape=\`` (a parser directive at the top) changes the escape character from `\`;
 * - `ENV K=V …` / `ENV K V` and `ARG K[=V] …` give variables a value: kind 'set';
 * - `$X`, `${X}`, `${X:-d}`, `${X:+a}` are read (environment replacement; in RUN the shell reads
 *   them), not inside single quotes nor after the escape character;
 * - a heredoc's body (`RUN <<EOF … EOF`) is passed over: it is a script, not instructions.
 */
import type { ReadCollector } from '../collect';
import { interpolationReads } from './interpolation';

const DIRECTIVE = /^#\s*escape\s*=\s*(\S)\s*$/i;
const HEREDOC = /<<-?\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\1/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function dockerfileReads(out: ReadCollector): void {
  const { text } = out;
  const lines = [...text.matchAll(/[^\r\n]*(?:\r\n|\r|\n|$)/g)].filter((m) => m[0].length > 0 || m.index < text.length);
  let escape = '\\';
  let inDirectives = true;
  let heredocEnds: string[] = [];
  let instruction: { keyword: string; start: number } | undefined;
  for (const line of lines) {
    const content = line[0].replace(/[\r\n]+$/, '');
    const start = line.index;
    if (heredocEnds.length > 0) {
      if (content.replace(/^\t+/, '') === heredocEnds[0]) heredocEnds.shift();
      continue;
    }
    const trimmed = content.trimStart();
    if (trimmed.startsWith('#')) {
      const directive = inDirectives ? DIRECTIVE.exec(trimmed) : null;
      if (directive) escape = directive[1];
      continue;
    }
    inDirectives = false;
    if (trimmed === '') continue;
    let from = start + content.length - trimmed.length;
    if (!instruction) {
      const keyword = /^[A-Za-z]+/.exec(trimmed)?.[0].toUpperCase() ?? '';
      instruction = { keyword, start: from };
      from += keyword.length;
    }
    const continued = content.trimEnd().endsWith(escape);
    const end = continued ? start + content.trimEnd().length - 1 : start + content.length;
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') setNames(out, from, end, instruction);
    interpolationReads(out, from, end, { escape, singleQuotes: true });
    for (const heredoc of text.slice(from, end).matchAll(HEREDOC)) heredocEnds.push(heredoc[2]);
    if (!continued) instruction = undefined;
  }
}

/** The names an ENV or ARG line sets: `K=V K2="v 2"`, `ENV K V` (legacy: one pair, the rest is the value), `ARG K`. */
function setNames(out: ReadCollector, from: number, end: number, instruction: { keyword: string; start: number }): void {
  const { text } = out;
  let i = from;
  let first = from === instruction.start + instruction.keyword.length;
  while (i < end) {
    while (i < end && /\s/.test(text[i])) i++;
    const name = NAME.exec(text.slice(i, end))?.[0];
    if (!name) return;
    const after = text[i + name.length];
    if (after === '=' || (instruction.keyword === 'ARG' && (after === undefined || /\s/.test(after) || i + name.length >= end))) {
      out.add(i, i + name.length, false, 'set');
    } else if (instruction.keyword === 'ENV' && first && /\s/.test(after ?? '')) {
      out.add(i, i + name.length, false, 'set');
      return;
    } else return;
    i += name.length;
    if (text[i] === '=') i = valueEnd(text, i + 1, end);
    first = false;
  }
}

/** The end of one value: quoted parts and escapes included, up to unquoted whitespace. */
function valueEnd(text: string, i: number, end: number): number {
  let quote: string | undefined;
  for (; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '\\') i++;
    else if (/\s/.test(c)) return i;
  }
  return end;
}
