/**
 * `envls usage VAR [FOLDER] [--json] [--format text|json]`: where the code under FOLDER (default the
 * current folder) reads VAR, one `path:line:col` per place, `(fallback)` when the code supplies its own
 * value, `(sets)` where a compose file or Dockerfile gives it one. Exit 0 when some code reads VAR,
 * 1 when none does, 2 on usage or an unreadable folder.
 */
import { usage } from '../api';
import type { Output } from './output';

export async function usageCommand(args: readonly string[], out: Output, usageError: (message: string) => number): Promise<number> {
  const positional: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') format = 'json';
    else if (arg === '--format' || arg === '-f') {
      const f = args[++i];
      if (f !== 'text' && f !== 'json') return usageError(`usage's --format is text or json, got "${f ?? ''}"`);
      format = f;
    } else if (arg.startsWith('-')) return usageError(`unknown option ${arg} for usage`);
    else positional.push(arg);
  }
  if (positional.length < 1 || positional.length > 2 || positional[0] === '') return usageError('usage takes a VARIABLE and an optional FOLDER');
  const [name, folder] = positional;
  let result;
  try {
    result = await usage(name, { folder });
  } catch (error) {
    process.stderr.write(`envls: cannot read ${folder ?? '.'}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  const reads = result.uses.filter((use) => use.kind === 'read');
  if (format === 'json') {
    out.line(JSON.stringify({ name: result.name, uses: result.uses, files: result.files, truncated: result.truncated }, null, 2));
  } else {
    for (const use of result.uses) {
      const notes = [use.kind === 'set' ? '(sets)' : '', use.hasFallback ? '(fallback)' : ''].filter(Boolean).join(' ');
      out.line(`${use.path}:${use.line}:${use.column}${notes ? ` ${notes}` : ''}`);
    }
    if (reads.length === 0) process.stderr.write(`envls: no code under ${folder ?? '.'} reads ${name}\n`);
    if (result.truncated) process.stderr.write('envls: the code index hit a limit; some files were not read\n');
  }
  return reads.length > 0 ? 0 : 1;
}
