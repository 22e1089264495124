/**
 * Hover, from the locator: a key explains its variable and the value dotenv
 * reads; a reference says where it is defined, what it expands to at that
 * point (dotenv-expand's order) and its default. Every value goes through
 * sensitivity.ts first.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Entry, EnvDocument, Reference } from './parser/model';
import { locateAt } from './locate';
import { rangeOf } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import { clipSentences, describeVariable } from './describe';
import { HIDDEN, isSensitiveName, redactEmbeddedSecrets, shownValue } from './sensitivity';
import { entriesByKey } from './rules/entryIndex';
import { resolveReference } from './expand';
import type { ProjectContext } from './project/context';
import { projectKeyHoverLines } from './projectHover';

/** A look-alike note's sentences kept in a hover (the rest is on the schema's page). */
const LOOK_ALIKE_MAX = 120;

export function getHover(doc: EnvDocument, schemaSet: SchemaSet, position: Position, project?: ProjectContext): Hover | null {
  const location = locateAt(doc, position);
  if (location.kind === 'key') return keyHover(doc, schemaSet, location.entry, project);
  if (location.kind === 'reference') return referenceHover(doc, schemaSet, location.entry, location.reference);
  return null;
}

function keyHover(doc: EnvDocument, schemaSet: SchemaSet, entry: Entry, project?: ProjectContext): Hover {
  const match = schemaSet.lookup(entry.key);
  const parts: string[] = [];
  const lookAlike = schemaSet.lookAlike(entry.key);
  if (match) parts.push(describeVariable(match.spec, match.schema, entry.key));
  else parts.push(`**${entry.key}**`);
  // The product's "names that look alike" notes: for a known name they explain a common mix-up.
  if (lookAlike) parts.push('', `**Looks alike**${lookAlike.meant ? ` (often confused with \`${lookAlike.meant}\`)` : ''}: ${clipSentences(lookAlike.message, LOOK_ALIKE_MAX)}`);
  // On an earlier duplicate, the reader reads the last line of that key, not this one.
  const kept = entriesByKey(doc).get(entry.key) ?? entry;
  const read = readsAs(doc, kept, schemaSet);
  parts.push('', kept === entry ? read : `${read} (from line ${kept.line + 1}; this line is ignored)`);
  parts.push(...projectKeyHoverLines(project, doc, schemaSet, entry));
  return { contents: { kind: 'markdown', value: parts.join('\n') }, range: rangeOf(doc, entry.keySpan) };
}

/** The "reads as" line, in the document's dialect (docker compose's reading is taken with no shell variables). */
function readsAs(doc: EnvDocument, entry: Entry, schemaSet: SchemaSet): string {
  if (doc.dialect !== 'compose') return `dotenv reads: ${codeValue(shownValue(entry.key, entry.value, schemaSet))}`;
  if (entry.passThrough) return `docker compose reads: the shell's value of ${entry.key}, passed through (unset when the shell has none)`;
  const shown = codeValue(shownValue(entry.key, entry.value, schemaSet));
  return `docker compose reads: ${shown}${entry.references.length > 0 ? ' (when the shell sets none of its variables)' : ''}`;
}

function referenceHover(doc: EnvDocument, schemaSet: SchemaSet, entry: Entry, ref: Reference): Hover {
  const defined = entriesByKey(doc).get(ref.name);
  // What the reference stands for becomes part of this entry's value: a secret there stays one.
  const hideAll = isSensitiveName(ref.name, schemaSet) || isSensitiveName(entry.key, schemaSet);
  const show = (value: string) => (hideAll ? (value.length === 0 ? '(empty)' : HIDDEN) : redactEmbeddedSecrets(value, schemaSet));
  const lines = [`**\${${ref.name}}**`];
  if (defined) {
    lines.push('', `Defined on line ${defined.line + 1}: ${codeValue(show(defined.value))}`);
  } else {
    lines.push('', doc.dialect === 'compose'
      ? 'Not defined in this file: docker compose takes it from the shell, or an empty string.'
      : 'Not defined in this file: dotenv-expand takes it from the process environment, or an empty string.');
  }
  const resolved = expandedHere(doc, entry, ref.name);
  if (resolved !== undefined) lines.push('', `Expands here to: ${codeValue(show(resolved))}`);
  if (ref.operator) lines.push('', `\`${ref.operator}\` ${OPERATOR_ROLE[ref.operator]}: ${codeValue(show(ref.fallback ?? ''))}`);
  const match = schemaSet.lookup(ref.name);
  if (match) lines.push('', describeVariable(match.spec, match.schema, ref.name));
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: rangeOf(doc, ref.span) };
}

const OPERATOR_ROLE: Record<NonNullable<Reference['operator']>, string> = {
  ':-': 'default', '-': 'default', ':+': 'alternative', '+': 'alternative', ':?': 'error when unset', '?': 'error when unset',
};

/**
 * Expansion walks every key before the entry, and costs more than linear time
 * in their number (expand.ts): past this many a hover leaves the line out
 * rather than hold up the server.
 */
const MAX_ENTRIES_EXPANDED = 500;

/** The file's value of `name` when `entry`'s value is expanded (no process environment: envls runs nothing). */
function expandedHere(doc: EnvDocument, entry: Entry, name: string): string | undefined {
  const index = doc.entries.indexOf(entry);
  if (index < 0 || index > MAX_ENTRIES_EXPANDED) return undefined;
  return resolveReference(name, doc.entries, index)?.value;
}

function codeValue(value: string): string {
  if (value.length === 0) return '(empty)';
  const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return '`` ' + shown.replace(/\r?\n/g, '⏎') + ' ``';
}
