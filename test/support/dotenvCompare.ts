/**
 * Helpers shared by the parser and expand tests: where the read-only conformance
 * material lives, and how to turn a parsed document into the object
 * `dotenv.parse` would have returned.
 */
import { resolve } from 'node:path';
import type { Entry, EnvDocument } from '../../server/src/service/parser/model';

/** The repository root, from this file's location (test/support/). */
export const repoRoot = resolve(__dirname, '..', '..');

/** Read-only shared material; CI checks it out next to the repository. */
export const sharedDir = resolve(repoRoot, '../shared');

/**
 * The object dotenv builds: a plain `{}` filled by assignment in file order, so
 * the last duplicate wins, the first occurrence fixes the position, integer-like
 * keys move first and `__proto__` is swallowed — exactly as in dotenv.parse.
 */
export function valuesOf(doc: EnvDocument | readonly Entry[]): Record<string, string> {
  const entries = Array.isArray(doc) ? doc : (doc as EnvDocument).entries;
  const out: Record<string, string> = {};
  for (const entry of entries) out[entry.key] = entry.value;
  return out;
}

/** The text a span covers. */
export function sliceOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}
