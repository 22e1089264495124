/**
 * Markdown that explains a variable the code reads: its documentation (the bound schema's, else
 * the example's comments), the value the program reads in each mode of the app and the env file
 * it comes from, or that no env file sets it. Shared by hover and completion's resolve. Values go
 * through sensitivity.ts.
 */
import { describeVariable } from '../describe';
import { exampleDescription, shownPath } from '../project/context';
import { holdsValues } from '../project/roles';
import { entriesByKey } from '../rules/entryIndex';
import { code } from '../projectHover';
import { shownValue } from '../sensitivity';
import type { CodeContext } from './context';

/**
 * The variable's documentation alone: the schema's, else the example's comments, else the comments
 * above its line in the env file that sets it (the team's notes); undefined when there is none.
 */
export function nameDocumentation(ctx: CodeContext, name: string): string | undefined {
  const match = ctx.schemaSet.lookup(name);
  if (match) return describeVariable(match.spec, match.schema, name);
  const description = ctx.example && exampleDescription(ctx.example, name);
  if (description) return `**${name}**\n\nFrom ${shownPath(ctx.example!.path, ctx.path)}: ${description}`;
  for (const file of ctx.envFiles) {
    if (!holdsValues(file.role)) continue;
    const noted = exampleDescription(file, name);
    if (noted) return `**${name}**\n\nFrom ${shownPath(file.path, ctx.path)}: ${noted}`;
  }
  return undefined;
}

/** Documentation, then where the value comes from in each mode (or that no env file sets it). */
export function nameMarkdown(ctx: CodeContext, name: string): string {
  const parts = [nameDocumentation(ctx, name) ?? `**${name}**`, '', ...valueLines(ctx, name)];
  return parts.join('\n');
}

function valueLines(ctx: CodeContext, name: string): string[] {
  const perMode = ctx.modes.map(({ mode, values }) => ({ mode, effective: values.get(name) }));
  if (perMode.some((m) => m.effective)) {
    const lines = [`**Effective value**${ctx.conventionTitle ? ` (${ctx.conventionTitle} order)` : ''}:`];
    for (const { mode, effective } of perMode) {
      lines.push(`- ${mode}: ${effective ? `${code(shownValue(name, effective.value, ctx.schemaSet))} from ${shownPath(effective.path, ctx.path)}` : 'not set'}`);
    }
    return lines;
  }
  // No mode loads a file that sets it: say where it is written, if anywhere.
  const loose = ctx.envFiles.filter((f) => holdsValues(f.role) && entriesByKey(f.doc).has(name)).map((f) => shownPath(f.path, ctx.path));
  if (loose.length > 0) return [`Not loaded in any mode of the app: set only in ${loose.join(', ')}`];
  const listed = ctx.envFiles.filter((f) => !holdsValues(f.role) && entriesByKey(f.doc).has(name)).map((f) => shownPath(f.path, ctx.path));
  return [`Not set in any env file${listed.length > 0 ? ` (listed in ${listed.join(', ')})` : ''}`];
}
