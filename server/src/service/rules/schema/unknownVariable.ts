import type { Rule } from '../rule';
import { NearMissIndex } from '../../schema/nearMiss';
import type { SchemaSet } from '../../schema/schemaSet';
import { MESSAGE_MAX, nameText, sentencesWithin } from '../messageText';

/**
 * Most keys remembered per schema set. Once full, new keys are answered without being
 * remembered: starting over instead would make a file with more keys than this miss on
 * every key of every keystroke.
 */
export const MAX_CACHED_SUGGESTIONS = 20_000;

const NONE: readonly string[] = Object.freeze([]);

/**
 * "Did you mean" answers per key for one schema set: the analysis runs on every
 * keystroke, and the keys of a file barely change between two.
 */
export class SuggestionCache {
  private index: NearMissIndex | undefined;
  private readonly answers = new Map<string, readonly string[]>();
  /** How many times the near-miss index was asked (for tests). */
  computed = 0;

  constructor(private readonly schemaSet: SchemaSet) {}

  suggest(key: string): readonly string[] {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      this.index ??= new NearMissIndex(this.schemaSet.knownNames());
      const found = this.index.suggest(key);
      answer = found.length === 0 ? NONE : found;
      this.computed++;
      if (this.answers.size < MAX_CACHED_SUGGESTIONS) this.answers.set(key, answer);
    }
    return answer;
  }

  get size(): number {
    return this.answers.size;
  }
}

const caches = new WeakMap<SchemaSet, SuggestionCache>();

/** The suggestion cache of a schema set (the set lives as long as its schemas do). */
export function suggestionsFor(schemaSet: SchemaSet): SuggestionCache {
  let cache = caches.get(schemaSet);
  if (!cache) {
    cache = new SuggestionCache(schemaSet);
    caches.set(schemaSet, cache);
  }
  return cache;
}

/**
 * A name no bound schema knows. Near-misses of known names (typos) and the
 * product's documented look-alikes are warned about; other unknown names stay
 * quiet unless envls.unknownVariables is on (apps add their own variables).
 */
export const unknownVariable: Rule = {
  code: 'unknownVariable',
  group: 'schema',
  defaultSeverity: 'warning',
  description: 'A name the bound schemas do not know: a typo of a known name ("did you mean"), or any unknown name when envls.unknownVariables is on.',
  fixAll: false,
  docs: {
    example: "# envls-schema: neosync/api\nDB_HSOT=localhost",
    fix: "Rename it to the suggested name, or, when it is your own variable, silence the code for that line or turn off `envls.unknownVariables`.",
  },
  check(ctx) {
    const cache = suggestionsFor(ctx.schemaSet);
    // Names other values refer to are helpers, not unknown variables; only needed when every unknown name is reported.
    const isReferenced = (name: string): boolean => ctx.index.referenced().has(name);
    ctx.doc.entries.forEach((entry, i) => {
      if (ctx.index.matches[i]) return;
      const lookAlike = ctx.schemaSet.lookAlike(entry.key);
      if (lookAlike) {
        ctx.report({
          span: entry.keySpan,
          message: `${nameText(entry.key)}: ${sentencesWithin(lookAlike.message, MESSAGE_MAX - 2 - nameText(entry.key).length)}`,
          info: { variable: entry.key, suggestions: lookAlike.meant ? [lookAlike.meant] : [] },
          fixes: lookAlike.meant ? [{ title: `Rename to ${lookAlike.meant}`, edits: [{ span: entry.keySpan, newText: lookAlike.meant }], preferred: true }] : [],
        });
        return;
      }
      const suggestions = [...cache.suggest(entry.key)];
      if (suggestions.length > 0) {
        ctx.report({
          span: entry.keySpan,
          message: `${nameText(entry.key)} is not a variable of ${ctx.schemas.map((s) => s.id).join(', ')}. Did you mean ${suggestions.join(' or ')}?`,
          info: { variable: entry.key, suggestions },
          fixes: suggestions.map((name, i) => ({ title: `Rename to ${name}`, edits: [{ span: entry.keySpan, newText: name }], preferred: i === 0 })),
        });
      } else if (ctx.reportAllUnknown && !isReferenced(entry.key)) {
        ctx.report({
          span: entry.keySpan,
          message: `${nameText(entry.key)} is not a variable of ${ctx.schemas.map((s) => s.id).join(', ')}.`,
          info: { variable: entry.key, suggestions: [] },
        });
      }
    });
  },
};
