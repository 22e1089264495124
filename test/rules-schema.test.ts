import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { codes, diagnose, makeSchema } from './support/testSchema';
import type { DiagnosticData } from '../server/src/service/validate';
import { parseEnv } from '../server/src/service/parser/parse';
import { applyEdits } from '../server/src/service/applyEdits';
import { offsetAt } from '../server/src/service/positions';

const api = makeSchema('test/api', [
  { name: 'DB_HOST', required: { kind: 'always' }, section: 'Database' },
  { name: 'DB_PORT', type: 'port', default: '5432', section: 'Database' },
  { name: 'AUTH_ENABLED', type: 'boolean', boolean: 'go', default: 'false' },
  { name: 'AUTH_AUDIENCE', required: { kind: 'when', when: [{ variable: 'AUTH_ENABLED', truthy: true }], reason: 'Required if AUTH_ENABLED is true' } },
  { name: 'DATABASE_PART', required: { kind: 'always', alternatives: [['DATABASE_URL']] } },
  { name: 'DATABASE_URL', type: 'url', schemes: ['postgres', 'postgresql'] },
  { name: 'AUTH_SECRET', type: 'secret', sensitive: true, aliases: ['NEXTAUTH_SECRET'], constraints: { minLength: 32 }, placeholders: ['changeme'], mustDifferFrom: ['OTHER_SECRET'] },
  { name: 'OTHER_SECRET', type: 'secret', sensitive: true },
  { name: 'LOG_LEVEL', type: 'enum', values: ['DEBUG', 'INFO', 'WARN', 'ERROR'] },
  { name: 'API_BASE', type: 'url', constraints: { suffix: '/api', message: 'The API lives under /api.' } },
  { name: 'PUBLIC_URL', type: 'url', constraints: { noTrailingSlash: true } },
  { name: 'ALLOW_SIGNUPS', type: 'boolean', boolean: 'django', deprecated: { replacement: 'PREVENT_SIGNUP', renameSafe: false, inverted: true, message: 'Replaced by PREVENT_SIGNUP, with the opposite meaning.' } },
  { name: 'PREVENT_SIGNUP', type: 'boolean', boolean: 'django' },
  { name: 'OLD_NAME', deprecated: { replacement: 'NEW_NAME', renameSafe: true, message: 'Renamed.' } },
  { name: 'NEW_NAME' },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', insecureValues: ['0'], insecureMessage: 'TLS verification is switched off.' },
], [{ name: 'API_BASE_URL', meant: 'API_BASE', message: 'looks like API_BASE, which is what the product reads.' }]);

const base = 'DB_HOST=db\nDATABASE_URL=postgres://x\n';

function fixedText(text: string, diagnostic: Diagnostic, title?: string): string {
  const doc = parseEnv(text);
  const data = diagnostic.data as DiagnosticData;
  const fix = title ? data.fixes.find((f) => f.title === title) : data.fixes[0];
  assert.ok(fix, `fix ${title ?? '(first)'} exists among ${data.fixes.map((f) => f.title).join(' | ')}`);
  return applyEdits(text, fix.edits.map((e) => ({ span: { start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end) }, newText: e.newText }))).text;
}

test('missingRequired: always, conditional, alternatives', () => {
  assert.deepEqual(codes(diagnose('DATABASE_URL=postgres://x\n', [api]), 'missingRequired'), [[0, 'missingRequired']]);
  assert.deepEqual(codes(diagnose(base, [api]), 'missingRequired'), []);
  const cond = diagnose(`${base}AUTH_ENABLED=true\n`, [api]).filter((d) => d.code === 'missingRequired');
  assert.equal(cond.length, 1);
  assert.match(String(cond[0].message), /AUTH_AUDIENCE.*Required if AUTH_ENABLED is true/);
  assert.deepEqual(codes(diagnose(`${base}AUTH_ENABLED=false\n`, [api]), 'missingRequired'), []);
  // Alternatives: DATABASE_URL stands in for DATABASE_PART.
  assert.deepEqual(codes(diagnose('DB_HOST=db\n', [api]), 'missingRequired'), [[0, 'missingRequired']]);
});

test('missingRequired sits on the # envls-schema comment when given, and its fixes add the variables', () => {
  const text = '# envls-schema: test/api\nDB_PORT=5432\n';
  const { validate } = require('../server/src/service/validate') as typeof import('../server/src/service/validate');
  const doc = parseEnv(text);
  const diagnostics = validate({ doc, schemas: [api], anchor: doc.comments[0].span, certainty: 'explicit' }).filter((d) => d.code === 'missingRequired');
  assert.equal(diagnostics.length, 2);
  assert.equal(diagnostics[0].range.start.line, 0);
  const host = diagnostics.find((d) => String(d.message).startsWith('DB_HOST'))!;
  assert.equal(fixedText(text, host, 'Add DB_HOST'), '# envls-schema: test/api\nDB_PORT=5432\nDB_HOST=\n', 'placed after its section');
  assert.equal(fixedText(text, host, 'Add all 2 missing required variables'), '# envls-schema: test/api\nDB_PORT=5432\nDB_HOST=\nDATABASE_PART=\n');
});

test('missingRequired needs certainty: a weak detection does not report it', () => {
  const { validate } = require('../server/src/service/validate') as typeof import('../server/src/service/validate');
  const diagnostics = validate({ doc: parseEnv('LOG_LEVEL=INFO\n'), schemas: [api], certainty: 'weak' });
  assert.deepEqual(codes(diagnostics, 'missingRequired'), []);
});

test('missingRequired on a detected binding: a file that sets none of the unconditional requirements is a fragment', () => {
  const { validate } = require('../server/src/service/validate') as typeof import('../server/src/service/validate');
  const check = (text: string, certainty: 'explicit' | 'confident') => codes(validate({ doc: parseEnv(text), schemas: [api], certainty }), 'missingRequired');
  // An auth overlay (like Neosync's compose.auth.yml block of the API): the database settings live in the base file.
  const overlay = 'AUTH_ENABLED=true\nAUTH_AUDIENCE=neosync\n';
  assert.deepEqual(check(overlay, 'confident'), []);
  assert.deepEqual(check(overlay, 'explicit'), [[0, 'missingRequired'], [0, 'missingRequired']], 'an explicit binding still reports DB_HOST and DATABASE_PART');
  // Requirements the file's own values trigger are reported in a fragment too.
  const triggered = validate({ doc: parseEnv('AUTH_ENABLED=true\n'), schemas: [api], certainty: 'confident' }).filter((d) => d.code === 'missingRequired');
  assert.deepEqual(triggered.map((d) => String(d.message).split(' ')[0]), ['AUTH_AUDIENCE']);
  // Once the file sets one unconditional requirement (or an alternative of one), the others are expected here too.
  assert.deepEqual(check('DB_HOST=db\n', 'confident'), [[0, 'missingRequired']]);
  assert.deepEqual(check('DATABASE_URL=postgres://x\n', 'confident'), [[0, 'missingRequired']]);
  assert.deepEqual(check(base, 'confident'), []);
});

test('aliasConflict names the winner and whether values differ; fixes remove or move', () => {
  const text = `${base}AUTH_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\nNEXTAUTH_SECRET=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n`;
  const [d] = diagnose(text, [api]).filter((x) => x.code === 'aliasConflict');
  assert.match(String(d.message), /reads AUTH_SECRET, so NEXTAUTH_SECRET is ignored\. The values differ\./);
  assert.doesNotMatch(String(d.message), /aaaa|bbbb/, 'no secret values in messages');
  assert.equal(d.range.start.line, 3);
  assert.equal(fixedText(text, d, 'Remove NEXTAUTH_SECRET (keep AUTH_SECRET)'), `${base}AUTH_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n`);
  assert.equal(fixedText(text, d, "Move NEXTAUTH_SECRET's value to AUTH_SECRET and remove NEXTAUTH_SECRET"), `${base}AUTH_SECRET=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n`);
});

test('legacyName: alias alone, renamed by its fix', () => {
  const text = `${base}NEXTAUTH_SECRET=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n`;
  const [d] = diagnose(text, [api]).filter((x) => x.code === 'legacyName');
  assert.match(String(d.message), /legacy name for AUTH_SECRET/);
  assert.equal(fixedText(text, d), `${base}AUTH_SECRET=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n`);
});

test('deprecatedVariable: rename when safe, inverted replacement otherwise', () => {
  const renamed = `${base}OLD_NAME=x\n`;
  const [d1] = diagnose(renamed, [api]).filter((x) => x.code === 'deprecatedVariable');
  assert.equal(fixedText(renamed, d1), `${base}NEW_NAME=x\n`);
  const inverted = `${base}ALLOW_SIGNUPS=yes\n`;
  const [d2] = diagnose(inverted, [api]).filter((x) => x.code === 'deprecatedVariable');
  assert.match(String(d2.message), /opposite meaning.*not a plain rename/);
  assert.equal(fixedText(inverted, d2), `${base}PREVENT_SIGNUP=false\n`);
});

test('invalidValue: enum, boolean, port, url scheme, suffix, trailing slash; fixes', () => {
  const text = `${base}LOG_LEVEL=verbose\nAUTH_ENABLED=yes\nDB_PORT=99999\nAPI_BASE=https://flux.example.com\nPUBLIC_URL=https://x.example.com/\n`;
  const found = diagnose(text, [api]).filter((x) => x.code === 'invalidValue');
  assert.deepEqual(found.map((d) => d.range.start.line), [2, 3, 4, 5, 6]);
  assert.equal(fixedText(text, found[0], 'Change to INFO'), text.replace('LOG_LEVEL=verbose', 'LOG_LEVEL=INFO'));
  assert.equal(fixedText(text, found[3]), text.replace('https://flux.example.com', 'https://flux.example.com/api'));
  assert.equal(fixedText(text, found[4]), text.replace('https://x.example.com/', 'https://x.example.com'));
  assert.deepEqual(codes(diagnose(`${base}DATABASE_URL=mysql://x\n`, [api]), 'invalidValue'), [[2, 'invalidValue']]);
  assert.deepEqual(codes(diagnose(`${base}LOG_LEVEL=\${LEVEL}\nLEVEL=x\n`, [api]), 'invalidValue'), [], 'values with references are not judged');
});

test('unknownVariable: typos and look-alikes warned, other unknown names quiet unless opted in', () => {
  const text = `${base}DB_HSOT=x\nAPI_BASE_URL=https://x/api\nMY_APP_FLAG=1\n`;
  const found = diagnose(text, [api]).filter((x) => x.code === 'unknownVariable');
  assert.deepEqual(found.map((d) => d.range.start.line), [2, 3]);
  assert.match(String(found[0].message), /Did you mean DB_HOST\?/);
  assert.equal(fixedText(text, found[0]), text.replace('DB_HSOT', 'DB_HOST'));
  assert.equal(fixedText(text, found[1]), text.replace('API_BASE_URL', 'API_BASE'));
  const all = diagnose(text, [api], { unknownVariables: true }).filter((x) => x.code === 'unknownVariable');
  assert.deepEqual(all.map((d) => d.range.start.line), [2, 3, 4]);
});

test('insecureValue: TLS off, short, placeholder, reused, exposed to the browser; generate fix', () => {
  const text = `${base}NODE_TLS_REJECT_UNAUTHORIZED=0\nAUTH_SECRET=short\nNEXT_PUBLIC_AUTH_SECRET=x\n`;
  const found = diagnose(text, [api]).filter((x) => x.code === 'insecureValue');
  assert.deepEqual(found.map((d) => d.range.start.line), [2, 3, 4]);
  assert.doesNotMatch(found.map((d) => String(d.message)).join(' '), /short\b.*short/);
  const fixed = fixedText(text, found[1]);
  const secret = /AUTH_SECRET=(.*)\n/.exec(fixed)![1];
  assert.ok(secret.length >= 32 && /^[A-Za-z0-9_-]+$/.test(secret), 'a strong, dotenv-safe value');
  assert.deepEqual(codes(diagnose(`${base}AUTH_SECRET=changeme\n`, [api]), 'insecureValue'), [[2, 'insecureValue']]);
  const same = 'x'.repeat(40);
  assert.deepEqual(codes(diagnose(`${base}OTHER_SECRET=${same}\nAUTH_SECRET=${same}\n`, [api]), 'insecureValue'), [[3, 'insecureValue']]);
});

test('schema rules stay silent without a schema', () => {
  const text = 'DB_HSOT=x\nLOG_LEVEL=verbose\nNEXTAUTH_SECRET=a\n';
  assert.deepEqual(diagnose(text).map((d) => d.code), []);
});

test('invalidValue on a sensitive JSON value never quotes the value, not even a fragment', () => {
  const schema = makeSchema('test/json', [{ name: 'CLIENT_SECRETS', type: 'json', sensitive: true }]);
  const [d] = diagnose('CLIENT_SECRETS={"cli":hunter2-secret}\n', [schema]).filter((x) => x.code === 'invalidValue');
  assert.match(String(d.message), /must be valid JSON/);
  assert.doesNotMatch(String(d.message), /hunter2/);
});
