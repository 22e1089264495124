/**
 * Code actions are built only from what diagnostics carry (`data.fixes`): no
 * validation runs here. `source.fixAll.envls` gathers the safe fixes of the
 * diagnostics it is given (the server passes the ones it last published).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { DiagnosticData } from './validate';
import { DIAGNOSTIC_SOURCE } from './validate';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.envls`;

export function quickFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    for (const fix of dataOf(diagnostic)?.fixes ?? []) {
      const key = fix.title + JSON.stringify(fix.edits);
      if (seen.has(key)) continue; // "Add all missing" rides on every missingRequired diagnostic
      seen.add(key);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  return actions;
}

export function fixAllAction(uri: string, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const edits = safeEdits(diagnostics);
  if (edits.length === 0) return undefined;
  return { title: 'Fix all safe envls problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } };
}

/** The safe fixes' edits, first come first served among overlapping ones. */
export function safeEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    const fix = dataOf(diagnostic)?.fixes.find((f) => f.safe);
    if (!fix || fix.edits.some((edit) => taken.some((t) => overlaps(t, edit)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}

function before(a: TextEdit['range']['start'], b: TextEdit['range']['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: TextEdit, b: TextEdit): boolean {
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}
