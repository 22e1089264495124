/**
 * `envls check` in pipelines: SARIF 2.1.0 (validated against the official JSON schema),
 * GitHub annotations, the stable JSON, --quiet, --max-warnings, colour, and no secret
 * value in any format.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Ajv from 'ajv-draft-04';
import { REPO_ROOT } from './support/lspClient';
import { ALL_RULES } from '../server/src/service/rules/registry';
import { ruleDocsUrl } from '../server/src/service/rules/docs';
import { escapeData, escapeProperty } from '../server/src/cli/formats/github';

const CLI = resolve(REPO_ROOT, 'dist/cli.js');

function envls(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SECRETS = ['hunter2pw', 's3cr3tPassw0rd', 'quoted secret Zq9', 'tok_live_abc123', 'redispw77', 'sk_live_51Hx'];

/** A folder with errors, warnings and secrets (in URLs, by name, quoted, duplicated). */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'envls-formats-'));
  writeFileSync(join(dir, '.env'), [
    '# envls-schema: neosync/api',
    'DATABASE_URL=postgres://app:hunter2pw@db/app',
    'DB_PASS=s3cr3tPassw0rd',
    'DB_PASS=s3cr3tPassw0rd2',
    'AUTH_CLIENT_SECRET="quoted secret Zq9"',
    'LOG_LEVEL=verbose',
    'API_TOKEN=tok_live_abc123 ',
    'REDIS_URL=redis://:redispw77@cache:6379',
    'stripe_secret_key = sk_live_51Hx',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'warn only.env'), 'A=1\nA=2\nB=${MISSING}\n');
  return dir;
}

const sarifSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));

/**
 * The schema's validator. Its formats are checked with the WHATWG URL parser (a URI reference
 * resolved against a base; no blank); `unicodeRegExp: false` because one of the schema's own
 * patterns (`language`) is not a valid regular expression in unicode mode.
 */
function sarifValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const parses = (text: string, base?: string) => {
    try {
      new URL(text, base);
      return !/\s/.test(text);
    } catch {
      return false;
    }
  };
  ajv.addFormat('uri', (text: string) => parses(text));
  ajv.addFormat('uri-reference', (text: string) => parses(text, 'file:///root/'));
  ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
  return ajv.compile(sarifSchema);
}

test('--format sarif is valid SARIF 2.1.0, with every rule, help URIs and regions', () => {
  const dir = project();
  const run = envls(['check', '--format', 'sarif', '--rules', 'dotenv-linter'], dir);
  assert.equal(run.code, 1, run.stderr);
  const log = JSON.parse(run.stdout);
  const validate = sarifValidator();
  const valid: boolean = validate(log);
  assert.ok(valid, JSON.stringify(validate.errors, null, 2));
  assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: {} }] }] }), false, 'the validator does reject a broken log');
  assert.equal(log.version, '2.1.0');
  const [sarifRun] = log.runs;
  const rules = sarifRun.tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
  for (const rule of ALL_RULES) {
    const declared = rules.find((r) => r.id === rule.code);
    assert.ok(declared, rule.code);
    assert.equal(declared.helpUri, ruleDocsUrl(rule.code));
    assert.equal(declared.shortDescription.text, rule.description);
  }
  const results = sarifRun.results as { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
  for (const result of results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
  const invalid = results.find((r) => r.ruleId === 'invalidValue')!;
  assert.equal(invalid.level, 'error');
  assert.deepEqual(invalid.locations[0].physicalLocation.artifactLocation, { uri: '.env', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(invalid.locations[0].physicalLocation.region, { startLine: 6, startColumn: 11, endLine: 6, endColumn: 18 });
  const duplicate = results.find((r) => r.ruleId === 'duplicateKey' && r.locations[0].physicalLocation.artifactLocation.uri === 'warn%20only.env');
  assert.equal(duplicate?.level, 'warning', 'a path with a space is a valid URI reference');
});

test('no secret value appears in any output format', () => {
  const dir = project();
  for (const format of ['text', 'json', 'sarif', 'github']) {
    const run = envls(['check', '--format', format, '--rules', 'dotenv-linter', '--unknown'], dir);
    assert.ok(run.stdout.length > 200, format);
    for (const secret of SECRETS) assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), `${format} shows ${secret}`);
  }
});

test('--format github prints workflow commands, escaped as GitHub reads them', () => {
  const dir = project();
  const run = envls(['check', '--format', 'github'], dir);
  const lines = run.stdout.trim().split('\n');
  assert.ok(lines.every((line) => /^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=envls\(\w+\)::\S/.test(line)), run.stdout);
  assert.ok(lines.includes('::error file=.env,line=6,col=11,endLine=6,endColumn=18,title=envls(invalidValue)::LOG_LEVEL must be one of DEBUG, INFO, WARN or ERROR; "verbose" is not.'), run.stdout);
  assert.ok(lines.some((line) => line.startsWith('::warning file=warn only.env,line=1,col=1,')), 'warnings are warnings');
  assert.equal(escapeData('50% done\r\nnext'), '50%25 done%0D%0Anext');
  assert.equal(escapeProperty('a:b,c%\n'), 'a%3Ab%2Cc%25%0A');
});

test('--format json keeps its documented shape', () => {
  const dir = project();
  const reports = JSON.parse(envls(['check', '--format', 'json'], dir).stdout);
  assert.deepEqual(reports.map((r: { file: string }) => r.file), ['.env', 'warn only.env']);
  const [env] = reports;
  assert.deepEqual(Object.keys(env), ['file', 'schemas', 'binding', 'sources', 'diagnostics']);
  assert.deepEqual(Object.keys(env.binding), ['source', 'certainty', 'reason']);
  assert.deepEqual(env.diagnostics.find((d: { code: string }) => d.code === 'invalidValue'), {
    line: 6, column: 11, endLine: 6, endColumn: 18, severity: 'error', code: 'invalidValue',
    message: 'LOG_LEVEL must be one of DEBUG, INFO, WARN or ERROR; "verbose" is not.',
  });
});

test('--quiet reports errors only; --max-warnings N fails above N warnings, as ESLint does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-formats-'));
  writeFileSync(join(dir, '.env'), 'A=1\nA=2\nB=1\nB=2\n');
  const plain = envls(['check'], dir);
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /warning duplicateKey/);
  const quiet = envls(['check', '--quiet'], dir);
  assert.equal(quiet.code, 0);
  assert.doesNotMatch(quiet.stdout, /duplicateKey/);
  assert.match(quiet.stdout, /^0 errors, 2 warnings in 1 file$/m);
  assert.equal(envls(['check', '--max-warnings', '2'], dir).code, 0);
  const over = envls(['check', '--max-warnings', '1', '--quiet'], dir);
  assert.equal(over.code, 1, 'warnings count even when --quiet hides them');
  assert.match(over.stderr, /2 warning\(s\), more than --max-warnings 1/);
  assert.equal(envls(['check', '--max-warnings', 'many'], dir).code, 2);
});

test('colour: off in pipes and with NO_COLOR or --no-color, on with --color', () => {
  const dir = mkdtempSync(join(tmpdir(), 'envls-formats-'));
  writeFileSync(join(dir, '.env'), 'A=1\nA=2\n');
  const ESC = '\u001b[';
  assert.ok(!envls(['check'], dir).stdout.includes(ESC), 'not a terminal');
  assert.ok(envls(['check', '--color'], dir).stdout.includes(`${ESC}33mwarning`));
  assert.ok(!envls(['check', '--color', '--no-color'], dir).stdout.includes(ESC));
  assert.ok(!envls(['check', '--format', 'json', '--color'], dir).stdout.includes(ESC), 'machine formats never colour');
});

test('on a terminal: colour and a per-file summary (through script(1), when present)', (t) => {
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('script(1) from util-linux is not installed');
  const dir = project();
  const command = (env: string) => `${env} ${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check`;
  const tty = spawnSync('script', ['-qec', command(''), '/dev/null'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  assert.match(tty.stdout, /\u001b\[31m\d+ error\(s\)\s*\u001b\[39m \u001b\[\d+m\d+ warning\(s\)\s*\u001b\[\d+m \.env/);
  assert.match(tty.stdout, /warn only\.env\r?\n/);
  const noColor = spawnSync('script', ['-qec', command('NO_COLOR=1'), '/dev/null'], { cwd: dir, encoding: 'utf8' });
  assert.ok(!noColor.stdout.includes('\u001b['), 'NO_COLOR is honoured on a terminal');
  assert.match(noColor.stdout, /\d+ error\(s\)\s+\d+ warning\(s\)\s+\.env/);

  // A long run shows its progress on the terminal's stderr, then erases it.
  const many = mkdtempSync(join(tmpdir(), 'envls-formats-'));
  for (let i = 0; i < 250; i++) writeFileSync(join(many, `${i}.env`), 'A=1\n');
  const long = spawnSync('script', ['-qec', command(''), '/dev/null'], { cwd: many, encoding: 'utf8' });
  assert.match(long.stdout, /\r\u001b\[Kenvls: checked 250\/250 files\r\u001b\[K/);
  assert.doesNotMatch(envls(['check'], many).stderr, /checked/, 'never in a pipe');
});

test('every flag of check, diff and sync is in --help and in the README', () => {
  const help = envls(['--help'], REPO_ROOT).stdout;
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const flagsOf = (file: string) => readFileSync(join(REPO_ROOT, 'server/src/cli', file), 'utf8').match(/'--[a-z-]+'/g)!.map((f) => f.slice(1, -1));
  const flags = [...flagsOf('args.ts'), ...flagsOf('diffCommand.ts'), ...flagsOf('syncCommand.ts')];
  assert.ok(flags.length >= 18);
  for (const command of ['envls diff', 'envls sync']) {
    assert.ok(help.includes(command), `--help lacks ${command}`);
    assert.ok(readme.includes(command), `README lacks ${command}`);
  }
  for (const flag of new Set(flags)) {
    assert.ok(help.includes(flag), `--help lacks ${flag}`);
    assert.ok(readme.includes(flag), `README lacks ${flag}`);
  }
  for (const code of ['0', '1', '2']) assert.match(help, new RegExp(`^  ${code}  `, 'm'));
});
