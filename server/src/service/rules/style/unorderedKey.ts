import type { Fix, Rule } from '../rule';
import { lineBreakOf } from '../edits';
import { linterLines, substitutionKeys, type LinterLine } from './linterLines';

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
  check(ctx) {
    let keys: string[] = [];
    /** The group's lines (comments too), from its first line to its last key. */
    let members: LinterLine[] = [];
    let pending: { line: LinterLine; key: string; before: string }[] = [];
    const close = (): void => {
      if (pending.length > 0) {
        const fix = sortFix(ctx.doc.text, members);
        for (const p of pending) {
          ctx.report({
            span: { start: p.line.key!.start, end: p.line.key!.start + p.key.length },
            message: `The key ${p.key.trimEnd()} should go before ${p.before.trimEnd()} (keys are sorted alphabetically within a group of lines).`,
            info: { key: p.key, before: p.before },
            fixes: fix ? [fix] : [],
          });
        }
      }
      keys = [];
      members = [];
      pending = [];
    };
    for (const line of linterLines(ctx.doc)) {
      if (line.disabled.has('UnorderedKey')) {
        close();
        continue;
      }
      const usesGroupKey = substitutionKeys(line).some((k) => keys.includes(k));
      if (line.isEmpty || line.control || usesGroupKey) {
        close();
        continue;
      }
      if (line.isComment) {
        // A comment belongs to the key below it; trailing ones are left out of the sort.
        members.push(line);
        continue;
      }
      const key = line.key!.text;
      keys.push(key);
      members.push(line);
      const sorted = [...keys].sort(compare);
      if (sorted.every((k, i) => k === keys[i])) continue;
      // dotenv-linter names the key that follows this one once sorted (none when it sorts last).
      const before = sorted[sorted.indexOf(key) + 1];
      if (before !== undefined) pending.push({ line, key, before });
    }
    close();
  },
};

/** Rust's `str` order: by code point, which for UTF-16 differs only beyond the BMP. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Sorts the group: each key line moves with the comments right above it, as
 * dotenv-linter's fix does; comments after the last key stay where they are.
 */
function sortFix(text: string, members: readonly LinterLine[]): Fix | undefined {
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
  const sorted = [...slices].sort((a, b) => compare(a.key, b.key));
  const span = { start: lines[0].start, end: lines[lines.length - 1].end };
  const newText = sorted.flatMap((s) => s.lines.map((l) => l.text)).join(lineBreakOf(text));
  if (newText === text.slice(span.start, span.end)) return undefined;
  return { title: 'Sort the keys of this group', edits: [{ span, newText }], safe: true, preferred: true };
}
