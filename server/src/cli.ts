/**
 * envls on the command line, on the same engine as the language server.
 *   envls parse FILE [--expand]      what dotenv (and dotenv-expand) would load, as JSON
 *   envls check [PATH|GLOB ...]      problems, one per line; exit 1 on errors, 2 on unreadable files
 *   envls schemas                    the schema ids envls knows
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { checkSummary, shownPath } from './node/shownPath';
import { parseEnv } from './service/parser/parse';
import { expandEntries } from './service/expand';
import { analyze, analyzeDocument } from './service/analyze';
import { bindingInputFor } from './node/bindFile';
import { findEnvFiles } from './node/envFiles';
import { SchemaStore } from './node/schemaStore';
import { fixAll } from './service/fixAll';
import type { ValidationSettings } from './service/validate';
import { formatDiagnostic, messageText, SEVERITY_NAMES } from './node/format';
import { invalidSchemaDiagnostics } from './service/schema/invalidSchema';
import type { Diagnostic } from 'vscode-languageserver-types';

const USAGE = `Usage:
  envls parse FILE [--expand]
      Print, as JSON, the object dotenv.parse returns for FILE
      (--expand: after dotenv-expand, without command substitution).
  envls check [PATH|GLOB ...] [options]
      Check .env files (folders are searched for .env, .env.*, *.env).
      --format text|json       output format (default text: path:line:col: severity code message)
      --schema ID[,ID]         bind these schemas (else # envls-schema comments, else detection)
      --schema-file FILE       load a schema file in envls's format (repeatable)
      --rules dotenv-linter    also run dotenv-linter's style checks
      --unknown                report every variable the schemas do not know
      --no-detect              do not detect products from the variables present
      --fix                    apply the safe fixes and write files that changed
  envls schemas               list the schema ids envls knows
Exit codes: 0 no error-severity problem, 1 some, 2 a file could not be read or bad usage.`;

function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version') {
    process.stdout.write('0.1.0\n');
    return 0;
  }
  if (command === 'parse') return parseCommand(rest);
  if (command === 'check') return checkCommand(rest);
  if (command === 'schemas') return schemasCommand();
  process.stderr.write(`envls: unknown command "${command}"\n${USAGE}\n`);
  return 2;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    process.stderr.write(`envls: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
}

function parseCommand(args: string[]): number {
  const unknown = args.find((a) => a.startsWith('-') && a !== '--expand' && a !== '--json');
  if (unknown) {
    process.stderr.write(`envls: unknown option ${unknown}\n${USAGE}\n`);
    return 2;
  }
  const files = args.filter((a) => !a.startsWith('--'));
  if (files.length !== 1) {
    process.stderr.write(`envls parse takes one FILE\n${USAGE}\n`);
    return 2;
  }
  const text = readText(files[0]);
  if (text === undefined) return 2;
  const doc = parseEnv(text);
  const parsed: Record<string, string> = {};
  for (const entry of doc.entries) parsed[entry.key] = entry.value;
  const result = args.includes('--expand') ? expandEntries(doc.entries, {}) : parsed;
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

function schemasCommand(): number {
  const store = new SchemaStore();
  for (const schema of [...store.available.values()].sort((a, b) => a.id.localeCompare(b.id))) {
    process.stdout.write(`${schema.id}\t${schema.title} (${schema.variables.length} variables)\n`);
  }
  return 0;
}

interface CheckOptions {
  format: 'text' | 'json';
  schemaIds: string[];
  schemaFiles: string[];
  settings: ValidationSettings;
  detect: boolean;
  fix: boolean;
  paths: string[];
}

function readCheckOptions(args: string[]): CheckOptions | string {
  const o: CheckOptions = { format: 'text', schemaIds: [], schemaFiles: [], settings: {}, detect: true, fix: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = () => args[++i] ?? '';
    if (arg === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json') return `unknown format "${f}"`;
      o.format = f;
    } else if (arg === '--json') o.format = 'json';
    else if (arg === '--schema') o.schemaIds.push(...value().split(',').map((s) => s.trim()).filter(Boolean));
    else if (arg === '--schema-file') o.schemaFiles.push(value());
    else if (arg === '--rules') {
      const r = value();
      if (r !== 'dotenv-linter' && r !== 'style') return `unknown rule set "${r}"`;
      o.settings.styleRules = true;
    } else if (arg === '--unknown') o.settings.unknownVariables = true;
    else if (arg === '--no-detect') o.detect = false;
    else if (arg === '--fix') o.fix = true;
    else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else o.paths.push(arg);
  }
  return o;
}

function checkCommand(args: string[]): number {
  const options = readCheckOptions(args);
  if (typeof options === 'string') {
    process.stderr.write(`envls: ${options}\n${USAGE}\n`);
    return 2;
  }
  const cwd = process.cwd();
  // Broken schema files are reported below as invalidSchema errors, with positions, not as log lines.
  const store = new SchemaStore();
  store.load(options.schemaFiles.map((f) => resolve(cwd, f)));
  const { files, missing } = findEnvFiles(options.paths, cwd);
  for (const m of missing) process.stderr.write(`envls: no such file or no match: ${m}\n`);
  let errors = 0;
  let warnings = 0;
  let unreadable = missing.length;
  const json: unknown[] = [];
  for (const [path, { text, problems }] of store.fileProblems) {
    if (problems.length === 0) continue;
    const shown = relative(cwd, path) || path;
    const diagnostics = invalidSchemaDiagnostics(text, problems);
    errors += diagnostics.length;
    if (options.format === 'json') json.push({ file: shown, schemas: [], binding: { source: 'none', certainty: 'none', reason: 'a schema file' }, diagnostics: diagnostics.map(jsonDiagnostic) });
    else for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(shown, d)}\n`);
  }
  for (const file of files) {
    let text = readText(file);
    if (text === undefined) {
      unreadable++;
      continue;
    }
    const bind = bindingInputFor(file, store, { cliIds: options.schemaIds, detect: options.detect });
    let analysis = analyze(text, bind, options.settings);
    const shown = shownPath(file, cwd, options.paths);
    if (options.fix) {
      // The same safe fixes as source.fixAll.envls, round after round until none is left.
      const fixed = fixAll(text, (doc) => analyzeDocument(doc, bind, options.settings).diagnostics);
      if (fixed.text !== text) {
        writeFileSync(file, fixed.text);
        text = fixed.text;
        analysis = analyze(text, bind, options.settings);
        if (options.format === 'text') process.stdout.write(`${shown}: fixed (${fixed.applied} fix(es) applied)\n`);
      }
    }
    const { binding, diagnostics } = analysis;
    errors += diagnostics.filter((d) => d.severity === 1).length;
    warnings += diagnostics.filter((d) => d.severity === 2).length;
    if (options.format === 'json') {
      json.push({
        file: shown,
        schemas: binding.schemas.map((s) => s.id),
        binding: { source: binding.source, certainty: binding.certainty, reason: binding.reason },
        diagnostics: diagnostics.map(jsonDiagnostic),
      });
    } else {
      const schemas = binding.schemas.length > 0 ? `schemas ${binding.schemas.map((s) => s.id).join(', ')} (${binding.source}: ${binding.reason})` : 'no schema';
      process.stdout.write(`${shown}: ${schemas}\n`);
      for (const d of diagnostics) process.stdout.write(`${formatDiagnostic(shown, d)}\n`);
    }
  }
  if (options.format === 'json') process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  else process.stdout.write(`${checkSummary(errors, warnings, files.length)}\n`);
  if (unreadable > 0) return 2;
  return errors > 0 ? 1 : 0;
}

function jsonDiagnostic(d: Diagnostic) {
  return {
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    endLine: d.range.end.line + 1,
    endColumn: d.range.end.character + 1,
    severity: SEVERITY_NAMES[d.severity ?? 1],
    code: d.code,
    message: messageText(d),
  };
}

process.exitCode = main(process.argv.slice(2));
