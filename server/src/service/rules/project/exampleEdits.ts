/** Lines copied between a values file and its example, for the fixes of the example rules. */
import type { Entry, EnvDocument } from '../../parser/model';
import type { SchemaSet } from '../../schema/schemaSet';
import { isSensitive } from '../../sensitivity';
import { commentsAbove, isOptionalInExample, type ExampleFacts } from '../../project/context';
import { entriesByKey } from '../entryIndex';
import { lineBreakOf } from '../edits';
import type { FixEdit } from '../rule';

/** The span of a file-level finding: the first line (empty for an empty file). */
export function firstLineSpan(doc: EnvDocument): { start: number; end: number } {
  let end = doc.lineStarts.length > 1 ? doc.lineStarts[1] : doc.text.length;
  while (end > 0 && (doc.text.charCodeAt(end - 1) === 10 || doc.text.charCodeAt(end - 1) === 13)) end--;
  return { start: 0, end };
}

/** `KEY=value` as the example writes the value (quotes kept), or `KEY=` when the value is sensitive. */
export function entryLine(source: EnvDocument, entry: Entry, schemaSet: SchemaSet): string {
  const raw = source.text.slice(entry.rawSpan.start, entry.rawSpan.end);
  return `${entry.key}=${isSensitive(entry.key, entry.value, schemaSet) ? '' : raw}`;
}

/** The example's comment lines directly above the entry, then the entry's line. */
export function linesFromExample(example: EnvDocument, entry: Entry, schemaSet: SchemaSet): string[] {
  return [...commentsAbove(example, entry).map((c) => example.text.slice(c.span.start, c.span.end)), entryLine(example, entry, schemaSet)];
}

/**
 * The example's entries copied in its order; where the example has a blank line between two of
 * them, so does the copy (its grouping).
 */
export function blockFromExample(example: EnvDocument, entries: readonly Entry[], schemaSet: SchemaSet): string[] {
  const lines: string[] = [];
  let previous: Entry | undefined;
  for (const entry of entries) {
    const comments = commentsAbove(example, entry);
    const first = comments.length > 0 ? comments[0].line : entry.line;
    if (previous && hasBlankLine(example, previous.line + 1, first)) lines.push('');
    lines.push(...linesFromExample(example, entry, schemaSet));
    previous = entry;
  }
  return lines;
}

function hasBlankLine(doc: EnvDocument, from: number, to: number): boolean {
  for (let line = from; line < to; line++) {
    const end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
    if (doc.text.slice(doc.lineStarts[line], end).trim() === '') return true;
  }
  return false;
}

/** Lines appended at the end of `text`, in its line break style, after a break if the text lacks a final one. */
export function appendLines(text: string, lines: readonly string[]): FixEdit {
  const eol = lineBreakOf(text);
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return { span: { start: text.length, end: text.length }, newText: `${needsBreak ? eol : ''}${lines.join(eol)}${eol}` };
}

/**
 * The example's variables that are set neither by the file (`isSet`) nor by `others` (the files
 * loaded with it), except those the example marks optional; in the example's order (not the order
 * of last assignments). missingExampleVariable reports these and `envls sync` adds them.
 */
export function missingFromExample(example: ExampleFacts, isSet: (key: string) => boolean, others: ReadonlySet<string>): Entry[] {
  const missing: Entry[] = [];
  for (const entry of entriesByKey(example.doc).values()) {
    if (isSet(entry.key) || others.has(entry.key) || isOptionalInExample(example, entry)) continue;
    missing.push(entry);
  }
  return missing.sort((a, b) => a.line - b.line);
}

/** The one edit that appends every missing variable to `text`: "Add all missing from .env.example", and `envls sync`. */
export function addAllMissingEdit(text: string, example: EnvDocument, missing: readonly Entry[], schemaSet: SchemaSet): FixEdit {
  return appendLines(text, blockFromExample(example, missing, schemaSet));
}
