/**
 * Code actions are built only from what diagnostics carry (`data.fixes`): no
 * validation runs here. `source.fixAll.envls` gathers the safe fixes of the
 * diagnostics it is given (the server passes the ones it last published).
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type SnippetTextEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { chooseFixes } from './fixAll';
import type { EnvDocument } from './parser/model';
import { rangeOf } from './positions';
import type { DiagnosticData } from './validate';
import { DIAGNOSTIC_SOURCE } from './validate';
import { suppressionFixes } from './suppressionFixes';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.envls`;

/**
 * The fixes each diagnostic carries, then (with the document) its suppression fixes.
 * `uriOfPath` maps the workspace-relative path of a fix that edits another file (the example, a
 * .gitignore) to its URI; without it, or when it answers undefined, such fixes are left out.
 * With `snippetEdits` (the client applies LSP 3.18 snippet edits), a fix whose edits carry a snippet
 * is sent as one, so that the cursor lands on the value it added.
 */
export function quickFixes(
  uri: string,
  diagnostics: readonly Diagnostic[],
  doc?: EnvDocument,
  uriOfPath?: (path: string) => string | undefined,
  options: { snippetEdits?: boolean } = {},
): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    for (const fix of dataOf(diagnostic)?.fixes ?? []) {
      const key = fix.title + JSON.stringify(fix.edits);
      if (seen.has(key)) continue; // "Add all missing" rides on every missingRequired diagnostic
      const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
      const snippets = options.snippetEdits && !fix.target && fix.edits.some((e) => e.snippet !== undefined);
      const edit = fix.target ? otherFileEdit(fix.target, edits, uriOfPath) : snippets ? snippetEdit(uri, fix.edits) : { changes: { [uri]: edits } };
      if (!edit) continue;
      seen.add(key);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred,
        edit,
      });
    }
  }
  // After every fix: suppressing is the last resort, and the editor lists actions in this order.
  if (doc) {
    for (const diagnostic of diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      for (const action of suppressionFixes(uri, doc, diagnostic)) {
        const key = action.title + JSON.stringify(action.edit);
        if (seen.has(key)) continue; // one "in this file" per code
        seen.add(key);
        actions.push(action);
      }
    }
  }
  return actions;
}

/** One round of the safe fixes the published diagnostics carry (see fixAll.ts for the choice). */
export function fixAllAction(uri: string, doc: EnvDocument, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  const edits = chooseFixes(doc, diagnostics).flat();
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all safe envls problems',
    kind: FIX_ALL_KIND,
    edit: { changes: { [uri]: edits.map((e) => ({ range: rangeOf(doc, e.span), newText: e.newText })) } },
  };
}

/** Snippet edits live only in documentChanges; version null here, the protocol layer stamps the version. */
function snippetEdit(uri: string, edits: DiagnosticData['fixes'][number]['edits']): WorkspaceEdit {
  const converted: (TextEdit | SnippetTextEdit)[] = edits.map((e) =>
    e.snippet !== undefined ? { range: e.range, snippet: { kind: 'snippet', value: e.snippet } } : { range: e.range, newText: e.newText },
  );
  return { documentChanges: [{ textDocument: { uri, version: null }, edits: converted }] };
}

/** An edit of another file; one that does not exist yet is created first. */
function otherFileEdit(target: { path: string; create?: boolean }, edits: TextEdit[], uriOfPath?: (path: string) => string | undefined): WorkspaceEdit | undefined {
  const uri = uriOfPath?.(target.path);
  if (uri === undefined) return undefined;
  if (!target.create) return { changes: { [uri]: edits } };
  return { documentChanges: [{ kind: 'create', uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits }] };
}

function dataOf(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  return data && Array.isArray(data.fixes) ? data : undefined;
}
