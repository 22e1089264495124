/**
 * Completion from the locator: the colon separator, references still being
 * typed in any value form, schema examples, renaming a key, and the LSP 3.17
 * itemDefaults list shape.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { parseEnv } from '../server/src/service/parser/parse';
import { getCompletions, resolveCompletion, type CompletionOptions } from '../server/src/service/completion';
import { SchemaSet } from '../server/src/service/schema/schemaSet';
import { positionAt } from '../server/src/service/positions';
import { makeSchema } from './support/testSchema';
import { applyLspEdits } from './support/lspEdits';

const set = new SchemaSet([
  makeSchema('test/app', [
    { name: 'LOG_LEVEL', type: 'enum', values: ['DEBUG', 'INFO'], default: 'INFO' },
    { name: 'SERVICE_URL', type: 'url', examples: ['https://api.example.com', 'http://localhost:8080'] },
    { name: 'DB_PASS', sensitive: true, examples: ['example-password'] },
    { name: 'DB_HOST', description: 'The database host' },
  ]),
]);
const ALL_DEFAULTS = ['editRange', 'insertTextFormat', 'data', 'commitCharacters'];

/** The list at `|` in text (the `|` removed). */
function complete(marked: string, options: CompletionOptions = {}): { list: CompletionList; text: string } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const doc = parseEnv(text);
  return { list: getCompletions(doc, set, positionAt(doc, offset), options), text };
}

const labels = (marked: string) => complete(marked).list.items.map((i) => i.label);

/** What accepting an item writes, whichever shape the list has. */
function accept(text: string, list: CompletionList, item: CompletionItem): string {
  const edit = item.textEdit as { range: any; newText: string } | undefined;
  const range = edit?.range ?? (list.itemDefaults!.editRange as any);
  return applyLspEdits(text, [{ range, newText: edit?.newText ?? item.textEditText ?? item.label }]);
}

test('regression: `KEY: value` (colon separator) completes values like `KEY=`', () => {
  assert.deepEqual(labels('LOG_LEVEL: |'), ['DEBUG', 'INFO']);
  assert.deepEqual(labels('export LOG_LEVEL: DE|'), ['DEBUG', 'INFO']);
  const { list, text } = complete('LOG_LEVEL: D|');
  assert.equal(accept(text, list, list.items[0]), 'LOG_LEVEL: DEBUG');
});

test('values: the whole value is replaced, inside quotes only', () => {
  const { list, text } = complete('LOG_LEVEL="DE|BUG" # note');
  assert.equal(accept(text, list, list.items[1]), 'LOG_LEVEL="INFO" # note');
  assert.deepEqual(labels('LOG_LEVEL="x"|'), [], 'after the closing quote');
  assert.deepEqual(labels('A="multi\nLOG|"'), [], 'a later line of a multi-line value is no new key');
});

test('values: the schema\'s examples are offered, never a sensitive variable\'s', () => {
  const items = complete('SERVICE_URL=|').list.items;
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['https://api.example.com', 'example'], ['http://localhost:8080', 'example']]);
  assert.deepEqual(labels('LOG_LEVEL=|'), ['DEBUG', 'INFO'], 'an example equal to an allowed value is not repeated');
  const secret = labels('DB_PASS=|');
  assert.deepEqual(secret, ['Generate a strong random value']);
  assert.deepEqual(labels('DB_PASS=typed|'), [], 'no generator item once a value is typed (its filter text would echo it)');
});

test('references being typed, in every value form', () => {
  for (const marked of ['A=${|', 'A="x ${|"', "A='${|'", 'A: ${|', 'A=${X:-${|', 'A=$|', 'A=${DB_|HOST}']) {
    const names = labels(marked);
    assert.ok(names.includes('DB_HOST'), `${marked}: ${names.join(',')}`);
    assert.ok(!names.includes('A'), `${marked}: not the entry's own name`);
  }
  const { list, text } = complete('B=1\nA=${D|_HOST}');
  const item = list.items.find((i) => i.label === 'DB_HOST')!;
  assert.equal(accept(text, list, item), 'B=1\nA=${DB_HOST}', 'the whole name under the cursor is replaced');
  assert.deepEqual(labels('A=\\${|'), [], 'escaped');
});

test('names: a new key gets NAME=, an existing key is renamed without a second =', () => {
  const fresh = complete('LOG_|');
  assert.equal(accept(fresh.text, fresh.list, fresh.list.items.find((i) => i.label === 'LOG_LEVEL')!), 'LOG_LEVEL=${1:INFO}');
  const rename = complete('LOG_|LEV=DEBUG');
  assert.equal(accept(rename.text, rename.list, rename.list.items.find((i) => i.label === 'LOG_LEVEL')!), 'LOG_LEVEL=DEBUG');
  assert.deepEqual(labels('# a comm|ent'), []);
});

test('itemDefaults: one range, format, data and commit characters for the list; items carry what differs', () => {
  const packed = complete('\n|', { uri: 'file:///w/.env', itemDefaults: ALL_DEFAULTS });
  const full = complete('\n|', { uri: 'file:///w/.env' });
  assert.deepEqual(packed.list.itemDefaults, { editRange: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, insertTextFormat: 2, data: { context: 'name', uri: 'file:///w/.env' } });
  assert.ok(packed.list.items.every((i) => i.textEdit === undefined && i.data === undefined && i.insertTextFormat === undefined));
  // Same edits either way.
  assert.deepEqual(
    packed.list.items.map((i) => accept(packed.text, packed.list, i)),
    full.list.items.map((i) => accept(full.text, full.list, i)),
  );
  assert.ok(JSON.stringify(packed.list).length < JSON.stringify(full.list).length * 0.7, 'smaller on the wire');
  // Documentation on resolve, from the shared data.
  const item = packed.list.items.find((i) => i.label === 'DB_HOST')!;
  assert.match((resolveCompletion({ ...item, data: packed.list.itemDefaults!.data }, set).documentation as any).value, /The database host/);
  // Commit characters where one fits: `}` closes a braced reference.
  assert.deepEqual(complete('A=${|', { itemDefaults: ALL_DEFAULTS }).list.itemDefaults!.commitCharacters, ['}']);
  // A client that understands only some defaults gets the rest on every item.
  const partial = complete('\n|', { uri: 'u', itemDefaults: ['editRange'] }).list;
  assert.ok(partial.items.every((i) => i.insertTextFormat === 2 && (i.data as any).uri === 'u'));
});
