/**
 * Outline and folding. A section is a comment block that starts the file or
 * follows a blank line, and is followed by entries: its first line names it.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-types';
import type { Comment, Entry, EnvDocument } from './parser/model';
import { rangeOf } from './positions';
import type { SchemaSet } from './schema/schemaSet';
import { shownValue } from './sensitivity';

interface Section {
  title: string;
  header: Comment;
  entries: Entry[];
}

function sectionsOf(doc: EnvDocument): { sections: Section[]; loose: Entry[] } {
  const sections: Section[] = [];
  const loose: Entry[] = [];
  const commentsByLine = new Map(doc.comments.map((c) => [c.line, c]));
  const entryLines = new Set(doc.entries.map((e) => e.line));
  let current: Section | undefined;
  let ci = 0;
  for (const entry of doc.entries) {
    // Find the header comment block directly above this entry, if it starts a section.
    while (ci < doc.comments.length && doc.comments[ci].line < entry.line) {
      const comment = doc.comments[ci++];
      const prevLineIsComment = commentsByLine.has(comment.line - 1);
      const prevLineIsEntry = entryLines.has(comment.line - 1);
      const startsBlock = !prevLineIsComment && !prevLineIsEntry;
      if (startsBlock && isSectionTitle(comment.text)) {
        current = { title: cleanTitle(comment.text), header: comment, entries: [] };
        sections.push(current);
      }
    }
    if (current) current.entries.push(entry);
    else loose.push(entry);
  }
  return { sections: sections.filter((s) => s.entries.length > 0), loose };
}

function isSectionTitle(text: string): boolean {
  const t = cleanTitle(text);
  return t.length > 0 && !/^envls-/.test(t) && !/^[A-Za-z_][\w.-]*=/.test(t);
}

function cleanTitle(text: string): string {
  return text.replace(/^[#\s=\-*_~]+|[#\s=\-*_~]+$/g, '').trim();
}

export function getDocumentSymbols(doc: EnvDocument, schemaSet: SchemaSet): DocumentSymbol[] {
  const toSymbol = (entry: Entry): DocumentSymbol => ({
    name: entry.key,
    detail: shownValue(entry.key, entry.value, schemaSet).slice(0, 80),
    kind: SymbolKind.Variable,
    range: rangeOf(doc, entry.span),
    selectionRange: rangeOf(doc, entry.keySpan),
  });
  const { sections, loose } = sectionsOf(doc);
  const out: DocumentSymbol[] = loose.filter((e) => sections.length === 0 || e.line < sections[0].header.line).map(toSymbol);
  for (const section of sections) {
    const last = section.entries[section.entries.length - 1];
    out.push({
      name: section.title,
      kind: SymbolKind.Namespace,
      range: rangeOf(doc, { start: section.header.span.start, end: last.span.end }),
      selectionRange: rangeOf(doc, section.header.span),
      children: section.entries.map(toSymbol),
    });
  }
  return out;
}

export function getFoldingRanges(doc: EnvDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const section of sectionsOf(doc).sections) {
    const end = section.entries[section.entries.length - 1];
    const endLine = rangeOf(doc, end.span).end.line;
    if (endLine > section.header.line) out.push({ startLine: section.header.line, endLine, kind: FoldingRangeKind.Region });
  }
  for (const entry of doc.entries) {
    const range = rangeOf(doc, entry.span);
    if (range.end.line > range.start.line) out.push({ startLine: range.start.line, endLine: range.end.line });
  }
  let blockStart = -1;
  let prev = -2;
  for (const comment of doc.comments) {
    if (comment.line !== prev + 1) {
      if (blockStart >= 0 && prev > blockStart) out.push({ startLine: blockStart, endLine: prev, kind: FoldingRangeKind.Comment });
      blockStart = comment.line;
    }
    prev = comment.line;
  }
  if (blockStart >= 0 && prev > blockStart) out.push({ startLine: blockStart, endLine: prev, kind: FoldingRangeKind.Comment });
  return out;
}
