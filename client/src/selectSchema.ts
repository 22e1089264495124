/**
 * "envls: Select Schema…": a quick pick of the known schemas (profiles, then fragments), then where to
 * write the choice: a `# envls-schema: id` comment at the top of the file (travels with the file) or an
 * `envls.schemas` entry in the workspace folder's settings (leaves the file untouched).
 */
import * as path from 'node:path';
import { ConfigurationTarget, QuickPickItemKind, Range, window, workspace, type QuickPickItem, type TextEditor } from 'vscode';
import { bindInSetting, directiveEdit, hasDirective, literalGlob, type SchemaGlobs } from './schemaChoice';
import type { SchemaStatus } from './schemaStatus';

interface SchemaPick extends QuickPickItem {
  id?: string;
}

export async function selectSchema(editor: TextEditor | undefined, status: SchemaStatus): Promise<void> {
  if (!editor) {
    void window.showInformationMessage('envls: open a .env file first.');
    return;
  }
  const document = editor.document;
  const uri = document.uri.toString();
  const bound = new Set(status.bindings.get(uri)?.schemas.map((s) => s.id) ?? []);
  const catalog = await status.schemas();
  const item = (s: (typeof catalog)[number]): SchemaPick => ({
    id: s.id,
    label: s.id,
    description: `${s.title}${bound.has(s.id) ? ' (current)' : ''}`,
    detail: s.description,
  });
  const items: SchemaPick[] = [
    { label: 'Profiles', kind: QuickPickItemKind.Separator },
    ...catalog.filter((s) => !s.fragment).map(item),
    { label: 'Fragments (usually included by a profile)', kind: QuickPickItemKind.Separator },
    ...catalog.filter((s) => s.fragment).map(item),
  ];
  const picked = await window.showQuickPick(items, {
    title: `Schema for ${path.basename(document.uri.path)}`,
    placeHolder: bound.size > 0 ? `Now: ${[...bound].join(', ')} — pick another` : 'No schema now — pick one',
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked?.id) return;
  const id = picked.id;

  const folder = workspace.getWorkspaceFolder(document.uri);
  const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
  const relative = folder && document.uri.scheme === 'file' ? path.relative(folder.uri.fsPath, document.uri.fsPath) : undefined;
  const comment = { label: `$(comment) Add "# envls-schema: ${id}" to this file`, detail: 'Travels with the file; wins over settings and detection.' };
  const setting = relative
    ? { label: `$(settings) Bind in workspace settings (envls.schemas)`, detail: `"${id}": "${literalGlob(relative)}" in the workspace settings; the file is not changed.` }
    : undefined;
  const where = setting ? await window.showQuickPick([comment, setting], { title: `Where to bind ${id}` }) : comment;
  if (!where) return;

  if (where === comment) {
    const edit = directiveEdit(lines, id);
    const eol = document.eol === 2 ? '\r\n' : '\n';
    await editor.edit((builder) => {
      if (edit.replace) builder.replace(document.lineAt(edit.line).range, edit.text);
      else builder.insert(document.lineAt(0).range.start, `${edit.text}${eol}`);
    });
    editor.revealRange(new Range(edit.line, 0, edit.line, 0));
    return;
  }
  // envls.schemas is a window-scoped setting, read once for the workspace; its globs are relative to the
  // file's workspace folder, so the workspace's value serves multi-root workspaces too.
  const config = workspace.getConfiguration('envls');
  const current = config.inspect<SchemaGlobs>('schemas')?.workspaceValue;
  try {
    await config.update('schemas', bindInSetting(current, id, literalGlob(relative!)), ConfigurationTarget.Workspace);
  } catch (error) {
    void window.showErrorMessage(`envls: could not write envls.schemas: ${(error as Error).message}`);
    return;
  }
  if (hasDirective(lines)) {
    void window.showInformationMessage(`envls: ${id} is bound in settings, but the file's "# envls-schema" comment still wins; remove it to use the setting.`);
  }
}
