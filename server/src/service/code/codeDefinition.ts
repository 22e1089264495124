/**
 * Definition from a read in the code: the env file lines that set the variable. The file whose
 * value wins comes first (each mode's winner, in the plan's order), then the other values files
 * that set it; only when no values file sets it, the example's and `.env.schema`'s lines.
 */
import type { Location, Position } from 'vscode-languageserver-types';
import { rangeOf } from '../positions';
import { holdsValues } from '../project/roles';
import { entriesByKey } from '../rules/entryIndex';
import type { CodeContext, CodeEnvFile } from './context';
import { readAt } from './readAt';
import type { EnvRead } from './types';

/** null when the cursor is on no read; [] when nothing of the app defines it. `uriOf` maps a workspace path to a URI. */
export function codeDefinition(ctx: CodeContext, reads: readonly EnvRead[], position: Position, uriOf: (path: string) => string | undefined): Location[] | null {
  const read = readAt(reads, position);
  if (!read) return null;
  return definitionsOf(ctx, read.name, uriOf);
}

export function definitionsOf(ctx: CodeContext, name: string, uriOf: (path: string) => string | undefined): Location[] {
  const byPath = new Map(ctx.envFiles.map((f) => [f.path, f]));
  const order: string[] = [];
  for (const { values } of ctx.modes) {
    const winner = values.get(name)?.path;
    if (winner !== undefined && !order.includes(winner)) order.push(winner);
  }
  const setting = (files: readonly CodeEnvFile[]) => files.filter((f) => entriesByKey(f.doc).has(name)).map((f) => f.path);
  for (const path of setting(ctx.envFiles.filter((f) => holdsValues(f.role)))) if (!order.includes(path)) order.push(path);
  if (order.length === 0) order.push(...setting(ctx.envFiles.filter((f) => !holdsValues(f.role))));
  const out: Location[] = [];
  for (const path of order) {
    const file = byPath.get(path);
    const entry = file && entriesByKey(file.doc).get(name);
    const uri = uriOf(path);
    if (file && entry && uri) out.push({ uri, range: rangeOf(file.doc, entry.keySpan) });
  }
  return out;
}
