/**
 * unsetVariable (declared in rules/code/unsetVariable.ts): a read without a fallback of a variable
 * nothing of the app defines — no env file of the app (values, example or `.env.schema`), no
 * default in a bound schema, no compose `environment:` key or Dockerfile ENV/ARG of the app (the
 * code index's 'set' reads), and not a name the system or the runtime provides. Said only for an
 * app that has env files, once its code index is complete (a compose file not read yet may set it).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { entriesByKey } from '../rules/entryIndex';
import { declaredDiagnostic, type ValidationSettings } from '../validate';
import type { CodeContext } from './context';
import { PROVIDED_NAMES } from './providedNames';
import type { EnvRead } from './types';

const CODE = 'unsetVariable';
const DISABLE_NEXT_LINE = `envls-disable-next-line ${CODE}`;

/** `text` is the code file's text: a line above a read holding `envls-disable-next-line unsetVariable` silences it. */
export function unsetDiagnostics(ctx: CodeContext, reads: readonly EnvRead[], text: string, settings?: ValidationSettings): Diagnostic[] {
  if (ctx.envFiles.length === 0 || (ctx.usage && !ctx.usage.complete)) return [];
  const silenced = silencedLines(text);
  const ownSets = new Set(reads.filter((r) => r.kind === 'set').map((r) => r.name));
  const out: Diagnostic[] = [];
  for (const read of reads) {
    if (read.kind !== 'read' || read.hasFallback || silenced.has(read.range.start.line - 1)) continue;
    if (ownSets.has(read.name) || isDefined(ctx, read.name)) continue;
    const diagnostic = declaredDiagnostic(CODE, settings, read.range, `${read.name} is read without a fallback, and nothing of this app sets it (no env file, example, schema default or compose environment).`, { variable: read.name });
    if (!diagnostic) return [];
    out.push(diagnostic);
  }
  return out;
}

function isDefined(ctx: CodeContext, name: string): boolean {
  if (PROVIDED_NAMES.has(name)) return true;
  if (ctx.envFiles.some((f) => entriesByKey(f.doc).has(name))) return true;
  const spec = ctx.schemaSet.lookup(name)?.spec;
  if (spec && ((spec.default !== undefined && spec.default !== '') || spec.defaultFrom !== undefined || spec.managedBy !== undefined)) return true;
  return ctx.usage?.readsOf(name).some((r) => r.read.kind === 'set') === true;
}

/** The lines holding the disable comment (cheap when there is none: most files). */
function silencedLines(text: string): Set<number> {
  const lines = new Set<number>();
  if (!text.includes(DISABLE_NEXT_LINE)) return lines;
  let line = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(start, i).includes(DISABLE_NEXT_LINE)) lines.add(line);
      line++;
      start = i + 1;
    }
  }
  return lines;
}
