/**
 * Where missingRequired's fixes put the variables they add: beside their neighbours, so that a
 * file keeps its own order. In turn: after the closest variable of its section before it in the
 * schema's order that the file sets, after the last variable of its section, after the last variable
 * of its schema, else at the end of the file under a `# <Section>` header in the
 * schema's words. Always after a whole entry, never inside a multi-line value.
 *
 * Each edit also carries a snippet (`NAME=${1:default}`) so that an editor that applies snippet
 * edits puts the cursor on the new value; the plain text is the same without the tab stops.
 */
import type { FixEdit, RuleContext } from '../rule';
import type { ResolvedSchema, VariableSpec } from '../../schema/types';
import { lineBreakOf, wholeLinesSpan } from '../edits';

export interface MissingVariable {
  spec: VariableSpec;
  schema: ResolvedSchema;
}

/**
 * A function giving the insertions that add `missing` (in this order), merged per place: one edit
 * per offset. The file's neighbours are indexed once, for the "Add X" of every variable and "Add all".
 */
export function missingPlacer(ctx: RuleContext): (missing: readonly MissingVariable[]) => FixEdit[] {
  const text = ctx.doc.text;
  const lastInSection = new Map<string, number>();
  const lastInSchema = new Map<ResolvedSchema, number>();
  const lastOfVariable = new Map<string, number>();
  ctx.doc.entries.forEach((entry, i) => {
    const match = ctx.index.matches[i];
    if (!match) return;
    const after = wholeLinesSpan(ctx.doc, entry.span).end;
    lastInSchema.set(match.schema, after);
    lastOfVariable.set(sectionKey(match.schema, match.spec.name), after);
    if (match.spec.section) lastInSection.set(sectionKey(match.schema, match.spec.section), after);
  });
  // A schema orders its variables as its documentation does (DB_USER, DB_PASS), and one section may be
  // a whole page: the closest variable of the same section before the missing one in that order that
  // the file sets is a closer neighbour than the section's last line.
  const afterPrecedingNeighbour = ({ spec, schema }: MissingVariable): number | undefined => {
    const index = schema.variables.indexOf(spec);
    for (let i = index - 1; i >= 0; i--) {
      const before = schema.variables[i];
      if (before.section !== spec.section) continue;
      const offset = lastOfVariable.get(sectionKey(schema, before.name));
      if (offset !== undefined) return offset;
    }
    return undefined;
  };
  const placeOf = (variable: MissingVariable): number | undefined => {
    const { spec, schema } = variable;
    return afterPrecedingNeighbour(variable) ?? (spec.section ? lastInSection.get(sectionKey(schema, spec.section)) : undefined) ?? lastInSchema.get(schema);
  };
  return (missing) => place(text, missing, placeOf);
}

function place(text: string, missing: readonly MissingVariable[], placeOf: (variable: MissingVariable) => number | undefined): FixEdit[] {
  const eol = lineBreakOf(text);
  // Group by place, keeping the order of first appearance; lines keep schema order inside a place.
  const places = new Map<string, { offset: number; header?: string; lines: MissingVariable[] }>();
  for (const variable of missing) {
    const { spec, schema } = variable;
    const offset = placeOf(variable);
    const header = offset === undefined ? spec.section ?? schema.title : undefined;
    const key = offset !== undefined ? `at:${offset}` : `end:${header}`;
    const place = places.get(key) ?? { offset: offset ?? text.length, header, lines: [] };
    place.lines.push(variable);
    places.set(key, place);
  }

  let tabStop = 0;
  const total = missing.length;
  // The last variable gets the final tab stop ($0): where the cursor rests after the snippet.
  const nextStop = () => (++tabStop === total ? 0 : tabStop);
  const byOffset = new Map<number, { newText: string; snippet: string }>();
  for (const place of places.values()) {
    const before = text.slice(0, place.offset);
    const atEnd = place.offset === text.length;
    const endsWithBreak = before.length === 0 || /[\r\n]$/.test(before);
    let newText = '';
    let snippet = '';
    const add = (plain: string, snip = escapeSnippet(plain)) => {
      newText += plain;
      snippet += snip;
    };
    if (!endsWithBreak) add(eol);
    if (place.header !== undefined) {
      // A blank line before the header, unless the file is empty or already ends with one.
      const breaks = (before.slice(before.trimEnd().length).match(/\r\n|\r|\n/g) ?? []).length + (endsWithBreak ? 0 : 1);
      if (before.trim().length > 0 && breaks < 2) add(eol);
      add(`# ${place.header}${eol}`);
    }
    place.lines.forEach(({ spec }, i) => {
      const value = spec.default !== undefined && !spec.sensitive ? quoteIfNeeded(spec.default) : '';
      const stop = nextStop();
      add(`${spec.name}=`);
      add(value, value ? `\${${stop}:${escapeSnippet(value)}}` : `$${stop}`);
      // A file without a final line break keeps it so: no break after the last added line.
      const last = i === place.lines.length - 1;
      if (!(last && atEnd && !endsWithBreak && place.header === undefined)) add(eol);
    });
    const prior = byOffset.get(place.offset);
    byOffset.set(place.offset, prior ? { newText: prior.newText + newText, snippet: prior.snippet + snippet } : { newText, snippet });
  }
  return [...byOffset].map(([start, { newText, snippet }]) => ({ span: { start, end: start }, newText, snippet }));
}

function sectionKey(schema: ResolvedSchema, section: string): string {
  return `${schema.id}\u0000${section}`;
}

/** Literal text inside a snippet: `$`, `}` and `\` escaped (LSP snippet grammar). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

function quoteIfNeeded(value: string): string {
  return /[\s#"'`]/.test(value) ? `"${value.replace(/"/g, '\\"')}"` : value;
}
