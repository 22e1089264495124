import type { Fix, Rule } from '../rule';
import { lineBreakOf } from '../edits';
import { keyOf, linterLines, substitutionKeys, type LinterLine } from './linterLines';
import { entriesTouching, outsideEntries, readsAlone, replacementKeepsMeaning } from '../meaning';
import type { EnvDocument } from '../../parser/model';
import { nameText } from '../messageText';

/**
 * dotenv-linter's UnorderedKey: keys are in alphabetical order within a group.
 * A group ends at a blank line, at a `# dotenv-linter:` comment, and at a line
 * whose value refers to a key of the group (that line has to stay below it, so
 * it starts a new group and is in neither).
 */
export const unorderedKey: Rule = {
  code: 'unorderedKey',
  group: 'style',
  defaultSeverity: 'warning',
  description: 'A key is out of alphabetical order within its group (groups are separated by blank lines).',
  fixAll: true,
  linterCheck: 'UnorderedKey',
  docs: {
    example: "PORT=8080\nHOST=0.0.0.0",
    fix: "Sort the keys of the group. The first out-of-order key of a group carries the fix that sorts the whole group (comments move with the key below them); fix-all applies it.",
  },
  check(ctx) {
    const group = new Group();
    /** The group's lines (comments too), from its first line to its last key. */
    let members: LinterLine[] = [];
    let pending: { line: LinterLine; key: string; before: string }[] = [];
    const close = (): void => {
      if (pending.length > 0) {
        // The sort rewrites the whole group: only the group's first finding carries it. Were every
        // finding to carry it, the diagnostics would grow with the square of the group's size.
        const fix = sortFix(ctx.doc, members);
        const first = pending[0].line.line;
        pending.forEach((p, i) => {
          ctx.report({
            span: { start: p.line.key!.start, end: p.line.key!.start + p.key.length },
            message: `The key ${nameText(p.key.trimEnd())} should go before ${nameText(p.before.trimEnd())} (keys sort alphabetically in a group${i > 0 && fix ? `; the fix on line ${first + 1} sorts it` : ''}).`,
            info: { key: p.key, before: p.before },
            fixes: fix && i === 0 ? [fix] : [],
          });
        });
      }
      group.clear();
      members = [];
      pending = [];
    };
    for (const line of linterLines(ctx.doc)) {
      if (line.disabled.has('UnorderedKey')) {
        close();
        continue;
      }
      if (line.isEmpty || line.control || substitutionKeys(line).some((k) => group.has(k))) {
        close();
        continue;
      }
      members.push(line);
      // A comment belongs to the key below it; trailing ones are left out of the sort.
      if (line.isComment) continue;
      const key = line.key!.text;
      const before = group.add(key);
      if (before !== undefined) pending.push({ line, key, before });
    }
    close();
  },
};

/**
 * dotenv-linter's bookkeeping (push the key, sort a copy, compare) without the
 * sort per line, which is quadratic on a long group: keys in sorted order, and
 * whether the group is still in order.
 */
class Group {
  private sorted: string[] = [];
  private names = new Set<string>();
  private inOrder = true;

  has(key: string): boolean {
    return this.names.has(key);
  }

  clear(): void {
    this.sorted = [];
    this.names.clear();
    this.inOrder = true;
  }

  /** Adds a key; returns the key it should go before, when the group is out of order. */
  add(key: string): string | undefined {
    const last = this.sorted[this.sorted.length - 1];
    if (this.inOrder && last !== undefined && compare(key, last) < 0) this.inOrder = false;
    const at = lowerBound(this.sorted, key);
    this.sorted.splice(at, 0, key);
    this.names.add(key);
    if (this.inOrder) return undefined;
    // dotenv-linter names the key right after this one's first place once sorted (none when it sorts last).
    return this.sorted[at + 1];
  }
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(sorted[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * By the key without trailing blanks: fix-all removes them (spaceCharacter) in the same
 * application, and the order must hold then. The sort is stable, so a key set twice (`KEY =`,
 * `KEY=`) keeps its order and the same line still wins.
 */
function bySortKey(a: string, b: string): number {
  return compare(a.trimEnd(), b.trimEnd());
}

/**
 * The pieces of a sort (a key line with the comments above it, as text) in the
 * order the sort gives them. Fix-all calls it after applying the line fixes inside
 * the pieces: a fix that changes a line's key (a leading `'` removed from a line
 * dotenv ignores) changes its place too.
 */
export function sortPieces(pieces: readonly string[]): string[] {
  const keyed = pieces.map((text) => {
    // The first line that is not a comment is the key line (the rest of the piece is its value).
    const keyLine = /(^|\r\n|\r|\n)(?!\s*#)/.exec(text);
    return { text, key: keyLine ? keyOf(text.slice(keyLine.index + keyLine[1].length), 0).text : '' };
  });
  return keyed.sort((a, b) => bySortKey(a.key, b.key)).map((k) => k.text);
}

/** Rust's `str` order: by code point, which for UTF-16 differs only beyond the BMP. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts the group: each key line moves with the comments right above it, as
 * dotenv-linter's fix does; comments after the last key stay where they are.
 */
function sortFix(doc: EnvDocument, members: readonly LinterLine[]): Fix | undefined {
  const text = doc.text;
  let end = members.length;
  while (end > 0 && members[end - 1].isComment) end--;
  const lines = members.slice(0, end);
  if (lines.length < 2) return undefined;
  const slices: { key: string; lines: LinterLine[] }[] = [];
  let current: LinterLine[] = [];
  for (const line of lines) {
    current.push(line);
    if (!line.isComment) {
      slices.push({ key: line.key!.text, lines: current });
      current = [];
    }
  }
  const sorted = [...slices].sort((a, b) => bySortKey(a.key, b.key));
  const span = { start: lines[0].start, end: lines[lines.length - 1].end };
  const newText = sorted.flatMap((s) => s.lines.map((l) => l.text)).join(lineBreakOf(text));
  if (newText === text.slice(span.start, span.end)) return undefined;
  const pieces = sorted.map((s) => ({ start: s.lines[0].start, end: s.lines[s.lines.length - 1].end }));
  // Moving lines can change what a neighbour reads (`X=` above a line `"q"` reads X=q): checked.
  // Only a group of plain lines (each one entry dotenv reads on its own, or a comment): lines dotenv
  // ignores or reads together with their neighbours are for a person to sort out.
  const plain = lines.every((l) => (l.isComment ? outsideEntries(doc, l) : readsAlone(doc, l) && entriesTouching(doc, l).length === 1));
  const safe = plain && replacementKeepsMeaning(doc, span, newText);
  return { title: 'Sort the keys of this group', edits: [{ span, newText, pieces }], safe, preferred: true };
}
