/**
 * Completion and hover through the built server against builtin schemas: names with their
 * documentation (completionItem/resolve), required-and-missing first, values of an enum, a
 * boolean and a secret, `${` references; hover on a key, and never a sensitive value.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

interface Item {
  label: string;
  detail?: string;
  sortText?: string;
  documentation?: { kind: string; value: string };
  labelDetails?: { description?: string };
  textEdit?: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string };
  insertTextFormat?: number;
  tags?: number[];
  data?: unknown;
}

const dir = mkdtempSync(join(tmpdir(), 'envls-completion-'));
let client: Client;

before(async () => {
  client = await startServer({ rootPath: dir });
});
after(async () => {
  await client?.stop();
});

let counter = 0;
async function open(text: string): Promise<string> {
  const uri = pathToFileURL(join(dir, `${++counter}.env`)).toString();
  await client.open(uri, text);
  return uri;
}

async function complete(uri: string, line: number, character: number): Promise<Item[]> {
  const list = await client.request<{ items: Item[] }>('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

async function hover(uri: string, line: number, character: number): Promise<string> {
  const result = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  assert.ok(result, 'a hover');
  assert.equal(result.contents.kind, 'markdown');
  return result.contents.value;
}

describe('completion', () => {
  test('names: the required ones still missing first, names already set left out, documentation on resolve', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_HOST=db\nDB_PORT=5432\n\n');
    const items = await complete(uri, 3, 0);
    const labels = items.map((i) => i.label);
    assert.deepEqual(labels.slice(0, 3), ['DB_NAME', 'DB_PASS', 'DB_USER']);
    assert.ok(items.slice(0, 3).every((i) => i.labelDetails?.description === 'required' && i.detail?.startsWith('required · ')));
    assert.ok(!labels.includes('DB_HOST') && !labels.includes('DB_PORT'), 'set elsewhere in the file');
    assert.ok(labels.includes('LOG_LEVEL') && labels.includes('OTEL_SERVICE_NAME'));
    assert.ok(!labels.includes('AUTH_AUDIENCE') || !items.find((i) => i.label === 'AUTH_AUDIENCE')!.labelDetails, 'required only when AUTH_ENABLED is true');

    const pass = items.find((i) => i.label === 'DB_PASS')!;
    assert.equal(pass.documentation, undefined, 'documentation comes with completionItem/resolve');
    const resolved = await client.request<Item>('completionItem/resolve', pass);
    assert.equal(resolved.documentation?.kind, 'markdown');
    assert.match(resolved.documentation!.value, /^\*\*DB_PASS\*\* · Neosync backend API \/ Backend API · secret · required\n/);
    assert.match(resolved.documentation!.value, /Sensitive: its value is never shown/);

    // Accepting inserts NAME= with the default as a snippet placeholder (none for a secret).
    const level = items.find((i) => i.label === 'LOG_LEVEL')!;
    assert.equal(level.insertTextFormat, 2);
    assert.equal(level.textEdit?.newText, 'LOG_LEVEL=${1:INFO}');
    assert.equal(pass.textEdit?.newText, 'DB_PASS=$0');
    const levelDoc = (await client.request<Item>('completionItem/resolve', level)).documentation!.value;
    assert.match(levelDoc, / · default `INFO`\n/);
  });

  test('names: a requirement triggered by the file\'s values moves up', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PASS=s3cure-Passw0rd-xyz\nDB_PORT=5432\nDB_USER=postgres\nAUTH_ENABLED=true\n\n');
    const items = await complete(uri, 7, 0);
    assert.equal(items[0].label, 'AUTH_AUDIENCE');
    assert.equal(items[0].labelDetails?.description, 'required');
  });

  test('names: the typed prefix is replaced, the whole word under the cursor too', async () => {
    const text = '# envls-schema: neosync/api\nLOG_LEV\n';
    const uri = await open(text);
    const items = await complete(uri, 1, 4);
    const level = items.find((i) => i.label === 'LOG_LEVEL')!;
    assert.deepEqual(level.textEdit!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 7 } });
    assert.equal(applyLspEdits(text, [level.textEdit!]), '# envls-schema: neosync/api\nLOG_LEVEL=${1:INFO}\n');
  });

  test('names: a deprecated variable is tagged and comes last', async () => {
    const uri = await open('# envls-schema: flagsmith/frontend\n\n');
    const items = await complete(uri, 1, 0);
    const deprecated = items.find((i) => i.label === 'ALLOW_SIGNUPS')!;
    assert.deepEqual(deprecated.tags, [1]);
    assert.equal(items[items.length - 1].label, 'ALLOW_SIGNUPS');
  });

  test('values: an enum\'s allowed values, the default marked', async () => {
    const text = '# envls-schema: neosync/api\nLOG_LEVEL=\n';
    const uri = await open(text);
    const items = await complete(uri, 1, 10);
    assert.deepEqual(items.map((i) => i.label), ['DEBUG', 'INFO', 'WARN', 'ERROR']);
    assert.equal(items.find((i) => i.label === 'INFO')!.detail, 'default');
    assert.equal(applyLspEdits(text, [items[2].textEdit!]), '# envls-schema: neosync/api\nLOG_LEVEL=WARN\n');
  });

  test('values: the product\'s boolean spellings (Go\'s strconv.ParseBool for Neosync\'s API)', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_SSL_DISABLE=\n');
    const items = await complete(uri, 1, 15);
    const labels = items.map((i) => i.label);
    assert.deepEqual([...labels].sort(), ['0', '1', 'F', 'FALSE', 'False', 'T', 'TRUE', 'True', 'f', 'false', 't', 'true']);
    // The canonical pair first (by sortText), the other spellings after, saying what they mean.
    assert.deepEqual(labels.slice(0, 2), ['true', 'false']);
    assert.equal(items.find((i) => i.label === 'T')!.detail, 'also read as true');
    assert.equal(items.find((i) => i.label === '0')!.detail, 'also read as false');
  });

  test('values: a secret gets a freshly generated strong value, never its default', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_PASS=\n');
    const items = await complete(uri, 1, 8);
    assert.equal(items[0].label, 'Generate a strong random value');
    assert.match(items[0].textEdit!.newText, /^[A-Za-z0-9_-]{32}$/);
    assert.equal(items.length, 1);
  });

  test('references inside ${: the file\'s variables first (secrets masked), then the schema\'s', async () => {
    const text = '# envls-schema: neosync/api\nDB_HOST=db\nDB_PASS=s3cure-Passw0rd-xyz\nDB_OPTIONS=host=${\n';
    const uri = await open(text);
    const items = await complete(uri, 3, 18);
    assert.deepEqual(items.slice(0, 2).map((i) => [i.label, i.detail]), [['DB_HOST', 'db'], ['DB_PASS', '•••••••• (hidden: sensitive)']]);
    assert.ok(!items.some((i) => i.label === 'DB_OPTIONS'), 'not the line\'s own variable');
    const schemaItem = items.find((i) => i.label === 'DB_PORT')!;
    assert.match(schemaItem.detail!, /not set in this file/);
    assert.ok(items.indexOf(schemaItem) > 1);
    assert.ok(!JSON.stringify(items).includes('s3cure-Passw0rd-xyz'));
    assert.equal(applyLspEdits(text, [items[0].textEdit!]), text.replace('host=${\n', 'host=${DB_HOST\n'));
  });
});

describe('hover', () => {
  test('on a key: description, type and allowed values, default, the value dotenv reads', async () => {
    const uri = await open('# envls-schema: neosync/api\nLOG_LEVEL=WARN\n');
    const value = await hover(uri, 1, 3);
    assert.match(value, /^\*\*LOG_LEVEL\*\* · Neosync backend API \/ Backend API · one of DEBUG, INFO, WARN or ERROR · optional · default `INFO`\n/);
    assert.match(value, /dotenv reads: `` WARN ``/);
  });

  test('on a sensitive key the value is never shown (secret, sensitive URL, legacy alias, look-alike name)', async () => {
    const password = 's3cure-Passw0rd-xyz';
    const cases: [text: string, line: number, secret: string][] = [
      [`# envls-schema: neosync/api\nDB_PASS=${password}\n`, 1, password],
      ['# envls-schema: flagsmith/api\nDATABASE_URL=postgres://flagsmith:hunter2hunter2@db:5432/flagsmith\n', 1, 'hunter2hunter2'],
      ['# envls-schema: neosync/app\nAUTH_SECRET=Zq8vN3xW1rT6yB0mK4pL7sD2fH9jC5gA\n', 1, 'Zq8vN3xW1rT6yB0mK4pL7sD2fH9jC5gA'],
      ['# envls-schema: flux\nNEXT_PUBLIC_AUTH_SECRET=Yt4kP9wE2rQ7uI1oL6aS3dF8gH0jK5zX\n', 1, 'Yt4kP9wE2rQ7uI1oL6aS3dF8gH0jK5zX'],
    ];
    for (const [text, line, secret] of cases) {
      const uri = await open(text);
      const value = await hover(uri, line, 2);
      assert.match(value, /hidden: sensitive/, value);
      assert.ok(!value.includes(secret), `hover leaks the value: ${value}`);
    }
    const alias = await hover(await open(cases[2][0]), 1, 2);
    assert.match(alias, /`AUTH_SECRET` is a legacy name of `NEXTAUTH_SECRET`/);
  });

  test('on the dead line of a duplicate: the value dotenv reads is the later line\'s', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_SSL_DISABLE=false\nDB_SSL_DISABLE=true\n');
    const value = await hover(uri, 1, 3);
    assert.match(value, /dotenv reads: `` true `` \(from line 3; this line is ignored\)/);
    assert.match(value.split('\n')[0], /^\*\*DB_SSL_DISABLE\*\* · [^\n]* · boolean \(true or false\) · /);
  });

  test('on a reference to a secret: where it is defined, the value hidden', async () => {
    const uri = await open('# envls-schema: neosync/api\nDB_PASS=s3cure-Passw0rd-xyz\nDB_OPTIONS=password=${DB_PASS}\n');
    const value = await hover(uri, 2, 23);
    assert.match(value, /Defined on line 2/);
    assert.ok(!value.includes('s3cure-Passw0rd-xyz'));
  });
});
