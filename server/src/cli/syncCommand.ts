/**
 * `envls sync [--from EXAMPLE] [--to FILE] [--write]`: prints, as a unified diff, the variables of
 * the example the target lacks (with the example's comments; sensitive values left empty), and
 * writes them only with --write. Never changes a line already in the target. Exit 0, or 2 on usage,
 * an example not found or a file not readable.
 */
import { relative } from 'node:path';
import { sync, type SyncResult } from '../api';
import type { Output } from './output';

export function syncCommand(args: readonly string[], out: Output, usageError: (message: string) => number): number {
  let from: string | undefined;
  let to: string | undefined;
  let write = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--from' || arg === '--to') {
      const value = args[++i];
      if (value === undefined) return usageError(`${arg} needs a FILE`);
      if (arg === '--from') from = value;
      else to = value;
    } else if (arg === '--write') write = true;
    else return usageError(`unknown argument ${arg} for sync`);
  }
  let result: SyncResult;
  try {
    result = sync({ from, to, write });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    process.stderr.write(e.code === 'ENOEXAMPLE' ? `envls: ${e.message}\n` : `envls: cannot read ${from ?? 'the example'}: ${e.code ?? e.message}\n`);
    return 2;
  }
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const target = shown(result.to);
  const example = shown(result.from);
  if (result.added.length === 0) {
    out.line(`${target} has every variable of ${example}`);
    return 0;
  }
  out.write(preview(result, target));
  const count = `${result.added.length} variable${result.added.length === 1 ? '' : 's'}`;
  out.line(result.written ? `Added ${count} from ${example} to ${target}.` : `${count} from ${example} to add; run with --write to write ${target}.`);
  return 0;
}

/** A unified diff of the appended lines (one hunk: sync only appends). */
function preview(result: SyncResult, target: string): string {
  const added = result.after.slice(result.before.length).replace(/^\r?\n/, '').replace(/\r?\n$/, '').split(/\r?\n/);
  const oldLines = result.startLine - 1;
  return [
    `--- ${target}`,
    `+++ ${target}`,
    `@@ -${oldLines},0 +${result.startLine},${added.length} @@`,
    ...added.map((line) => `+${line}`),
    '',
  ].join('\n');
}
