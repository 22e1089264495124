/**
 * envls on the command line: argument handling and output around the public API
 * (./api, which dist/cli.js loads from dist/api.js, so both share one copy of the engine).
 * `envls --help` (cli/usage.ts) lists every command, flag and exit code.
 */
import { readFileSync } from 'node:fs';
import { check, checkWithCode, composeRefusals, parse, rules, schemas, version, type CheckResult } from './api';
import { readCheckArgs, type CheckArgs } from './cli/args';
import { paint, wantsColor } from './cli/color';
import { writeGithub } from './cli/formats/github';
import { writeJson } from './cli/formats/json';
import { writeSarif } from './cli/formats/sarif';
import { writeText } from './cli/formats/text';
import { Output } from './cli/output';
import { progressOn } from './cli/progress';
import { USAGE } from './cli/usage';
import { diffCommand } from './cli/diffCommand';
import { syncCommand } from './cli/syncCommand';
import { usageCommand } from './cli/usageCommand';

function main(argv: string[], out: Output): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out.line(USAGE);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    out.line(version);
    return 0;
  }
  if (command === 'parse') return parseCommand(rest, out);
  if (command === 'check') return checkCommand(rest, out);
  if (command === 'diff') return diffCommand(rest, out, usageError);
  if (command === 'sync') return syncCommand(rest, out, usageError);
  if (command === 'usage') return usageCommand(rest, out, usageError);
  if (command === 'rules') return rulesCommand(rest, out);
  if (command === 'schemas') return schemasCommand(rest, out);
  return usageError(`unknown command "${command}"`);
}

function usageError(message: string): number {
  process.stderr.write(`envls: ${message}\n${USAGE}\n`);
  return 2;
}

function parseCommand(args: string[], out: Output): number {
  const files: string[] = [];
  let expand = false;
  let dialect: 'dotenv' | 'compose' = 'dotenv';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--expand') expand = true;
    else if (arg === '--dialect') {
      const value = args[++i];
      if (value !== 'dotenv' && value !== 'compose') return usageError('--dialect takes dotenv or compose');
      dialect = value;
    }
    else if (arg === '--json') continue; // the output is always JSON; accepted for symmetry with check
    else if (arg.startsWith('-') && arg !== '-') return usageError(`unknown option ${arg} for parse`);
    else files.push(arg);
  }
  if (files.length !== 1) return usageError('parse takes one FILE');
  let text: string;
  try {
    text = readFileSync(files[0], 'utf8');
  } catch (error) {
    process.stderr.write(`envls: cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return 2;
  }
  out.line(JSON.stringify(parse(text, { expand, dialect }), null, 2));
  if (dialect !== 'compose') return 0;
  const refusals = composeRefusals(text);
  for (const refusal of refusals) process.stderr.write(`${files[0]}:${refusal.line}: ${refusal.message}\n`);
  return refusals.length > 0 ? 1 : 0;
}

function rulesCommand(args: string[], out: Output): number {
  const unknown = args.find((arg) => arg !== '--json');
  if (unknown) return usageError(`unknown argument ${unknown} for rules`);
  const list = rules();
  if (args.includes('--json')) out.line(JSON.stringify(list, null, 2));
  else for (const rule of list) out.line([rule.code, rule.defaultSeverity, rule.group, rule.description, rule.docsUrl].join('\t'));
  return 0;
}

function schemasCommand(args: string[], out: Output): number {
  if (args.length > 0) return usageError(`unknown argument ${args[0]} for schemas`);
  for (const schema of schemas()) out.line(`${schema.id}\t${schema.title} (${schema.variables} variables)${schema.catalog ? '\tcatalog' : ''}`);
  return 0;
}

function checkCommand(args: string[], out: Output): number | Promise<number> {
  const options = readCheckArgs(args);
  if (typeof options === 'string') return usageError(options);
  const progress = progressOn(process.stderr, process.stderr.isTTY === true);
  const checkOptions = {
    schemas: options.schemaIds,
    schemaFiles: options.schemaFiles,
    styleRules: options.styleRules,
    unknownVariables: options.unknownVariables,
    detect: options.detect,
    fix: options.fix,
    project: options.project,
    onFile: progress.update,
  };
  // --code reads the code (asynchronously: the parsers load on first use).
  if (options.code) return checkWithCode(options.paths, checkOptions).then((result) => report(result, options, out, progress));
  return report(check(options.paths, checkOptions), options, out, progress);
}

function report(result: CheckResult, options: CheckArgs, out: Output, progress: { end(): void }): number {
  progress.end();
  for (const m of result.missing) process.stderr.write(`envls: no such file or no match: ${m}\n`);
  for (const u of result.unreadable) process.stderr.write(`envls: cannot read ${u.file}: ${u.reason}\n`);
  const { quiet } = options;
  if (options.format === 'json') writeJson(out, result, quiet);
  else if (options.format === 'sarif') writeSarif(out, result, rules(), version, quiet);
  else if (options.format === 'github') writeGithub(out, result, quiet);
  else {
    const terminal = process.stdout.isTTY === true;
    writeText(out, result, { quiet, paint: paint(wantsColor(options.color, process.env, terminal)), fileSummary: terminal });
  }
  const tooManyWarnings = options.maxWarnings !== undefined && result.warningCount > options.maxWarnings;
  if (tooManyWarnings) process.stderr.write(`envls: ${result.warningCount} warning(s), more than --max-warnings ${options.maxWarnings}\n`);
  if (result.missing.length > 0 || result.unreadable.length > 0) return 2;
  return result.errorCount > 0 || tooManyWarnings ? 1 : 0;
}

const out = new Output(process.stdout);
const exitCode = main(process.argv.slice(2), out);
if (typeof exitCode === 'number') {
  process.exitCode = exitCode;
  out.flush();
} else {
  // `usage` scans asynchronously (it reads code files and loads parsers).
  void exitCode.then((code) => {
    process.exitCode = code;
    out.flush();
  });
}
