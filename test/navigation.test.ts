/**
 * Navigation in the pure service: definition (the line dotenv keeps first),
 * references, highlights, prepareRename refusals, rename edits (forms and
 * defaults kept, bad names refused) and workspace symbols (never a value).
 * `|` in a text marks the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnv } from '../server/src/service/parser/parse';
import { positionAt } from '../server/src/service/positions';
import {
  definitionsAt,
  highlightsAt,
  isRefusal,
  isValidKey,
  prepareRenameAt,
  referencesAt,
  renameAt,
  workspaceSymbols,
  type NavDocument,
} from '../server/src/service/navigation';
import { applyLspEdits } from './support/lspEdits';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';

function marked(text: string, uri = 'file:///w/.env'): { document: NavDocument; position: Position } {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'a cursor');
  const doc = parseEnv(text.slice(0, offset) + text.slice(offset + 1));
  return { document: { uri, version: 3, doc }, position: positionAt(doc, offset) };
}

function doc(text: string, uri: string, version = 1): NavDocument {
  return { uri, version, doc: parseEnv(text) };
}

/** `line:start-end` of a single-line range. */
function short(range: Range): string {
  assert.equal(range.start.line, range.end.line);
  return `${range.start.line}:${range.start.character}-${range.end.character}`;
}

const FILE = 'A=1\nURL=http://${A}:$A/${A:-x}\nA=2\nB=${A}';

test('definition on a reference: the definition dotenv keeps (the last) first, then the earlier one', () => {
  const { document, position } = marked('A=1\nURL=http://${|A}:$A/${A:-x}\nA=2\nB=${A}');
  assert.deepEqual(definitionsAt([document], position)?.map((l) => short(l.range)), ['2:0-1', '0:0-1']);
  const unbraced = marked('A=1\nURL=http://${A}:$|A/${A:-x}\nA=2');
  assert.deepEqual(definitionsAt([unbraced.document], unbraced.position)?.map((l) => short(l.range)), ['2:0-1', '0:0-1']);
});

test('definition on a key: every definition, the kept one first; on a single key: itself', () => {
  const { document, position } = marked('|A=1\nA=2\nA=3');
  assert.deepEqual(definitionsAt([document], position)?.map((l) => short(l.range)), ['2:0-1', '0:0-1', '1:0-1']);
  const single = marked('export KE|Y: v');
  assert.deepEqual(definitionsAt([single.document], single.position)?.map((l) => short(l.range)), ['0:7-10']);
});

test('definition: none for a name the file does not define, null off a name, reaches other documents after the current', () => {
  const undefinedName = marked('B=${|HOME}');
  assert.deepEqual(definitionsAt([undefinedName.document], undefinedName.position), []);
  const onValue = marked('A=va|lue');
  assert.equal(definitionsAt([onValue.document], onValue.position), null);
  const onDefault = marked('B=${A:-de|f}');
  assert.equal(definitionsAt([onDefault.document], onDefault.position), null);
  const { document, position } = marked('B=${|A}\nA=here');
  const other = doc('X=1\nA=there\n', 'file:///w/.env.local');
  assert.deepEqual(definitionsAt([document, other], position)?.map((l) => `${l.uri} ${short(l.range)}`), [
    'file:///w/.env 1:0-1',
    'file:///w/.env.local 1:0-1',
  ]);
});

test('references: keys and references in file order, nested defaults included; includeDeclaration honoured', () => {
  const { document, position } = marked('|A=1\nURL=${B:-${A}}$A\nA=2');
  assert.deepEqual(referencesAt([document], position, true)?.map((l) => short(l.range)), ['0:0-1', '1:11-12', '1:15-16', '2:0-1']);
  assert.deepEqual(referencesAt([document], position, false)?.map((l) => short(l.range)), ['1:11-12', '1:15-16']);
  const other = doc('C=$A', 'file:///w/b.env');
  assert.deepEqual(referencesAt([document, other], position, false)?.map((l) => `${l.uri.slice(-5)} ${short(l.range)}`), [
    '/.env 1:11-12',
    '/.env 1:15-16',
    'b.env 0:3-4',
  ]);
});

test('references: comments, escaped dollars and other names are not occurrences', () => {
  const { document, position } = marked('# A=${A}\n|A=1\nB=\\$A ${AB} $A_B ${A}');
  assert.deepEqual(referencesAt([document], position, true)?.map((l) => short(l.range)), ['1:0-1', '2:19-20']);
});

test('document highlight: Write on definitions, Read on references', () => {
  const { document, position } = marked('A=1\nB=${A}|\nA=2');
  assert.deepEqual(highlightsAt(document.doc, position)?.map((h) => `${short(h.range)} ${h.kind}`), ['0:0-1 3', '1:4-5 2', '2:0-1 3']);
  const off = marked('A=1 # c|omment');
  assert.equal(highlightsAt(off.document.doc, off.position), null);
});

test('prepareRename: the name range on a key or a reference; a reason elsewhere', () => {
  const onKey = marked('export DB_|USER=app');
  assert.deepEqual(prepareRenameAt(onKey.document.doc, onKey.position), { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 14 } }, placeholder: 'DB_USER' });
  const onRef = marked('URL=${DB_USER:-x}@$DB_HO|ST');
  const ref = prepareRenameAt(onRef.document.doc, onRef.position);
  assert.ok(!isRefusal(ref));
  assert.deepEqual([short(ref.range), ref.placeholder], ['0:19-26', 'DB_HOST']);
  const refusals: [string, RegExp][] = [
    ['A=val|ue', /A value cannot be renamed/],
    ['# com|ment', /A comment cannot be renamed/],
    ['A=1 # com|ment', /A comment cannot be renamed/],
    ['A|=1', /./],
    ['A |= 1', /separator/],
    ['exp|ort A=1', /"export" is a keyword/],
    ['A=${B:-de|f}', /default text/],
    ['A=${B|', /not complete/],
    ['|', /Nothing to rename/],
  ];
  for (const [text, reason] of refusals) {
    const { document, position } = marked(text);
    const answer = prepareRenameAt(document.doc, position);
    if (text === 'A|=1') {
      assert.ok(!isRefusal(answer), 'right after a key is still on it');
      continue;
    }
    assert.ok(isRefusal(answer), `${text} refused`);
    assert.match(answer.refusal, reason, text);
  }
});

function editsOf(edit: WorkspaceEdit, uri: string): TextEdit[] {
  if (edit.documentChanges) {
    const change = edit.documentChanges.find((c) => 'textDocument' in c && c.textDocument.uri === uri);
    return change && 'edits' in change ? (change.edits as TextEdit[]) : [];
  }
  return edit.changes?.[uri] ?? [];
}

test('rename: every key and reference, forms, operators and defaults kept; exact edits', () => {
  const text = 'export A=1\nURL=${A}:$A/${A:-x}/${B:-${A}}\nA: 2\nC=\'$A\'';
  const { document, position } = marked(text.replace('export A', 'export |A'));
  const edit = renameAt([document], position, 'DB_HOST', { documentChanges: false });
  assert.ok(!isRefusal(edit));
  const edits = editsOf(edit, document.uri);
  assert.deepEqual(edits.map((e) => `${short(e.range)} ${e.newText}`), ['0:7-8 DB_HOST', '1:6-7 DB_HOST', '1:10-11 DB_HOST', '1:14-15 DB_HOST', '1:27-28 DB_HOST', '2:0-1 DB_HOST', '3:4-5 DB_HOST']);
  assert.equal(applyLspEdits(text, edits), 'export DB_HOST=1\nURL=${DB_HOST}:$DB_HOST/${DB_HOST:-x}/${B:-${DB_HOST}}\nDB_HOST: 2\nC=\'$DB_HOST\'');
});

test('rename across documents: documentChanges carry each document\'s version; changes by uri otherwise', () => {
  const { document, position } = marked('B=${|A}\nA=1');
  const other = doc('A=2\nX=1', 'file:///w/.env.local', 7);
  const untouched = doc('X=1', 'file:///w/x.env', 9);
  const versioned = renameAt([document, other, untouched], position, 'NEW', { documentChanges: true });
  assert.ok(!isRefusal(versioned));
  assert.deepEqual(versioned.documentChanges?.map((c) => 'textDocument' in c && [c.textDocument.uri, c.textDocument.version, c.edits.length]), [
    ['file:///w/.env', 3, 2],
    ['file:///w/.env.local', 7, 1],
  ]);
  const plain = renameAt([document, other], position, 'NEW', { documentChanges: false });
  assert.ok(!isRefusal(plain));
  assert.deepEqual(Object.keys(plain.changes ?? {}), ['file:///w/.env', 'file:///w/.env.local']);
});

test('rename refuses a name dotenv does not read, one a reference could not read, and one already used', () => {
  const { document, position } = marked('|A=1\nB=${A}\nC=$A\nD=${OTHER}');
  const refused: [string, RegExp][] = [
    ['', /not a name dotenv reads/],
    ['A B', /not a name dotenv reads/],
    ['A=B', /not a name dotenv reads/],
    ['ÄB', /not a name dotenv reads/],
    ['A-B', /cannot be read in \$\{A\} \(line 2\).*"-"/],
    ['B', /B is already defined \(line 2\)/],
    ['OTHER', /OTHER is already referenced \(line 4\)/],
  ];
  for (const [name, reason] of refused) {
    const answer = renameAt([document], position, name, { documentChanges: false });
    assert.ok(isRefusal(answer), `${JSON.stringify(name)} refused`);
    assert.match(answer.refusal, reason, name);
  }
  const unbraced = marked('|A=1\nC=$A');
  const dotted = renameAt([unbraced.document], unbraced.position, 'A.B', { documentChanges: false });
  assert.ok(isRefusal(dotted));
  assert.match(dotted.refusal, /cannot be read in \$A \(line 2\): without braces/);
  // Dotted names are keys dotenv reads and braced references read them.
  const braced = marked('|A=1\nC=${A}');
  const ok = renameAt([braced.document], braced.position, 'a.b', { documentChanges: false });
  assert.ok(!isRefusal(ok));
  assert.deepEqual(editsOf(ok, braced.document.uri).map((e) => e.newText), ['a.b', 'a.b']);
  assert.ok(isValidKey('A.b-9_') && !isValidKey('') && !isValidKey('a b'));
});

test('rename to the same name changes nothing', () => {
  const { document, position } = marked('|A=1\nB=$A');
  assert.deepEqual(renameAt([document], position, 'A', { documentChanges: true }), { documentChanges: [] });
});

test('workspace symbols: keys of every document matching the query, one per key and file, no value anywhere', () => {
  const secret = 'sk_live_51HbQpLkT7sEcReT';
  const documents = [
    doc(`STRIPE_SECRET_KEY=${secret}\nDB_USER=app\nDB_USER=kept\n`, 'file:///w/app/.env'),
    doc(`DATABASE_URL=postgres://u:${secret}@h/db\nPORT=1`, 'file:///w/api/.env.local'),
  ];
  const all = workspaceSymbols(documents, '');
  assert.deepEqual(all.map((s) => `${s.name} ${s.containerName} ${short(s.location.range)}`), [
    'STRIPE_SECRET_KEY .env 0:0-17',
    'DB_USER .env 2:0-7',
    'DATABASE_URL .env.local 0:0-12',
    'PORT .env.local 1:0-4',
  ]);
  assert.ok(!JSON.stringify(all).includes(secret) && !JSON.stringify(all).includes('kept'), 'no value in symbols');
  assert.deepEqual(workspaceSymbols(documents, 'db_user').map((s) => s.name), ['DB_USER']);
  assert.deepEqual(workspaceSymbols(documents, 'DaUr').map((s) => s.name), ['DATABASE_URL']);
  assert.deepEqual(workspaceSymbols(documents, 'zz'), []);
});

test('the shared sample: definition, references and rename agree', () => {
  const { document, position } = marked(FILE.replace('B=${A}', 'B=${|A}'));
  const defs = definitionsAt([document], position)!;
  const refs = referencesAt([document], position, true)!;
  const edit = renameAt([document], position, 'Z', { documentChanges: false });
  assert.ok(!isRefusal(edit));
  assert.deepEqual(new Set(defs.map((d) => short(d.range))), new Set(refs.filter((r) => r.range.start.character === 0).map((r) => short(r.range))));
  assert.equal(editsOf(edit, document.uri).length, refs.length);
});

test('positions outside the text, an empty file and CRLF line ends: no crash, sensible answers', () => {
  const empty = doc('', 'file:///w/empty.env');
  const far = { line: 99, character: 99 };
  assert.equal(definitionsAt([empty], far), null);
  assert.equal(referencesAt([empty], far, true), null);
  assert.equal(highlightsAt(empty.doc, far), null);
  assert.ok(isRefusal(prepareRenameAt(empty.doc, far)));
  assert.deepEqual(workspaceSymbols([empty], ''), []);
  const crlf = doc('A=1\r\nB=${A}\r\n', 'file:///w/crlf.env');
  assert.deepEqual(definitionsAt([crlf], { line: 1, character: 4 })?.map((l) => short(l.range)), ['0:0-1']);
  const edit = renameAt([crlf], { line: 0, character: 0 }, 'Z', { documentChanges: false });
  assert.ok(!isRefusal(edit));
  assert.deepEqual(editsOf(edit, crlf.uri).map((e) => short(e.range)), ['0:0-1', '1:4-5']);
});
