import type { Rule } from '../rule';
import { isValuesFile } from '../../project/context';
import { baseName, dirOf } from '../../project/paths';
import { appendLines, firstLineSpan } from './exampleEdits';

/** A file that holds values and that git would commit. */
export const notGitignored: Rule = {
  code: 'notGitignored',
  group: 'project',
  defaultSeverity: 'warning',
  description: 'A file that holds values (not an example, template or schema) is not ignored by git, or is already tracked by it.',
  fixAll: false,
  docs: {
    details:
      'envls decides as git does: the repository\'s `.gitignore` files, `.git/info/exclude` and the global excludes file. ' +
      'Outside a git repository it says nothing. When git already tracks the file, ignoring it is not enough: its values are in the history.',
    example: '# .env of a repository whose .gitignore does not list it\nDATABASE_URL=postgres://app:secret@localhost/app',
    project: { path: '.env', files: {}, git: { ignored: false, tracked: false } },
    fix: 'The quick fix adds the file to the nearest `.gitignore`. If git tracks it, also run `git rm --cached <file>` and change the secrets it held.',
  },
  check(ctx) {
    const project = ctx.project!;
    const git = project.git;
    if (!git || git.ignored || !isValuesFile(project)) return;
    const name = baseName(project.path);
    const message = git.tracked
      ? `${name} is tracked by git: its values are in the repository's history. Add it to .gitignore, untrack it (git rm --cached) and change the secrets it held.`
      : `${name} is not ignored by git: its values would be committed. Add it to .gitignore.`;
    const gitignore = git.gitignore;
    ctx.report({
      span: ctx.anchor ?? firstLineSpan(ctx.doc),
      message,
      info: { tracked: git.tracked },
      fixes: gitignore
        ? [{
            title: `Add ${patternFor(project.path, gitignore.path)} to ${gitignore.path}`,
            edits: [appendLines(gitignore.text ?? '', [patternFor(project.path, gitignore.path)])],
            target: { path: gitignore.path, text: gitignore.text ?? '', ...(gitignore.text === undefined ? { create: true } : {}) },
            preferred: true,
          }]
        : undefined,
    });
  },
};

/**
 * The pattern that ignores the file from the .gitignore's folder: its name when beside it (a name
 * without a slash matches at any depth, as teams usually write `.env.local`), else its path from
 * there, anchored with a leading slash.
 */
export function patternFor(path: string, gitignorePath: string): string {
  const folder = dirOf(gitignorePath);
  const relative = folder === '' ? path : path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path;
  return relative.includes('/') ? `/${relative}` : relative;
}
