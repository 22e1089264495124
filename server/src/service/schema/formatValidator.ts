/**
 * Checks a parsed schema file against schemas/envls-schema.schema.json (ajv, draft-07),
 * plus what JSON Schema cannot say: patterns the linear-time engine cannot run.
 * Compiled once, on first use; the validator (./formatCompiler.ts: ajv and the format's
 * JSON Schema) is loaded then too (require, not import), so a server without user schema
 * files never loads it: builtin schemas are validated at build time.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type * as FormatCompiler from './formatCompiler';
import { patternProblem } from './safeRegex';

export interface FormatProblem {
  /** JSON Pointer of the offending value (ajv's instancePath), '' for the root. */
  path: string;
  message: string;
}

let validator: ValidateFunction | undefined;

function compiled(): ValidateFunction {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  validator ??= (require('./formatCompiler') as typeof FormatCompiler).compileFormatValidator();
  return validator;
}

export function checkFormat(json: unknown): FormatProblem[] {
  const validate = compiled();
  const problems: FormatProblem[] = [];
  if (!validate(json)) problems.push(...simplify(validate.errors ?? []));
  problems.push(...patternProblems(json));
  return problems;
}

/**
 * ajv reports every branch of an anyOf/oneOf; keep the most specific error per
 * location so an author sees one actionable message per mistake.
 */
function simplify(errors: ErrorObject[]): FormatProblem[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  const out: FormatProblem[] = [];
  for (const [path, list] of byPath) {
    // Combinator summaries say less than the errors under them.
    const specific = list.filter((e) => !['anyOf', 'oneOf', 'if'].includes(e.keyword));
    const chosen = specific.length > 0 ? specific : list;
    const seen = new Set<string>();
    for (const error of chosen) {
      const message = describe(error);
      if (seen.has(message)) continue;
      seen.add(message);
      out.push({ path, message });
    }
  }
  // A parent that failed only because a child failed adds nothing.
  return out.filter((p) => !(p.message.startsWith('must match') && out.some((q) => q !== p && q.path.startsWith(`${p.path}/`))));
}

function describe(error: ErrorObject): string {
  const where = error.instancePath ? `${error.instancePath.split('/').slice(1).map(unescapePointer).join('.')}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties':
      return `${where}unknown property "${(error.params as { additionalProperty: string }).additionalProperty}".`;
    case 'required':
      return `${where}missing property "${(error.params as { missingProperty: string }).missingProperty}".`;
    case 'enum':
      return `${where}must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}.`;
    default:
      return `${where}${error.message ?? 'invalid'}.`;
  }
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every pattern of every variable's constraints (pattern, notPattern, conventionalPattern), checked by patternProblem. */
function patternProblems(json: unknown): FormatProblem[] {
  const out: FormatProblem[] = [];
  if (!isObject(json) || !isObject(json.variables)) return out;
  for (const [name, spec] of Object.entries(json.variables)) {
    if (!isObject(spec) || !isObject(spec.constraints)) continue;
    for (const key of ['pattern', 'notPattern', 'conventionalPattern']) {
      const pattern = spec.constraints[key];
      if (typeof pattern !== 'string') continue;
      const problem = patternProblem(pattern);
      if (problem) out.push({ path: `/variables/${escapePointer(name)}/constraints/${key}`, message: `variables.${name}.constraints.${key}: ${problem}` });
    }
  }
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
