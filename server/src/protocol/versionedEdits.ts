/**
 * Code action edits carry the document version they were computed for
 * (WorkspaceEdit.documentChanges with a versioned identifier), so that a client
 * rejects a fix for an older text instead of removing the wrong line. A client
 * without documentChanges support gets the plain `changes` form.
 */
import { TextDocumentEdit, type CodeAction, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';

export function versionEdit(action: CodeAction, uri: string, version: number, documentChanges: boolean): CodeAction {
  const changes = action.edit?.documentChanges;
  if (changes) {
    // Already in documentChanges form (snippet edits): stamp this document's unversioned edits.
    const stamped = changes.map((change) =>
      TextDocumentEdit.is(change) && change.textDocument.uri === uri && change.textDocument.version === null ? { ...change, textDocument: { uri, version } } : change,
    );
    return { ...action, edit: { ...action.edit, documentChanges: stamped } };
  }
  const edits: TextEdit[] | undefined = action.edit?.changes?.[uri];
  if (!documentChanges || !edits) return action;
  const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri, version }, edits }] };
  return { ...action, edit };
}

/** The version a published diagnostic was computed for (documents.ts stamps it into its data). */
export function versionOfDiagnosticData(data: unknown): number | undefined {
  const version = (data as { version?: unknown } | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
}
