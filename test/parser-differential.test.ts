/**
 * parseEnv against dotenv.parse on random texts, plus properties of the model
 * that hold for any input. Each run checks a fixed seed range (the same texts
 * every time) and a range starting at a seed taken from the clock (new texts
 * every run); the run seed is in the test name, and ENVLS_FUZZ_SEED=<seed>
 * replays it. Every disagreement ever found belongs in
 * test/fixtures/parser-regressions.json, which is checked first.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import dotenv from 'dotenv';
import { parseEnv } from '../server/src/service/parser/parse';
import { lineOfOffset } from '../server/src/service/parser/lines';
import type { EnvDocument, Span } from '../server/src/service/parser/model';
import { randomEnvLines, randomEnvText, seededRandom } from './support/randomEnv';
import { repoRoot, sliceOf, valuesOf } from './support/dotenvCompare';

const FIXED_SEEDS = 10_000;
const RUN_SEEDS = 10_000;
const runSeed = process.env.ENVLS_FUZZ_SEED !== undefined ? Number(process.env.ENVLS_FUZZ_SEED) >>> 0 : Date.now() % 2 ** 31;

interface Regression {
  input: string;
  expected: Record<string, string>;
  note: string;
}

const regressions: Regression[] = JSON.parse(
  readFileSync(join(repoRoot, 'test', 'fixtures', 'parser-regressions.json'), 'utf8'),
).cases;

/** The same seed always gives the same text; both generators get half of the seeds. */
function textForSeed(seed: number): string {
  const random = seededRandom(seed);
  return seed % 2 === 0 ? randomEnvLines(random, 10) : randomEnvText(random, 40);
}

/** Key/value pairs in object order, so that order is compared too. */
function pairs(values: Record<string, string>): [string, string][] {
  return Object.entries(values);
}

function agrees(text: string): boolean {
  return JSON.stringify(pairs(valuesOf(parseEnv(text)))) === JSON.stringify(pairs(dotenv.parse(text)));
}

/** Greedy shrinking: drop chunks, then single characters, while the disagreement stays. */
function shrink(text: string): string {
  let current = text;
  for (let size = Math.max(1, current.length >> 1); size >= 1; size >>= 1) {
    for (let i = 0; i + size <= current.length; ) {
      const candidate = current.slice(0, i) + current.slice(i + size);
      if (!agrees(candidate)) current = candidate;
      else i++;
    }
  }
  return current;
}

function checkSpan(doc: EnvDocument, span: Span, what: string): void {
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= doc.text.length, `${what} ${JSON.stringify(span)} outside the text`);
}

/** Properties every parse must have, whatever the input. */
function checkModel(doc: EnvDocument): void {
  const { text } = doc;
  assert.equal(doc.lineStarts[0], 0);
  for (let i = 1; i < doc.lineStarts.length; i++) assert.ok(doc.lineStarts[i] > doc.lineStarts[i - 1], 'lineStarts increase');
  const items: { span: Span; what: string }[] = [];
  for (const e of doc.entries) {
    const what = `entry ${JSON.stringify(e.key)}`;
    for (const span of [e.span, e.keySpan, e.separatorSpan, e.rawSpan]) checkSpan(doc, span, what);
    assert.equal(sliceOf(text, e.keySpan), e.key, `${what}: key text`);
    assert.ok(e.key.length > 0 && /^[\w.-]+$/.test(e.key), `${what}: key characters`);
    assert.equal(text[e.separatorSpan.start], e.separator, `${what}: separator`);
    assert.equal(e.separatorSpan.end - e.separatorSpan.start, 1);
    // The parts come in text order: export, key, separator, value, comment.
    if (e.exportSpan) {
      checkSpan(doc, e.exportSpan, what);
      assert.equal(sliceOf(text, e.exportSpan), 'export');
      assert.ok(e.exportSpan.end <= e.keySpan.start && e.span.start === e.exportSpan.start, `${what}: export first`);
    } else {
      assert.equal(e.span.start, e.keySpan.start, `${what}: span starts at the key`);
    }
    assert.ok(e.keySpan.end <= e.separatorSpan.start, `${what}: key before separator`);
    assert.ok(e.separatorSpan.end <= e.rawSpan.start, `${what}: separator before value`);
    if (e.quote) {
      const raw = sliceOf(text, e.rawSpan);
      assert.ok(raw.length >= 2 && raw.startsWith(e.quote) && raw.endsWith(e.quote), `${what}: quoted raw ${JSON.stringify(raw)}`);
    }
    if (e.commentSpan) {
      checkSpan(doc, e.commentSpan, what);
      assert.equal(text[e.commentSpan.start], '#', `${what}: comment starts with #`);
      assert.ok(e.rawSpan.end <= e.commentSpan.start && e.commentSpan.end === e.span.end, `${what}: comment last`);
    }
    assert.ok(e.rawSpan.end <= e.span.end && e.separatorSpan.end <= e.span.end, `${what}: span covers value`);
    for (const ref of e.references) {
      checkSpan(doc, ref.span, `${what} reference`);
      assert.ok(e.rawSpan.start <= ref.span.start && ref.span.end <= e.rawSpan.end, `${what}: reference inside the value`);
      assert.equal(text[ref.span.start], '$');
    }
    assert.equal(e.line, lineOfOffset(doc.lineStarts, e.keySpan.start), `${what}: line`);
    items.push({ span: e.span, what });
  }
  for (const c of doc.comments) {
    checkSpan(doc, c.span, 'comment');
    assert.equal(sliceOf(text, c.span), `#${c.text}`);
    assert.equal(c.line, lineOfOffset(doc.lineStarts, c.span.start));
    items.push({ span: c.span, what: `comment at ${c.span.start}` });
  }
  for (const p of doc.problems) checkSpan(doc, p.span, `problem ${p.kind}`);
  // Entries are in order, and no entry or comment overlaps another.
  for (let i = 1; i < doc.entries.length; i++) {
    assert.ok(doc.entries[i - 1].span.end <= doc.entries[i].span.start, `entries ${i - 1} and ${i} out of order or overlapping`);
  }
  items.sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < items.length; i++) {
    assert.ok(items[i - 1].span.end <= items[i].span.start, `${items[i - 1].what} overlaps ${items[i].what}`);
  }
}

/** Compares a seed range, reporting every disagreement shrunk and ready to paste into the regressions file. */
function checkSeeds(first: number, count: number): void {
  const failures: string[] = [];
  for (let i = 0; i < count; i++) {
    const seed = (first + i) >>> 0;
    const text = textForSeed(seed);
    const doc = parseEnv(text);
    if (!agrees(text)) {
      if (failures.length < 5) {
        const input = shrink(text);
        const entry = { input, expected: dotenv.parse(input), note: `found by the differential test, seed ${seed}` };
        failures.push(`seed ${seed}: ours ${JSON.stringify(valuesOf(parseEnv(input)))}\n  add: ${JSON.stringify(entry)}`);
      }
      continue;
    }
    try {
      checkModel(doc);
    } catch (error) {
      throw new Error(`model property broken for seed ${seed}, text ${JSON.stringify(text)}: ${(error as Error).message}`);
    }
  }
  assert.equal(failures.length, 0, `parseEnv and dotenv.parse disagree:\n${failures.join('\n')}`);
}

test(`regressions: ${regressions.length} recorded inputs still agree with dotenv.parse and its recorded result`, () => {
  assert.ok(regressions.length >= 10);
  for (const { input, expected, note } of regressions) {
    const theirs = dotenv.parse(input);
    // The recorded result pins dotenv itself: a dotenv upgrade that changes it must be noticed, not absorbed.
    assert.deepStrictEqual(pairs(theirs), pairs(expected), `dotenv changed on ${JSON.stringify(input)} (${note})`);
    const doc = parseEnv(input);
    assert.deepStrictEqual(pairs(valuesOf(doc)), pairs(expected), `${JSON.stringify(input)}: ${note}`);
    checkModel(doc);
  }
});

test(`random texts: fixed seeds 1..${FIXED_SEEDS}`, () => {
  checkSeeds(1, FIXED_SEEDS);
});

test(`random texts: run seed ${runSeed} (+${RUN_SEEDS}; replay with ENVLS_FUZZ_SEED=${runSeed})`, (t) => {
  t.diagnostic(`run seed ${runSeed}`);
  checkSeeds(runSeed, RUN_SEEDS);
});

test('the generators reach the constructs the comparison is meant to cover', () => {
  // Without this, a generator change could silently stop producing (say) CRLF and the comparison would still pass.
  const features: Record<string, RegExp> = {
    doubleQuote: /"/, singleQuote: /'/, backtick: /`/, escapedQuote: /\\["'`]/, hashNoSpace: /[^\s]#/, hashAfterSpace: /\s#/,
    export: /export\s/, colon: /:\s/, crlf: /\r\n/, loneCr: /\r(?!\n)/, bom: /\uFEFF/, unicode: /[^\x00-\x7f]/, lineSeparator: /\u2028/,
  };
  const seen = new Set<string>();
  let multiLineValues = 0;
  for (let seed = 1; seed <= FIXED_SEEDS; seed++) {
    const text = textForSeed(seed);
    for (const [name, re] of Object.entries(features)) if (re.test(text)) seen.add(name);
    for (const e of parseEnv(text).entries) if (e.quote && /[\r\n]/.test(e.value + sliceOf(text, e.rawSpan))) multiLineValues++;
  }
  assert.deepStrictEqual([...seen].sort(), Object.keys(features).sort());
  assert.ok(multiLineValues > 50, `only ${multiLineValues} multi-line quoted values`);
});
