/**
 * "Suppress <code> on this line" and "Suppress <code> in this file": the comments
 * suppressions.ts reads, offered on every envls diagnostic. Built from the
 * diagnostic's code and range and the document's lines, never by validating.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { EnvDocument } from './parser/model';
import { lineContentEnd } from './positions';
import { lineBreakOf } from './rules/edits';

/** Codes that no comment can suppress (they are not rules). */
const NOT_SUPPRESSIBLE = new Set(['internalError', 'invalidSchema']);

export function suppressionFixes(uri: string, doc: EnvDocument, diagnostic: Diagnostic): CodeAction[] {
  const code = typeof diagnostic.code === 'string' ? diagnostic.code : undefined;
  if (!code || NOT_SUPPRESSIBLE.has(code)) return [];
  const action = (title: string, edit: TextEdit): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [uri]: [edit] } },
  });
  return [action(`Suppress ${code} on this line`, nextLineEdit(doc, code, diagnostic.range.start.line)), action(`Suppress ${code} in this file`, fileEdit(doc, code))];
}

function lineText(doc: EnvDocument, line: number): string {
  return doc.text.slice(doc.lineStarts[line], lineContentEnd(doc, line));
}

/** `# envls-disable-next-line code` above the line, or the code added to such a comment already there. */
function nextLineEdit(doc: EnvDocument, code: string, line: number): TextEdit {
  const above = line > 0 ? lineText(doc, line - 1) : undefined;
  const existing = above !== undefined ? /^(\s*#\s*)envls-disable-next-line\b(.*)$/.exec(above) : null;
  if (existing) {
    const codes = existing[2].split(',').map((c) => c.trim()).filter((c) => c.length > 0);
    const end = { line: line - 1, character: above!.length };
    // No code means every rule already: nothing to add.
    if (codes.length === 0 || codes.includes(code)) return { range: { start: end, end }, newText: '' };
    return { range: { start: end, end }, newText: `, ${code}` };
  }
  const indent = /^[ \t]*/.exec(lineText(doc, line))![0];
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}# envls-disable-next-line ${code}${lineBreakOf(doc.text)}` };
}

/** `# envls-disable code` on the first line, or after the leading `# envls-schema:` comment. */
function fileEdit(doc: EnvDocument, code: string): TextEdit {
  const eol = lineBreakOf(doc.text);
  let line = 0;
  if (doc.lineStarts.length > 0 && /^\s*#\s*envls-schema\s*:/.test(lineText(doc, 0))) line = 1;
  if (line === 1 && doc.lineStarts.length < 2) {
    // The schema comment is the whole file (no line break after it).
    const end = { line: 0, character: lineText(doc, 0).length };
    return { range: { start: end, end }, newText: `${eol}# envls-disable ${code}` };
  }
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `# envls-disable ${code}${eol}` };
}
