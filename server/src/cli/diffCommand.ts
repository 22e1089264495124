/**
 * `envls diff A B [--values] [--format text|json]`: keys only in one side, as dotenv-linter's
 * `diff` says them ("`.env` is missing keys: BAR"); `--values` also lists differing values,
 * sensitive ones masked. Exit 0 when the files agree, 1 when they differ (like diff), 2 on usage
 * or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { diff } from '../api';
import type { Output } from './output';

export function diffCommand(args: readonly string[], out: Output, usageError: (message: string) => number): number {
  const files: string[] = [];
  let values = false;
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--values') values = true;
    else if (arg === '--json') format = 'json';
    else if (arg === '--format' || arg === '-f') {
      const f = args[++i];
      if (f !== 'text' && f !== 'json') return usageError(`diff's --format is text or json, got "${f ?? ''}"`);
      format = f;
    } else if (arg.startsWith('-') && arg !== '-') return usageError(`unknown option ${arg} for diff`);
    else files.push(arg);
  }
  if (files.length !== 2) return usageError('diff takes two FILEs');
  const texts: string[] = [];
  for (const file of files) {
    try {
      texts.push(readFileSync(file, 'utf8'));
    } catch (error) {
      process.stderr.write(`envls: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  const [a, b] = files;
  const found = diff(texts[0], texts[1], { values });
  if (format === 'json') {
    out.line(JSON.stringify({ a, b, ...found }, null, 2));
  } else if (found.same) {
    out.line(`${a} and ${b} have the same keys${values ? ' and values' : ''}`);
  } else {
    if (found.missingFromA.length > 0) out.line(`${a} is missing keys: ${found.missingFromA.join(', ')}`);
    if (found.missingFromB.length > 0) out.line(`${b} is missing keys: ${found.missingFromB.join(', ')}`);
    if (found.differentValues.length > 0) {
      out.line('Different values:');
      for (const d of found.differentValues) out.line(`  ${d.key}: ${a}: ${d.a} | ${b}: ${d.b}`);
    }
  }
  return found.same ? 0 : 1;
}
