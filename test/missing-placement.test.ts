/**
 * Where missingRequired's "Add X" / "Add all" put a variable: after its section's last variable,
 * else after its schema's last variable, else at the end under a `# <Section>` header; never inside
 * a multi-line value. And the snippet each edit carries: the same text, with the cursor on the value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnose, makeSchema } from './support/testSchema';
import type { DiagnosticData } from '../server/src/service/validate';
import { parseEnv } from '../server/src/service/parser/parse';
import { applyEdits } from '../server/src/service/applyEdits';
import { offsetAt } from '../server/src/service/positions';

const schema = makeSchema('test/place', [
  { name: 'DB_HOST', required: { kind: 'always' }, section: 'Database' },
  { name: 'DB_PASS', required: { kind: 'always' }, section: 'Database', sensitive: true, default: 'never-shown' },
  { name: 'DB_PORT', section: 'Database' },
  { name: 'REDIS_URL', required: { kind: 'always' }, section: 'Cache', default: 'redis://r:6379/${DB}' },
  { name: 'API_TOKEN', required: { kind: 'always' } },
  { name: 'LOG_LEVEL', section: 'General' },
]);

type Edit = DiagnosticData['fixes'][number]['edits'][number];

function fixOf(text: string, title: string) {
  const missing = diagnose(text, [schema]).filter((d: Diagnostic) => d.code === 'missingRequired');
  const fix = missing.flatMap((d) => (d.data as DiagnosticData).fixes).find((f) => f.title === title);
  assert.ok(fix, `no "${title}"`);
  return fix;
}

function apply(text: string, edits: Edit[], textOf: (e: Edit) => string = (e) => e.newText): string {
  const doc = parseEnv(text);
  return applyEdits(text, edits.map((e) => ({ span: { start: offsetAt(doc, e.range.start), end: offsetAt(doc, e.range.end) }, newText: textOf(e) }))).text;
}

const added = (text: string, title: string) => apply(text, fixOf(text, title).edits);

/** A snippet's text with its tab stops filled by their placeholders (what the editor shows), `|` for $0. */
function expandSnippet(snippet: string): string {
  return snippet
    .replace(/\$\{(\d+):((?:\\.|[^\\}])*)\}|\$(\d+)/g, (_, n, placeholder, bare) => ((n ?? bare) === '0' ? '|' : '') + (placeholder ?? ''))
    .replace(/\\([\\$}])/g, '$1');
}

test('after the last variable of its section, never inside a multi-line value', () => {
  const text = 'DB_HOST="first\nsecond"\nLOG_LEVEL=info\nAPI_TOKEN=t\n';
  assert.equal(added(text, 'Add DB_PASS'), 'DB_HOST="first\nsecond"\nDB_PASS=\nLOG_LEVEL=info\nAPI_TOKEN=t\n');
});

test('no variable of its section: after the last variable of the same schema', () => {
  const text = 'OTHER=1\nLOG_LEVEL=info\nUNRELATED=2\n';
  assert.equal(added(text, 'Add REDIS_URL'), 'OTHER=1\nLOG_LEVEL=info\nREDIS_URL=redis://r:6379/${DB}\nUNRELATED=2\n');
});

test('after the closest variable of its section before it in the schema\'s order, rather than the section\'s last', () => {
  // One section may be a whole page (neosync/api): DB_PASS belongs after DB_HOST, not after DB_PORT.
  const text = 'DB_HOST=db\nDB_PORT=5432\nAPI_TOKEN=t\n';
  assert.equal(added(text, 'Add DB_PASS'), 'DB_HOST=db\nDB_PASS=\nDB_PORT=5432\nAPI_TOKEN=t\n');
});

test('no variable of its schema: appended under a header in the schema\'s words, after a blank line', () => {
  assert.equal(added('OTHER=1\n', 'Add REDIS_URL'), 'OTHER=1\n\n# Cache\nREDIS_URL=redis://r:6379/${DB}\n');
  assert.equal(added('OTHER=1\n\n', 'Add REDIS_URL'), 'OTHER=1\n\n# Cache\nREDIS_URL=redis://r:6379/${DB}\n', 'an existing blank line is enough');
  assert.equal(added('OTHER=1', 'Add REDIS_URL'), 'OTHER=1\n\n# Cache\nREDIS_URL=redis://r:6379/${DB}\n', 'no final line break');
  assert.equal(added('OTHER=1\r\n', 'Add REDIS_URL'), 'OTHER=1\r\n\r\n# Cache\r\nREDIS_URL=redis://r:6379/${DB}\r\n', 'the file\'s line breaks');
  assert.equal(added('', 'Add REDIS_URL'), '# Cache\nREDIS_URL=redis://r:6379/${DB}\n', 'an empty file gets no blank line first');
  assert.equal(added('OTHER=1\n', 'Add API_TOKEN'), 'OTHER=1\n\n# Test test/place\nAPI_TOKEN=\n', 'no section: the schema\'s title');
});

test('add all: one header per section, variables in schema order, sensitive defaults left empty', () => {
  assert.equal(
    added('OTHER=1\n', 'Add all 4 missing required variables'),
    'OTHER=1\n\n# Database\nDB_HOST=\nDB_PASS=\n\n# Cache\nREDIS_URL=redis://r:6379/${DB}\n\n# Test test/place\nAPI_TOKEN=\n',
  );
  // Mixed: DB_PASS beside DB_HOST, the others after the schema's last variable.
  assert.equal(
    added('DB_HOST=db\nOTHER=1\n', 'Add all 3 missing required variables'),
    'DB_HOST=db\nDB_PASS=\nREDIS_URL=redis://r:6379/${DB}\nAPI_TOKEN=\nOTHER=1\n',
  );
});

test('each edit carries a snippet: the same text, the cursor on the (last) added value', () => {
  for (const [text, title] of [
    ['OTHER=1\n', 'Add REDIS_URL'],
    ['OTHER=1', 'Add API_TOKEN'],
    ['DB_HOST=db\nOTHER=1\n', 'Add all 3 missing required variables'],
    ['OTHER=1\r\n', 'Add all 4 missing required variables'],
  ] as const) {
    const { edits } = fixOf(text, title);
    assert.ok(edits.every((e) => e.snippet !== undefined), `${title}: every edit has a snippet`);
    const shown = apply(text, edits, (e) => expandSnippet(e.snippet!));
    assert.equal(shown.replace('|', ''), added(text, title), `${title}: the snippet inserts the same text`);
    assert.equal(shown.split('|').length, 2, `${title}: one final cursor`);
  }
  const one = fixOf('OTHER=1\n', 'Add REDIS_URL').edits[0].snippet;
  assert.equal(one, '\n# Cache\nREDIS_URL=${0:redis://r:6379/\\${DB\\}}\n', 'the default is selected, ready to overwrite');
  assert.match(fixOf('OTHER=1\n', 'Add API_TOKEN').edits[0].snippet!, /API_TOKEN=\$0\n$/);
  const all = fixOf('OTHER=1\n', 'Add all 4 missing required variables').edits[0].snippet!;
  assert.deepEqual([...all.matchAll(/\$\{?(\d)/g)].map((m) => m[1]), ['1', '2', '3', '0'], 'Tab walks through the new values');
});
