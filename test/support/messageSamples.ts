/**
 * Diagnostic messages as the Problems panel would list them, from: every text file of the shared
 * corpus and conformance suites (detected, and bound to every builtin schema in turn, style rules
 * and unknown names on), and made-up lines with long names and long or wrong values for every
 * builtin variable. Used by the message-length test and by bench/message-lengths.ts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { analyze } from '../../server/src/service/analyze';
import { builtinSchemas } from '../../server/src/service/schema/builtin';
import { detectSchemas } from '../../server/src/service/schema/detect';
import type { ResolvedSchema } from '../../server/src/service/schema/types';
import { parseEnv } from '../../server/src/service/parser/parse';
import { validate } from '../../server/src/service/validate';
import { SHARED_DIR } from './corpus';
import { projectOfDocs } from './projectDocs';
import { ALL_RULES } from '../../server/src/service/rules/registry';

export interface MessageSample {
  code: string;
  message: string;
  /** Where it came from, for failure messages. */
  origin: string;
}

const ALL_ON = { styleRules: true, unknownVariables: true } as const;
const MAX_FILE = 200_000;

function sharedTextFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = path.join(dir, name);
      const stat = statSync(p);
      if (stat.isDirectory()) walk(p);
      else if (stat.size < MAX_FILE && !/\.(json|ya?ml|md|js|ts|py|tpl|rs|png)$/.test(name)) out.push(p);
    }
  };
  for (const sub of ['corpus', 'conformance']) walk(path.join(SHARED_DIR, sub));
  return out;
}

/** Lines meant to make long messages: long keys, long and wrong values, for every builtin variable. */
export function longLineTexts(schema: ResolvedSchema): string[] {
  const longName = `${'VERY_LONG_VARIABLE_NAME_'.repeat(6)}END`;
  const longValue = 'x'.repeat(400);
  const lines: string[] = [];
  for (const spec of schema.variables) {
    lines.push(`${spec.name}=${longValue}`, `${spec.name}=${longValue}/`, `${spec.name}=not a valid value ${longValue}`, `${spec.name}=ab`);
    for (const alias of spec.aliases ?? []) lines.push(`${alias}=${longValue}`);
  }
  for (const l of schema.lookAlikes) lines.push(`${l.name}=${longValue}`);
  const style = [
    `${longName.toLowerCase()}=${longValue}`,
    `${longName} = ${longValue}`,
    `${longName}-WITH-DASHES=1`,
    `${longName}_REF=\${${longName}`,
    `${longName}_REF2=\${${longName}:-${longValue}}`,
    `${longName}`,
    `export`,
    `${longName}="${longValue}"`,
    `${longName}=${longValue} #${longValue}`,
    `${longName}_A=1`,
    `${longName}_A=2`,
    `ZZZ_${longName}=1`,
    `AAA_${longName}=\${UNDEFINED_${longName}}`,
    '',
    '',
    `${longName}_Q='unterminated ${longValue}`,
  ];
  return [lines.join('\n') + '\n', style.join('\n') + '\n  ' + longValue];
}

function collect(diagnostics: Diagnostic[], origin: string, out: MessageSample[]): void {
  for (const d of diagnostics) out.push({ code: String(d.code), message: typeof d.message === "string" ? d.message : d.message.value, origin });
}

export function messageSamples(): MessageSample[] {
  const schemas = builtinSchemas();
  const out: MessageSample[] = [];
  for (const file of sharedTextFiles()) {
    const text = readFileSync(file, 'utf8');
    const origin = path.relative(SHARED_DIR, file);
    const detected = analyze(text, (doc) => ({ available: schemas, detect: () => detectSchemas({ keys: doc.entries.map((e) => e.key), siblingFiles: [] }, schemas.values()) }), ALL_ON);
    collect(detected.diagnostics, origin, out);
    const doc = parseEnv(text);
    for (const schema of schemas.values()) collect(validate({ doc, schemas: [schema], certainty: 'explicit', settings: ALL_ON }), `${origin} as ${schema.id}`, out);
  }
  for (const schema of schemas.values()) {
    for (const text of longLineTexts(schema)) collect(validate({ doc: parseEnv(text), schemas: [schema], certainty: 'explicit', settings: ALL_ON }), `long lines as ${schema.id}`, out);
  }
  // Project rules speak only within a project: their documented examples, in the project each declares.
  for (const rule of ALL_RULES) {
    const project = projectOfDocs(rule.docs);
    if (project) collect(validate({ doc: parseEnv(rule.docs.example), settings: ALL_ON, project }), `${rule.code}'s documented project`, out);
  }
  collect(validate({ doc: parseEnv('# envls-schema: nope/nothing-by-this-very-long-id-name-that-goes-on\nA=1\n'), unknownSchemaIds: [{ id: 'nope/nothing-by-this-very-long-id-name-that-goes-on' }], settings: ALL_ON }), 'unknown schema', out);
  return out;
}
