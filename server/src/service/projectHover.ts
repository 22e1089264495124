/**
 * The project's part of a key's hover: the value the program reads in each mode and the file it
 * comes from, what this line overrides or is overridden by, and the example's comments on the
 * variable (its only description when no schema describes it; the app's own words after the
 * schema's otherwise). Values go through sensitivity.ts.
 */
import type { Entry, EnvDocument } from './parser/model';
import type { SchemaSet } from './schema/schemaSet';
import { effectiveOf, exampleDescription, shadowingOf, shownPath, type ProjectContext } from './project/context';
import { baseName } from './project/paths';
import { shownValue } from './sensitivity';
import { readsOnly } from './code/usage';

/** Files named in "read in N places" before the rest is counted. */
const READERS_SHOWN = 3;

/** How many places of the app's code read the key, and the first few of them (only with the code index). */
function codeReadLines(project: ProjectContext, key: string): string[] {
  const code = project.code;
  if (!code || code.fileCount === 0) return [];
  const reads = readsOnly(code.readsOf(key));
  if (reads.length === 0) return ['', code.complete ? "Read by no code of the app" : 'Read by no code of the app indexed so far'];
  const shown = reads.slice(0, READERS_SHOWN).map((r) => `${r.path}:${r.read.range.start.line + 1}`);
  const more = reads.length > READERS_SHOWN ? `, and ${reads.length - READERS_SHOWN} more` : '';
  return ['', `Read in ${reads.length} ${reads.length === 1 ? 'place' : 'places'} by the app's code: ${shown.join(', ')}${more}`];
}

/** Markdown lines to append to a key's hover (empty without a project). */
export function projectKeyHoverLines(project: ProjectContext | undefined, doc: EnvDocument, schemaSet: SchemaSet, entry: Entry): string[] {
  if (!project) return [];
  const lines: string[] = [];
  if (project.example) {
    // The example may spell the variable by another of its names (an alias the schema knows).
    const spec = schemaSet.lookup(entry.key)?.spec;
    const names = [entry.key, ...(spec ? [spec.name, ...(spec.aliases ?? [])] : [])];
    const description = names.map((name) => exampleDescription(project.example!, name)).find((d) => d !== undefined);
    if (description) lines.push('', `From ${baseName(project.example.path)}: ${description}`);
  }
  const effective = effectiveOf(project, doc, entry.key);
  if (effective.length > 0) {
    lines.push('', `**Effective value**${project.conventionTitle ? ` (${project.conventionTitle} order)` : ''}:`);
    for (const mode of effective) {
      const where = mode.path === undefined ? 'not set' : `${code(shownValue(entry.key, mode.entry!.value, schemaSet))} from ${shownPath(mode.path, project.path)}`;
      lines.push(`- ${mode.mode}: ${where}`);
    }
  }
  const byFile = new Map<string, string[]>();
  const overridden = new Map<string, string[]>();
  for (const m of shadowingOf(project, entry.key)) {
    for (const file of m.overrides) byFile.set(file, [...(byFile.get(file) ?? []), m.mode]);
    if (!m.wins) overridden.set(m.winner, [...(overridden.get(m.winner) ?? []), m.mode]);
  }
  for (const [file, modes] of byFile) lines.push('', `Overrides ${shownPath(file, project.path)} in ${modes.join(', ')}`);
  for (const [file, modes] of overridden) lines.push('', `Overridden by ${shownPath(file, project.path)} in ${modes.join(', ')}`);
  lines.push(...codeReadLines(project, entry.key));
  return lines;
}

/** A value as inline code in a hover (long values cut, line breaks shown as ⏎). */
export function code(value: string): string {
  if (value.length === 0) return '(empty)';
  const shown = value.length > 120 ? `${value.slice(0, 120)}…` : value;
  return '`` ' + shown.replace(/\r?\n/g, '⏎') + ' ``';
}
