/** Hover: a key explains its variable; a reference says where it is defined and what it expands to. */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { EnvDocument } from './parser/model';
import { entryAt, referenceAt } from './locate';
import { offsetAt, rangeOf } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import { describeVariable } from './describe';
import { maskedValue } from './sensitivity';
import { entriesByKey } from './rules/entryIndex';

export function getHover(doc: EnvDocument, schemaSet: SchemaSet, position: Position): Hover | null {
  const offset = offsetAt(doc, position);
  const entry = entryAt(doc, offset);
  if (!entry) return null;
  if (offset >= entry.keySpan.start && offset <= entry.keySpan.end) {
    const match = schemaSet.lookup(entry.key);
    const parts: string[] = [];
    const lookAlike = schemaSet.lookAlike(entry.key);
    if (match) parts.push(describeVariable(match.spec, match.schema, entry.key));
    else parts.push(`**${entry.key}**`);
    // The product's "names that look alike" notes: for a known name they explain a common mix-up.
    if (lookAlike) parts.push('', `**Looks alike**${lookAlike.meant ? ` (often confused with \`${lookAlike.meant}\`)` : ''}: ${lookAlike.message}`);
    parts.push('', `dotenv reads: ${codeValue(maskedValue(entry.key, entry.value, schemaSet))}`);
    return { contents: { kind: 'markdown', value: parts.join('\n') }, range: rangeOf(doc, entry.keySpan) };
  }
  const ref = referenceAt(entry, offset);
  if (ref) {
    const defined = entriesByKey(doc).get(ref.name);
    const lines = [`**\${${ref.name}}**`];
    if (defined) {
      lines.push('', `Defined on line ${defined.line + 1}: ${codeValue(maskedValue(ref.name, defined.value, schemaSet))}`);
    } else {
      lines.push('', 'Not defined in this file: dotenv-expand takes it from the process environment, or an empty string.');
    }
    if (ref.operator) lines.push('', `\`${ref.operator}\` ${ref.operator.includes('-') ? 'default' : 'alternative'}: ${codeValue(ref.fallback ?? '')}`);
    const match = schemaSet.lookup(ref.name);
    if (match) lines.push('', describeVariable(match.spec, match.schema, ref.name));
    return { contents: { kind: 'markdown', value: lines.join('\n') }, range: rangeOf(doc, ref.span) };
  }
  return null;
}

function codeValue(value: string): string {
  if (value.length === 0) return '(empty)';
  const shown = value.length > 200 ? `${value.slice(0, 200)}…` : value;
  return '`` ' + shown.replace(/\r?\n/g, '⏎') + ' ``';
}
