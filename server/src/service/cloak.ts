/**
 * Which value spans an editor should cloak (hide behind a mask) on screen: the values of sensitive
 * variables, or every value. A client draws the mask; the document is never changed.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Entry, EnvDocument } from './parser/model';
import { rangeOf } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import { isSensitive } from './sensitivity';

/** `sensitive`: values that are secret by schema, by name or by a credential in a URL; `all`; `off`. */
export type CloakMode = 'sensitive' | 'all' | 'off';

export const CLOAK_MODES: readonly CloakMode[] = ['sensitive', 'all', 'off'];

/** An unknown mode falls back to the default, so a typo in a setting never shows secrets. */
export function readCloakMode(value: unknown): CloakMode {
  return CLOAK_MODES.includes(value as CloakMode) ? (value as CloakMode) : 'sensitive';
}

/**
 * The ranges of the values to cloak, in document order: each value as written (quotes included, every
 * line of a multi-line value), empty values left out since there is nothing to hide. Every line that
 * sets a sensitive name is cloaked, the duplicates dotenv ignores included: they are on screen too.
 */
export function cloakRanges(doc: EnvDocument, schemaSet: SchemaSet, mode: CloakMode): Range[] {
  if (mode === 'off') return [];
  const out: Range[] = [];
  for (const entry of doc.entries) {
    if (entry.rawSpan.end <= entry.rawSpan.start) continue;
    if (mode === 'all' || isCloaked(entry, schemaSet)) out.push(rangeOf(doc, entry.rawSpan));
  }
  return out;
}

function isCloaked(entry: Entry, schemaSet: SchemaSet): boolean {
  return isSensitive(entry.key, entry.value, schemaSet);
}
