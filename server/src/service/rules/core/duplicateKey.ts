import type { Rule } from '../rule';
import { wholeLinesSpan } from '../edits';
import { nameText } from '../messageText';

/** dotenv keeps the last of repeated keys: every earlier one is dead text. */
export const duplicateKey: Rule = {
  code: 'duplicateKey',
  group: 'core',
  defaultSeverity: 'warning',
  description: 'The same key is set more than once; dotenv keeps the last value.',
  fixAll: true,
  linterCheck: 'DuplicatedKey',
  docs: {
    example: "LOG_LEVEL=debug\nLOG_LEVEL=info",
    fix: "Remove the earlier line (the safe fix), or comment it out if you want to keep it as a note.",
  },
  check(ctx) {
    const last = ctx.index.byKey;
    for (const entry of ctx.doc.entries) {
      const winner = last.get(entry.key)!;
      if (winner === entry) continue;
      const remove = wholeLinesSpan(ctx.doc, entry.span);
      ctx.report({
        span: entry.keySpan,
        message: `${nameText(entry.key)} is set again on line ${winner.line + 1}; dotenv keeps the last value, so this line has no effect.`,
        tags: ['unnecessary'],
        info: { key: entry.key, winnerLine: winner.line },
        fixes: [
          { title: `Remove this ${entry.key} line`, edits: [{ span: remove, newText: '' }], safe: true, preferred: true },
          { title: `Comment out this ${entry.key} line`, edits: [{ span: { start: remove.start, end: remove.start }, newText: '# ' }] },
        ],
      });
    }
  },
};
