/**
 * Markdown that explains a variable: shared by hover and completion documentation.
 *
 * One heading line (name · product / section · type · required or optional · default),
 * the description's first paragraph (the rest is on the linked page), then only facts
 * that add something, each said once, then the documentation link. Sensitive
 * defaults are never shown.
 */
import type { ResolvedSchema, VariableSpec } from './schema/types';
import { describeCondition, describeType } from './schema/values';
import { embedsCredential, isSensitiveSpec } from './sensitivity';

/** Notes are for reviewers; a note that starts with this marker is also shown to users (its first paragraph). */
export const USER_NOTE_MARKER = 'For users:';

/** A default description longer than this gets its own line rather than the heading. */
const HEADING_DEFAULT_MAX = 48;

export function describeVariable(spec: VariableSpec, schema: ResolvedSchema, usedName?: string): string {
  const sensitive = isSensitiveSpec(spec);
  const where = spec.section ? `${schema.title} / ${spec.section}` : schema.title;
  const heading = [`**${spec.name}**`, where, describeType(spec), requirement(spec)];
  const defaultText = describeDefault(spec, sensitive);
  const longDefault = defaultText !== undefined && defaultText.length > HEADING_DEFAULT_MAX;
  if (defaultText !== undefined && !longDefault) heading.push(`default ${defaultText}`);

  const lines: string[] = [heading.join(' · ')];
  const description = shortDescription(spec, sensitive);
  if (description) lines.push('', description);

  const facts: string[] = [];
  if (usedName && usedName !== spec.name) facts.push(`\`${usedName}\` is a legacy name of \`${spec.name}\`.`);
  if (spec.deprecated) {
    const d = spec.deprecated;
    facts.push(`⚠️ **Deprecated**: ${d.message}${d.replacement ? ` Use \`${d.replacement}\`${d.renameSafe ? '' : ' (not a plain rename)'}.` : ''}`);
  }
  if (longDefault) facts.push(`Default: ${defaultText}`);
  if (spec.onlyUsedWhen?.length) facts.push(`Only used when ${spec.onlyUsedWhen.map(describeCondition).join(' and ')}`);
  if (sensitive) facts.push('Sensitive: its value is never shown');
  facts.push(...constraintFacts(spec));
  if (spec.aliases?.length) {
    const wins = spec.precedence === 'alias' ? 'the legacy name wins' : `\`${spec.name}\` wins`;
    facts.push(`Also read as ${spec.aliases.map((a) => `\`${a}\``).join(', ')} (when both are set, ${wins})`);
  }
  if (spec.mustDifferFrom?.length) facts.push(`Must differ from ${spec.mustDifferFrom.map((n) => `\`${n}\``).join(', ')}`);
  if (spec.managedBy) facts.push(`Managed by ${spec.managedBy}: normally not set by hand`);
  const note = userNote(spec.notes);
  if (note) facts.push(`Note: ${note}`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));

  const source = spec.source ?? schema.source;
  if (source) lines.push('', `[Documentation](${source})`);
  return lines.join('\n');
}

function requirement(spec: VariableSpec): string {
  const req = spec.required;
  if (!req) return 'optional';
  let text = req.kind === 'always' ? 'required' : `required when ${(req.when ?? []).map(describeCondition).join(' and ')}`;
  if (req.alternatives?.length) text += ` (or set ${req.alternatives.map((s) => s.map((n) => `\`${n}\``).join(' + ')).join(', or ')})`;
  return text;
}

function hasDefault(spec: VariableSpec): boolean {
  return (spec.default !== undefined && spec.default !== '') || !!spec.defaultFrom || !!spec.defaultDescription;
}

function describeDefault(spec: VariableSpec, sensitive: boolean): string | undefined {
  if (spec.default !== undefined && spec.default !== '') return `\`${sensitive || embedsCredential(spec.default) ? '(hidden)' : spec.default}\``;
  if (spec.defaultFrom) return `the value of \`${spec.defaultFrom}\``;
  if (spec.defaultDescription) return spec.defaultDescription;
  return undefined;
}

/** Length, form and advice: what the type in the heading does not already say. */
function constraintFacts(spec: VariableSpec): string[] {
  const facts: string[] = [];
  const c = spec.constraints;
  const advice = spec.advice ?? [];
  const ownMark = (check: string) => (advice.includes(check as never) ? " (envls advice, not the product's rule)" : '');
  if (c?.minLength) facts.push(`At least ${c.minLength} characters${ownMark('minLength')}`);
  if (c?.maxLength) facts.push(`At most ${c.maxLength} characters${ownMark('maxLength')}`);
  const form = [c?.prefix && `starts with \`${c.prefix}\``, c?.suffix && `ends with \`${c.suffix}\``, c?.noTrailingSlash && 'no trailing slash'].filter(Boolean);
  if (form.length) facts.push(`Form: ${form.join(', ')}`);
  // The constraint's own words explain a pattern or a forbidden form better than the regular expression.
  if (c?.message && (c.pattern || c.notPattern)) facts.push(`${c.message}${ownMark('pattern')}`);
  const otherAdvice = advice.filter((check) => check !== 'minLength' && check !== 'maxLength' && check !== 'pattern');
  if (otherAdvice.length) facts.push(`envls advice, not the product's rule: its ${otherAdvice.map((a) => (a === 'type' ? 'accepted values' : a)).join(', ')}`);
  if (c?.conventionalMessage) facts.push(`Convention (a hint, never an error): ${c.conventionalMessage}`);
  return facts;
}

/** Description sentences kept in a hover: beyond this many characters the linked page has the rest. */
const DESCRIPTION_MAX = 280;

/**
 * The description's first paragraph, whole sentences up to DESCRIPTION_MAX (the first one
 * always), without the sentences that announce a deprecation the facts state once.
 */
function shortDescription(spec: VariableSpec, sensitive: boolean): string {
  let sentences = sentencesOf(firstParagraph(spec.description));
  // The facts say these once; the description's own sentence about them would say it twice.
  if (spec.deprecated && sentences.length > 1) sentences = sentences.filter((s) => !/deprecat/i.test(s));
  if (sensitive && sentences.length > 1) sentences = sentences.filter((s) => !/^Sensitive\b/.test(s));
  if (hasDefault(spec) && sentences.length > 1) sentences = sentences.filter((s) => !/^Defaults?\b/.test(s));
  return keepSentences(sentences, DESCRIPTION_MAX);
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z`*"(])/);
}

/** Whole sentences up to `max` characters (the first one always), `…` when some are left out. */
function keepSentences(sentences: string[], max: number): string {
  let kept = '';
  for (const sentence of sentences) {
    if (kept && kept.length + 1 + sentence.length > max) return `${kept} …`;
    kept = kept ? `${kept} ${sentence}` : sentence;
  }
  return kept;
}

/** A product's note (a look-alike's) shortened to whole sentences within `max` characters. */
export function clipSentences(text: string, max: number): string {
  return keepSentences(sentencesOf(text.trim()), max);
}

/** The description up to its first blank line: the page behind the link has the rest. */
function firstParagraph(text: string | undefined): string {
  if (!text) return '';
  return text.split(/\r?\n\s*\r?\n/)[0].trim();
}

/** A note marked for users: its first paragraph, without the marker. */
export function userNote(notes: string | undefined): string | undefined {
  if (!notes?.startsWith(USER_NOTE_MARKER)) return undefined;
  return firstParagraph(notes.slice(USER_NOTE_MARKER.length)) || undefined;
}
