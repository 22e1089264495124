/**
 * parseEnv against dotenv's own test suite (copied read-only into ../shared):
 * every fixture file and every inline case must give the values dotenv's tests
 * assert AND exactly what dotenv.parse returns for the same text, so a fixture
 * that drifted from dotenv would show up as well as a parser bug.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parseEnv } from '../server/src/service/parser/parse';
import type { Entry, EnvDocument } from '../server/src/service/parser/model';
import { sharedDir, sliceOf, valuesOf } from './support/dotenvCompare';

const base = join(sharedDir, 'conformance', 'dotenv');
const fixture = (name: string) => readFileSync(join(base, 'fixtures', name), 'utf8');
const expected = (name: string) => JSON.parse(readFileSync(join(base, 'expected', name), 'utf8'));

interface FileExpectation {
  fixture: string;
  expected: Record<string, string>;
  must_be_absent: string[];
}

interface InlineCases {
  cases: { input: string; expected: Record<string, string>; note?: string }[];
  fast_vs_classic_equivalence_inputs_no_pinned_value: string[];
  multi_file_config: { paths: string[]; expected_parsed: Record<string, string> };
}

/** parseEnv must agree with dotenv.parse on the whole object, key order included. */
function assertSameAsDotenv(text: string): EnvDocument {
  const doc = parseEnv(text);
  const ours = valuesOf(doc);
  const theirs = dotenv.parse(text);
  assert.deepStrictEqual(ours, theirs, `values differ for ${JSON.stringify(text)}`);
  assert.deepStrictEqual(Object.keys(ours), Object.keys(theirs), `key order differs for ${JSON.stringify(text)}`);
  return doc;
}

function assertFileExpectation(name: string, spec: FileExpectation): EnvDocument {
  const doc = assertSameAsDotenv(fixture(name));
  const values = valuesOf(doc);
  for (const [key, value] of Object.entries(spec.expected)) {
    assert.equal(values[key], value, `${name}: ${key}`);
  }
  for (const key of spec.must_be_absent) assert.ok(!(key in values), `${name}: ${key} must be absent`);
  return doc;
}

function entry(doc: EnvDocument, key: string): Entry {
  const found = doc.entries.find((e) => e.key === key);
  assert.ok(found, `no entry ${key}`);
  return found;
}

/** Ranges a client relies on: the key's text, quotes around quoted values, `#` opening comments. */
function assertRangesConsistent(doc: EnvDocument): void {
  for (const e of doc.entries) {
    assert.equal(sliceOf(doc.text, e.keySpan), e.key);
    if (e.quote) {
      const raw = sliceOf(doc.text, e.rawSpan);
      assert.ok(raw.startsWith(e.quote) && raw.endsWith(e.quote) && raw.length >= 2, `${e.key}: raw ${JSON.stringify(raw)}`);
    }
    if (e.commentSpan) assert.equal(doc.text[e.commentSpan.start], '#', `${e.key}: comment`);
    if (e.exportSpan) assert.equal(sliceOf(doc.text, e.exportSpan), 'export');
    assert.equal(doc.text[e.separatorSpan.start], e.separator);
  }
  for (const c of doc.comments) assert.equal(sliceOf(doc.text, c.span), `#${c.text}`);
}

test('fixtures/.env: the 40 asserted values, nothing else, same as dotenv.parse', () => {
  const spec = expected('test-parse.env.expected.json') as FileExpectation;
  const doc = assertFileExpectation('.env', spec);
  assert.equal(doc.entries.length, Object.keys(spec.expected).length);
  assert.deepStrictEqual(doc.problems, []);
});

test('fixtures/.env: ranges of keys, quotes, comments and export', () => {
  const doc = parseEnv(fixture('.env'));
  assertRangesConsistent(doc);
  const { text } = doc;
  assert.equal(sliceOf(text, entry(doc, 'INLINE_COMMENTS').commentSpan!), '# work #very #well');
  assert.equal(sliceOf(text, entry(doc, 'INLINE_COMMENTS').rawSpan), 'inline comments');
  assert.equal(sliceOf(text, entry(doc, 'INLINE_COMMENTS_SPACE').commentSpan!), '#number sign. no space required.');
  const quoted = entry(doc, 'INLINE_COMMENTS_DOUBLE_QUOTES');
  assert.equal(sliceOf(text, quoted.rawSpan), '"inline comments outside of #doublequotes"');
  assert.equal(sliceOf(text, quoted.commentSpan!), '# work');
  assert.equal(entry(doc, 'BACKTICKS_SPACED').quote, '`');
  assert.equal(sliceOf(text, entry(doc, 'EMPTY').rawSpan), '');
  assert.equal(sliceOf(text, entry(doc, 'EMPTY_DOUBLE_QUOTES').rawSpan), '""');
  const spaced = entry(doc, 'SPACED_KEY');
  assert.equal(sliceOf(text, spaced.span), 'SPACED_KEY = parsed');
  const exported = entry(doc, 'EXPORT_IS_DECLARED_WITH_SOME_VALUE_AND_SPACING');
  assert.equal(sliceOf(text, exported.span), 'export   EXPORT_IS_DECLARED_WITH_SOME_VALUE_AND_SPACING  =some_value');
  // The commented-out assignment is a comment, not an entry.
  assert.ok(doc.comments.some((c) => c.text === ' COMMENTS=work'));
  assert.equal(entry(doc, 'BASIC').line, 0);
  assert.equal(entry(doc, 'AFTER_LINE').line, 3);
});

for (const name of ['.env.multiline', '.env-multiline']) {
  test(`fixtures/${name}: multi-line values, same as dotenv.parse`, () => {
    const spec = expected('test-parse-multiline.env.multiline.expected.json') as FileExpectation;
    const doc = assertFileExpectation(name, spec);
    assertRangesConsistent(doc);
    // A line inside the PEM value that looks like `KEY=` belongs to the value.
    assert.ok(!doc.entries.some((e) => e.key.startsWith('u4QuUoobAgMBAAE')));
    const pem = entry(doc, 'MULTI_PEM_DOUBLE_QUOTED');
    const raw = sliceOf(doc.text, pem.rawSpan);
    assert.ok(raw.startsWith('"-----BEGIN PUBLIC KEY-----\n') && raw.endsWith('-----END PUBLIC KEY-----"'));
    const multi = entry(doc, 'MULTI_BACKTICKED');
    assert.equal(multi.quote, '`');
    assert.ok(doc.lineStarts.filter((s) => s > multi.rawSpan.start && s < multi.rawSpan.end).length >= 4);
  });
}

test('fixtures/.env.bom: the byte-order mark is not part of the first key', () => {
  const text = fixture('.env.bom');
  assert.equal(text.charCodeAt(0), 0xfeff);
  const doc = assertSameAsDotenv(text);
  assert.deepStrictEqual(valuesOf(doc), { BASIC: 'basic', SECOND: 'two' });
  assert.deepStrictEqual(entry(doc, 'BASIC').keySpan, { start: 1, end: 6 });
  assertRangesConsistent(doc);
});

test('fixtures/.env.local and multi-file config: the first file wins', () => {
  const cases = expected('inline-cases.json') as InlineCases;
  const { paths, expected_parsed } = cases.multi_file_config;
  const merged: Record<string, string> = {};
  for (const path of paths) {
    const name = path.replace(/^tests\//, '');
    const doc = assertSameAsDotenv(fixture(name));
    assertRangesConsistent(doc);
    for (const e of doc.entries) if (!(e.key in merged)) merged[e.key] = e.value;
  }
  for (const [key, value] of Object.entries(expected_parsed)) assert.equal(merged[key], value, key);
});

test('inline-cases.json: every pinned case', () => {
  const cases = expected('inline-cases.json') as InlineCases;
  assert.ok(cases.cases.length > 0);
  for (const c of cases.cases) {
    const doc = assertSameAsDotenv(c.input);
    assert.deepStrictEqual(valuesOf(doc), c.expected, `${JSON.stringify(c.input)} ${c.note ?? ''}`);
    assertRangesConsistent(doc);
  }
});

test('inline-cases.json: fast/classic equivalence inputs agree with both dotenv parsers', () => {
  const { fast_vs_classic_equivalence_inputs_no_pinned_value: inputs } = expected('inline-cases.json') as InlineCases;
  assert.ok(inputs.length > 0);
  for (const input of inputs) {
    const doc = assertSameAsDotenv(input);
    // dotenv documents these inputs as ones its two parsers agree on; holding all three equal keeps that claim honest.
    assert.deepStrictEqual(valuesOf(doc), dotenv.parse(input, { fast: true }), `fast parser on ${JSON.stringify(input)}`);
    assertRangesConsistent(doc);
  }
});

test('ranges on inline inputs: keys, quotes and comments', () => {
  const text = 'export A="x" # c\nB: \'y\'\r\nC=plain#tail\n';
  const doc = assertSameAsDotenv(text);
  assertRangesConsistent(doc);
  const [a, b, c] = doc.entries;
  assert.equal(sliceOf(text, a.rawSpan), '"x"');
  assert.equal(sliceOf(text, a.commentSpan!), '# c');
  assert.equal(b.separator, ':');
  assert.equal(sliceOf(text, b.rawSpan), "'y'");
  assert.equal(sliceOf(text, c.rawSpan), 'plain');
  assert.equal(sliceOf(text, c.commentSpan!), '#tail');
  assert.deepStrictEqual([a.line, b.line, c.line], [0, 1, 2]);
});
