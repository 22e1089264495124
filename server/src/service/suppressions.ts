/**
 * Suppression comments:
 *   # envls-disable-next-line code[, code]   (no code: every rule)
 *   # envls-disable code[, code]  …  # envls-enable code[, code]
 */
import type { EnvDocument } from './parser/model';

export const DIRECTIVE = /^\s*envls-(disable-next-line|disable|enable)\b(.*)$/;
const ALL = '*';

export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

export function collectSuppressions(doc: EnvDocument): Suppressions {
  const nextLine = new Map<number, Set<string>>();
  /** Per code: sorted [fromLine, toLine) ranges. */
  const ranges: { code: string; from: number; to: number }[] = [];
  const open = new Map<string, number>();
  let any = false;
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.text);
    if (!m) continue;
    any = true;
    const codes = m[2].split(',').map((c) => c.trim()).filter((c) => c.length > 0 && !c.startsWith('--'));
    const targets = codes.length > 0 ? codes : [ALL];
    if (m[1] === 'disable-next-line') {
      const set = nextLine.get(comment.line + 1) ?? new Set<string>();
      for (const code of targets) set.add(code);
      nextLine.set(comment.line + 1, set);
    } else if (m[1] === 'disable') {
      for (const code of targets) if (!open.has(code)) open.set(code, comment.line);
    } else {
      for (const code of targets) {
        const from = open.get(code);
        if (from !== undefined) ranges.push({ code, from, to: comment.line });
        open.delete(code);
      }
    }
  }
  for (const [code, from] of open) ranges.push({ code, from, to: Number.MAX_SAFE_INTEGER });
  if (!any) return { isSuppressed: () => false };
  return {
    isSuppressed(code, line) {
      const set = nextLine.get(line);
      if (set && (set.has(code) || set.has(ALL))) return true;
      return ranges.some((r) => (r.code === code || r.code === ALL) && line > r.from && line < r.to);
    },
  };
}
