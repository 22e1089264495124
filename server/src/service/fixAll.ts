/**
 * Applies every safe fix until none is left: what `envls check --fix` and the
 * `source.fixAll.envls` code action do. Fixes are computed on one text and may
 * overlap (a rename inside a group that unorderedKey sorts as a whole), so a
 * round applies the fixes that fit together and the next round validates again.
 */
import { parseEnv } from './parser/parse';
import type { EnvDocument } from './parser/model';
import { offsetAt } from './positions';
import type { FixEdit } from './rules/rule';
import { applyEdits } from './applyEdits';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, validate, type DiagnosticData, type ValidationSettings } from './validate';
import { fixAllAllowed } from './rules/registry';

/** Enough for fixes that make others possible (a rename, then the sort); a cycle stops here. */
const MAX_ROUNDS = 10;

/** Diagnostics of a parsed text: plain validation, or a full analysis with bound schemas (the CLI). */
export type Diagnose = (doc: EnvDocument) => readonly Diagnostic[];

export function fixAll(text: string, how: ValidationSettings | Diagnose = {}): { text: string; applied: number } {
  const diagnose: Diagnose = typeof how === 'function' ? how : (doc) => validate({ doc, settings: how });
  let applied = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const doc = parseEnv(text);
    const chosen = chooseFixes(doc, diagnose(doc));
    if (chosen.length === 0) break;
    const next = applyEdits(text, chosen.flat()).text;
    if (next === text) break;
    applied += chosen.length;
    text = next;
  }
  return { text, applied };
}

/**
 * One safe fix per diagnostic whose code allows fix-all (its declaration's
 * `fixAll`), all of whose edits fit with the fixes already taken. Small fixes first: a line's own fix should not wait for a fix that
 * rewrites its whole group, which is then computed on the corrected lines.
 */
export function chooseFixes(doc: EnvDocument, diagnostics: readonly Diagnostic[]): FixEdit[][] {
  const candidates: FixEdit[][] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !fixAllAllowed(diagnostic.code)) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    const fix = data?.fixes.find((f) => f.safe && f.preferred) ?? data?.fixes.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    candidates.push(fix.edits.map((e) => ({ span: { start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end) }, newText: e.newText })));
  }
  candidates.sort((a, b) => extent(a) - extent(b));
  const taken: FixEdit[][] = [];
  const occupied = new Occupied();
  for (const edits of candidates) {
    // Several findings may carry the same fix (every unordered key of a group): it overlaps
    // itself once taken, so it is applied once.
    if (edits.some((e) => occupied.overlaps(e))) continue;
    for (const e of edits) occupied.add(e);
    taken.push(edits);
  }
  return taken;
}

/** The edits taken so far, sorted by start; they never overlap, so a new one only meets its neighbours. */
class Occupied {
  private readonly edits: FixEdit[] = [];

  overlaps(edit: FixEdit): boolean {
    const i = this.indexOf(edit.span.start);
    for (let j = Math.max(0, i - 2); j < this.edits.length && this.edits[j].span.start <= edit.span.end; j++) {
      if (overlaps(edit, this.edits[j])) return true;
    }
    return false;
  }

  add(edit: FixEdit): void {
    this.edits.splice(this.indexOf(edit.span.start), 0, edit);
  }

  /** First index whose start is >= offset. */
  private indexOf(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].span.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function extent(edits: readonly FixEdit[]): number {
  return edits.reduce((sum, e) => sum + (e.span.end - e.span.start) + e.newText.length, 0);
}

/**
 * Edits that touch the same text. Two insertions at one offset overlap too:
 * their order would be arbitrary. An insertion at the very end or start of a
 * replaced range does not: it stays on its side.
 */
function overlaps(a: FixEdit, b: FixEdit): boolean {
  if (a.span.start === a.span.end && b.span.start === b.span.end) return a.span.start === b.span.start;
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
