/**
 * Fix-all: what `envls check --fix` and the `source.fixAll.envls` code action do.
 *
 * It applies only fixes that keep what a program reads: a fix must be marked
 * `safe` where its rule builds it (the rule checks that dotenv reads the same keys
 * and values afterwards, or, for an invalid value, that only that value changes to
 * one that passes the check), and its code must declare `fixAll`. Renames and
 * removals of names a program may read are quick fixes the user picks.
 *
 * One application is complete: computing fix-all again on its result finds
 * nothing. The fixes are computed on one text, so they are composed here rather
 * than applied round after round: fixes on different text are applied together,
 * and the line fixes inside a group that unorderedKey sorts are applied to the
 * lines the sort moves (the sort edit carries those lines as `pieces`). A fix
 * that overlaps another in any other way is left out; the safe fixes that can
 * collide that way (a line's own fixes, which touch different parts of it) are
 * built so that they do not.
 */
import { parseEnv } from './parser/parse';
import type { EnvDocument, Span } from './parser/model';
import { offsetAt } from './positions';
import type { FixEdit } from './rules/rule';
import { applyEdits } from './applyEdits';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, validate, type DiagnosticData, type ValidationSettings } from './validate';
import { fixAllAllowed } from './rules/registry';
import { lineBreakOf } from './rules/edits';
import { sortPieces } from './rules/style/unorderedKey';

/** Diagnostics of a parsed text: plain validation, or a full analysis with bound schemas (the CLI). */
export type Diagnose = (doc: EnvDocument) => readonly Diagnostic[];

/** One application of fix-all to a text; `applied` counts the fixes. */
export function fixAll(text: string, how: ValidationSettings | Diagnose = {}): { text: string; applied: number } {
  const diagnose: Diagnose = typeof how === 'function' ? how : (doc) => validate({ doc, settings: how });
  const doc = parseEnv(text);
  const chosen = chooseFixes(doc, diagnose(doc));
  if (chosen.length === 0) return { text, applied: 0 };
  return { text: applyEdits(text, chosen.flat()).text, applied: chosen.length };
}

/**
 * One safe fix per diagnostic whose code allows fix-all (its declaration's `fixAll`),
 * composed as the module comment says. Small fixes first, then the moves that
 * take the small fixes inside them along.
 */
export function chooseFixes(doc: EnvDocument, diagnostics: readonly Diagnostic[]): FixEdit[][] {
  const candidates: FixEdit[][] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !fixAllAllowed(diagnostic.code)) continue;
    const data = diagnostic.data as DiagnosticData | undefined;
    const fix = data?.fixes.find((f) => f.safe && f.preferred) ?? data?.fixes.find((f) => f.safe);
    if (!fix || fix.edits.length === 0) continue;
    const span = (range: Diagnostic['range']): Span => ({ start: offsetAt(doc, range.start), end: offsetAt(doc, range.end) });
    candidates.push(fix.edits.map((e) => ({ span: span(e.range), newText: e.newText, ...(e.pieces ? { pieces: e.pieces.map(span) } : {}) })));
  }
  const moves = candidates.filter((edits) => edits.length === 1 && edits[0].pieces);
  const others = candidates.filter((edits) => !(edits.length === 1 && edits[0].pieces));
  others.sort((a, b) => extent(a) - extent(b));
  const taken = new Map<FixEdit, FixEdit[]>();
  const occupied = new Occupied();
  const chosen = new Set<FixEdit[]>();
  for (const edits of others) {
    const overlapped = edits.flatMap((e) => occupied.overlapping(e));
    if (overlapped.length > 0) {
      // Several findings may carry the same fix: it overlaps itself once taken, so it is applied once.
      // A removed line (an earlier duplicate) takes the fixes inside it along: they fix text that goes.
      const supersedes = edits.length === 1 && edits[0].newText === '' && edits[0].span.end > edits[0].span.start &&
        overlapped.every((o) => o.span.start >= edits[0].span.start && o.span.end <= edits[0].span.end && taken.get(o)!.every((x) => overlapped.includes(x)));
      if (!supersedes) continue;
      for (const o of overlapped) {
        chosen.delete(taken.get(o)!);
        taken.delete(o);
        occupied.remove(o);
      }
    }
    for (const e of edits) occupied.add(e);
    for (const e of edits) taken.set(e, edits);
    chosen.add(edits);
  }
  for (const [move] of moves) {
    const region = { start: move.span.start, end: regionEndOf(doc.text, move) };
    const inside = occupied.overlapping({ span: region, newText: '' });
    // A fix with several edits goes whole into the move, or the move is left out.
    if (inside.some((e) => taken.get(e)?.some((other) => !inside.includes(other)) ?? true)) continue;
    const composed = inside.length === 0 ? move : compose(doc.text, move, inside);
    if (!composed) continue;
    for (const e of inside) {
      chosen.delete(taken.get(e)!);
      occupied.remove(e);
    }
    occupied.add(composed);
    chosen.add([composed]);
  }
  return [...chosen];
}

/**
 * The move with the edits inside its pieces applied to them. A piece is a slice of
 * whole lines; an edit belongs to the piece it starts in and may run to the end of
 * the piece's line break (a removed line). Undefined when an edit does not fit.
 */
function compose(text: string, move: FixEdit, inner: readonly FixEdit[]): FixEdit | undefined {
  const eol = lineBreakOf(text);
  const original = [...move.pieces!].sort((a, b) => a.start - b.start);
  const regionEnd = regionEndOf(text, move);
  const ext = original.map((p, i) => ({ piece: p, start: p.start, end: i + 1 < original.length ? original[i + 1].start : regionEnd }));
  const edits = new Map<Span, FixEdit[]>();
  for (const edit of inner) {
    const home = ext.find((x) => x.start <= edit.span.start && edit.span.start < x.end);
    if (!home || edit.span.end > home.end) return undefined;
    edits.set(home.piece, [...(edits.get(home.piece) ?? []), edit]);
  }
  const texts = new Map<number, string>();
  for (const x of ext) {
    let piece = text.slice(x.start, x.end);
    for (const edit of [...(edits.get(x.piece) ?? [])].sort((a, b) => b.span.start - a.span.start)) {
      piece = piece.slice(0, edit.span.start - x.start) + edit.newText + piece.slice(edit.span.end - x.start);
    }
    if (x.end > x.piece.end) piece = piece.replace(/(\r\n|\r|\n)$/, '');
    texts.set(x.piece.start, piece);
  }
  const kept = sortPieces(move.pieces!.map((p) => texts.get(p.start)!).filter((t) => t.length > 0));
  const trailing = text.slice(move.span.end, regionEnd);
  return { span: { start: move.span.start, end: regionEnd }, newText: kept.length > 0 ? kept.join(eol) + trailing : '' };
}

/** The end of a move's lines, its last line break included (a removed last line takes it along). */
function regionEndOf(text: string, move: FixEdit): number {
  const at = move.span.end;
  return at + (text.startsWith('\r\n', at) ? 2 : text[at] === '\n' || text[at] === '\r' ? 1 : 0);
}

/** The edits taken so far, sorted by start; they never overlap, so a new one only meets its neighbours. */
class Occupied {
  private readonly edits: FixEdit[] = [];

  /** The taken edits that overlap `edit`. */
  overlapping(edit: FixEdit): FixEdit[] {
    const out: FixEdit[] = [];
    const i = this.indexOf(edit.span.start);
    for (let j = Math.max(0, i - 2); j < this.edits.length && this.edits[j].span.start <= edit.span.end; j++) {
      if (overlaps(edit, this.edits[j])) out.push(this.edits[j]);
    }
    return out;
  }

  add(edit: FixEdit): void {
    this.edits.splice(this.indexOf(edit.span.start), 0, edit);
  }

  remove(edit: FixEdit): void {
    const i = this.edits.indexOf(edit, Math.max(0, this.indexOf(edit.span.start) - 2));
    if (i !== -1) this.edits.splice(i, 1);
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
