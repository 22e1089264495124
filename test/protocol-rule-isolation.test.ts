/**
 * Rule isolation end to end (issue 8, item 3): a rule that throws gives one internalError, the
 * other rules still report, and the failure is logged with its stack, never a value; once per
 * document version. The throwing rule reaches the in-process server through Runtime.extraRules
 * (testing only), and the API through checkText's testing-only extraRules option.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkText } from '../server/src/api';
import { RULES_BY_CODE } from '../server/src/service/rules/registry';
import type { Rule } from '../server/src/service/rules/rule';
import { startServer, type Client } from './support/lspClient';

const SECRET = 'hunter3-value';
const TEXT = `SECRET_TOKEN=${SECRET}\nA=1\nA=2\n`;

const throwing: Rule = {
  ...RULES_BY_CODE.get('duplicateKey')!,
  code: 'throwingTestRule',
  check: function throwingTestCheck(ctx) {
    throw new Error(`cannot handle ${ctx.doc.entries[0].value}`);
  },
};

const dir = mkdtempSync(join(tmpdir(), 'envls-rule-isolation-'));
let client: Client | undefined;
after(async () => {
  await client?.stop();
});

test('the server: one internalError, the other rules still report, the failure logged with its stack and no value, once per version', async () => {
  client = await startServer({ rootPath: dir, extraRules: [throwing] });
  const uri = pathToFileURL(join(dir, '.env')).toString();
  const published = await client.open(uri, TEXT);
  const codes = published.diagnostics.map((d) => String(d.code));
  assert.deepEqual(codes.filter((c) => c === 'internalError').length, 1);
  assert.ok(codes.includes('duplicateKey'), `the other rules still report: ${codes}`);
  const failures = () => client!.logs.filter((l) => l.includes('rule throwingTestRule failed'));
  assert.equal(failures().length, 1, client.logs.join('\n'));
  assert.match(failures()[0], /throwingTestCheck/, 'the stack is logged');
  assert.ok(!client.logs.some((l) => l.includes(SECRET)), 'no value in the log');
  // Requests on the same version reuse its analysis: nothing logged again.
  await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 0 } });
  assert.equal(failures().length, 1);
  // A new version fails again and is logged again.
  await client.change(uri, 2, `${TEXT}B=2\n`);
  assert.equal(failures().length, 2);
});

test('the API: checkText reports the internalError and the other rules, and prints the failure on stderr', () => {
  const printed: string[] = [];
  // Testing-only options, absent from the public types (dist/api.d.ts).
  const testing = { extraRules: [throwing], onRuleFailure: (line: string) => printed.push(line) };
  const problems = checkText(TEXT, testing as Parameters<typeof checkText>[1]);
  const codes = problems.map((p) => p.code);
  assert.equal(codes.filter((c) => c === 'internalError').length, 1);
  assert.ok(codes.includes('duplicateKey'));
  assert.equal(printed.length, 1);
  assert.match(printed[0], /^envls: rule throwingTestRule failed: Error: cannot handle/);
  assert.match(printed[0], /throwingTestCheck/);
  assert.ok(!printed[0].includes(SECRET));
});
