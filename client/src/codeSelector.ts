/**
 * The code languages the client sends to the server (envls.code.enable, envls.code.languages),
 * as document selector entries. Pure (no `vscode` import) so that it is tested alone.
 * VS Code fixes a client's document selector when it starts: extension.ts restarts the client
 * when these settings change.
 */
export const DEFAULT_CODE_LANGUAGES = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'ruby', 'php', 'rust', 'shellscript', 'dockerfile', 'dockercompose',
];

export interface CodeSelectorEntry {
  language: string;
  scheme: 'file';
}

/** Only files on disk: the code index reads the workspace folder, and an untitled buffer belongs to no app. */
export function codeSelector(enable: unknown, languages: unknown): CodeSelectorEntry[] {
  if (enable === false) return [];
  const ids = Array.isArray(languages) ? languages.filter((id): id is string => typeof id === 'string' && DEFAULT_CODE_LANGUAGES.includes(id)) : DEFAULT_CODE_LANGUAGES;
  return [...new Set(ids)].map((language) => ({ language, scheme: 'file' }));
}
