/** Small in-memory schemas for unit tests of the service (no schema files involved). */
import type { LookAlike, ResolvedSchema, VariableSpec } from '../../server/src/service/schema/types';
import { parseEnv } from '../../server/src/service/parser/parse';
import { validate, type ValidationSettings } from '../../server/src/service/validate';
import type { Diagnostic } from 'vscode-languageserver-types';

export function makeSchema(id: string, variables: (Partial<VariableSpec> & { name: string })[], lookAlikes: LookAlike[] = []): ResolvedSchema {
  const specs: VariableSpec[] = variables.map((v) => ({ description: `${v.name} description`, type: 'string', ...v }));
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byAlias = new Map<string, VariableSpec>();
  for (const spec of specs) for (const alias of spec.aliases ?? []) byAlias.set(alias, spec);
  return { id, title: `Test ${id}`, product: 'TestProduct', variables: specs, byName, byAlias, lookAlikes, origin: `test:${id}` };
}

export function diagnose(text: string, schemas: ResolvedSchema[] = [], settings: ValidationSettings = {}): Diagnostic[] {
  return validate({ doc: parseEnv(text), schemas, certainty: schemas.length ? 'explicit' : 'none', settings });
}

/** [line, code] pairs, for compact assertions. */
export function codes(diagnostics: Diagnostic[], only?: string): [number, string][] {
  return diagnostics.filter((d) => !only || d.code === only).map((d) => [d.range.start.line, String(d.code)]);
}
