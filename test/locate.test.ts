/**
 * The locator on tricky lines: `export`, quotes, multi-line values, nested
 * defaults, the `KEY: value` colon separator, comments and directives, the end
 * of a line and of the file. `|` in a case marks the cursor.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEnv } from '../server/src/service/parser/parse';
import { locate, nameAt, type Location } from '../server/src/service/locate';
import { getHover } from '../server/src/service/hover';
import { getCompletions } from '../server/src/service/completion';
import { SchemaSet } from '../server/src/service/schema/schemaSet';
import { positionAt } from '../server/src/service/positions';
import { randomEnvLines, randomEnvText, seededRandom } from './support/randomEnv';

/** The location at `|` in text (the `|` removed). */
function at(marked: string): { location: Location; text: string } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'a cursor');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { location: locate(parseEnv(text), offset), text };
}

/** A compact description: kind plus what matters of it. */
function describe(marked: string): string {
  const { location, text } = at(marked);
  const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  switch (location.kind) {
    case 'key':
    case 'export':
    case 'separator':
      return `${location.kind} ${location.entry.key}`;
    case 'value':
      return `value ${location.entry.key} [${slice(location.content)}]`;
    case 'reference':
      return `reference ${location.reference.name} ${location.part} in ${location.entry.key}`;
    case 'partialReference':
      return `partialReference [${location.typed}] [${slice(location.nameSpan)}]${location.braced ? ' braced' : ''} in ${location.entry.key}`;
    case 'comment':
      return `comment${location.directive ? ` ${location.directive}` : ''}${location.entry ? ` after ${location.entry.key}` : ''}`;
    case 'newKey':
      return `newKey [${location.typed}] [${slice(location.nameSpan)}]`;
    default:
      return 'none';
  }
}

test('keys, export, separator', () => {
  assert.equal(describe('|A=1'), 'key A');
  assert.equal(describe('AB|C=1'), 'key ABC');
  assert.equal(describe('ABC|=1'), 'key ABC', 'right after the key');
  assert.equal(describe('export| A=1'), 'export A');
  assert.equal(describe('export |A=1'), 'key A');
  assert.equal(describe('A |= 1'), 'separator A');
  assert.equal(describe('  |A=1'), 'key A', 'the key starts after the blanks');
  assert.equal(describe(' | A=1'), 'newKey [] []', 'in the leading blanks');
});

test('values: unquoted, quoted, multi-line, trailing blanks, the colon separator', () => {
  assert.equal(describe('A=|'), 'value A []');
  assert.equal(describe('A=x|'), 'value A [x]', 'end of the line');
  assert.equal(describe('A=x  |'), 'value A [x]', 'in the trailing blanks of an unquoted value');
  assert.equal(describe('A="q|uoted" # c'), 'value A [quoted]');
  assert.equal(describe('A=\'single|\''), "value A [single]");
  assert.equal(describe('A="multi\nli|ne"\nB=1'), 'value A [multi\nline]', 'a later line of a multi-line value belongs to it');
  assert.equal(describe('LOG_LEVEL: |'), 'value LOG_LEVEL []', 'KEY: value is an entry (dotenv)');
  assert.equal(describe('LOG_LEVEL: WA|'), 'value LOG_LEVEL [WA]');
  assert.equal(describe('A=x\r\nB=y|'), 'value B [y]', 'CRLF');
  assert.equal(describe('A=x # no|te'), 'comment after A');
});

test('references: innermost, name or default part, braced and not', () => {
  assert.equal(describe('A=${B|}'), 'reference B name in A');
  assert.equal(describe('A=$|B'), 'reference B name in A');
  assert.equal(describe('A=x$B|'), 'reference B name in A', 'end of the file');
  assert.equal(describe('A=${X:-${Y|}}'), 'reference Y name in A', 'the nested reference is the innermost');
  assert.equal(describe('A=${X|:-${Y}}'), 'reference X name in A');
  assert.equal(describe('A=${X:-de|f}'), 'reference X default in A');
  assert.equal(describe('A=${X:-${Y}|}'), 'reference Y name in A', 'right after the inner reference');
  assert.equal(describe('A=${X:-lit ${Y} |more}'), 'reference X default in A');
  assert.equal(describe('A="${B|}"'), 'reference B name in A', 'inside quotes');
  assert.equal(describe('export A=${B|}'), 'reference B name in A');
  assert.equal(describe('A: ${B|}'), 'reference B name in A', 'colon separator');
});

test('references still being typed', () => {
  assert.equal(describe('A=${|'), 'partialReference [] [] braced in A');
  assert.equal(describe('A=${DB|'), 'partialReference [DB] [DB] braced in A');
  assert.equal(describe('A=${D|B'), 'partialReference [D] [DB] braced in A', 'the whole name under the cursor');
  assert.equal(describe('A=$|'), 'partialReference [] [] in A');
  assert.equal(describe('A=${X:-${Y|'), 'partialReference [Y] [Y] braced in A', 'inside an unclosed default');
  assert.equal(describe('A=\\${X|'), 'value A [\\${X]', 'an escaped $ is no reference');
  assert.equal(describe('LOG_LEVEL: ${|'), 'partialReference [] [] braced in LOG_LEVEL');
});

test('comments and directives', () => {
  assert.equal(describe('# a |comment'), 'comment');
  assert.equal(describe('# envls-schema: neo|sync/api\nA=1'), 'comment schema');
  assert.equal(describe('# envls-disable-next-line unknown|Key\nA=1'), 'comment disable-next-line');
  assert.equal(describe('# envls-disable| quoteCharacter'), 'comment disable');
  assert.equal(describe('# envls-enable|'), 'comment enable');
});

test('new keys: empty lines, a name being written, the end of the file', () => {
  assert.equal(describe('A=1\n|'), 'newKey [] []', 'end of the file after a line break');
  assert.equal(describe('A=1\n|\nB=2'), 'newKey [] []', 'an empty line');
  assert.equal(describe('|'), 'newKey [] []', 'an empty file');
  assert.equal(describe('A=1\nLOG_|LEV'), 'newKey [LOG_] [LOG_LEV]', 'no separator yet: not an entry');
  assert.equal(describe('export LO|'), 'newKey [LO] [LO]');
  assert.equal(describe('  \t|'), 'newKey [] []');
  assert.equal(describe('FOO BAR|'), 'none');
  assert.equal(describe('A="x" |'), 'none', 'after a closing quote');
});

test('offsets out of range are clamped', () => {
  const doc = parseEnv('A=1');
  assert.equal(locate(doc, 99).kind, 'value');
  assert.equal(locate(doc, -5).kind, 'key');
});

test('nameAt: the variable name under the cursor and its range, for navigation', () => {
  const text = 'HOST=db\nURL=http://${HOST}/x\n';
  const doc = parseEnv(text);
  const onKey = nameAt(locate(doc, 2))!;
  assert.deepEqual([onKey.name, onKey.role, text.slice(onKey.span.start, onKey.span.end)], ['HOST', 'definition', 'HOST']);
  const onRef = nameAt(locate(doc, text.indexOf('HOST}') + 1))!;
  assert.deepEqual([onRef.name, onRef.role, text.slice(onRef.span.start, onRef.span.end)], ['HOST', 'reference', 'HOST']);
  assert.equal(nameAt(locate(doc, text.indexOf('http') + 1)), undefined);
});

test('random texts: every offset gets a location consistent with the parse, and every feature answers', () => {
  const none = new SchemaSet([]);
  for (let seed = 1; seed <= 150; seed++) {
    const random = seededRandom(seed);
    const text = seed % 2 === 0 ? randomEnvLines(random, 10) : randomEnvText(random, 40);
    const doc = parseEnv(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const location = locate(doc, offset);
      const where = `seed ${seed}, offset ${offset}: ${JSON.stringify(text)}`;
      if (location.kind === 'key') assert.ok(offset >= location.entry.keySpan.start && offset <= location.entry.keySpan.end, where);
      if (location.kind === 'reference') {
        const { span } = location.reference;
        assert.ok(offset >= span.start && offset <= span.end, where);
        assert.ok(location.entry.references.includes(location.reference), where);
      }
      if (location.kind === 'partialReference') assert.ok(location.nameSpan.start <= offset && offset <= location.nameSpan.end, where);
      const position = positionAt(doc, offset);
      getHover(doc, none, position);
      for (const item of getCompletions(doc, none, position).items) {
        const range = (item.textEdit as { range: { start: { line: number; character: number }; end: { line: number; character: number } } }).range;
        // LSP: a completion's range is on one line and holds the cursor.
        assert.equal(range.start.line, range.end.line, where);
        assert.ok(range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character, where);
      }
    }
  }
});
