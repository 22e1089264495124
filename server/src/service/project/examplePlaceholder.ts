/**
 * Whether a value in an example file is a placeholder for the reader to replace (`changeme`,
 * `your-key-here`, `<api key>`, `xxx`) rather than a value that works as it is (`20`,
 * `http://localhost:3000`). Completion inserts only the latter: a placeholder copied into `.env`
 * is a value to be found and replaced again, so the cursor goes to an empty value instead.
 *
 * Only shapes that announce themselves: words that ask for a replacement, brackets around a
 * description, and runs of filler characters. A real value never looks like these.
 */

/** Angle or square brackets around a description, `{{ … }}` templates, or filler runs (xxx, ***, ..., …). */
const SHAPES = /^(?:<[^<>]*>|\[[^[\]]*\]|\{\{.*\}\}|[xX]{3,}|\*{3,}|\.{3,}|…+|-{3,}|_{3,}|#{3,})$/;
/** Words and phrases that ask for a replacement, the whole value. */
const WORDS = /^(?:change[-_ .]?(?:me|it|this)|replace[-_ .]?(?:me|it|this)|todo|tbd|fixme|placeholder|redacted|none[-_ ]?yet|not[-_ ]?set|null)$/i;
/** `your-key-here`, `your_api_key`, `insert-token-here`, `put-your-…`, `<…>` already above. */
const PHRASES = /^(?:your[-_ .]|my[-_ ]?(?:secret|key|token|password))|[-_ .]here$|^(?:insert|put|enter|add|paste|fill)[-_ .]?(?:in[-_ .]?)?(?:your|the|a|an|here)(?=$|[-_ .])|[xX]{4,}$/i;

export function isExamplePlaceholder(value: string): boolean {
  const v = value.trim();
  return v !== '' && (SHAPES.test(v) || WORDS.test(v) || PHRASES.test(v));
}
