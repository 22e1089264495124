/**
 * Issue 8: random hostile documents (long lines, many `${`, deep nesting, huge
 * keys, many keys) through parseEnv, the references of every entry, expansion
 * and resolveReference. Two measures, neither a clock:
 * - character reads of the reference scan, counted through a String object,
 *   are bounded by a small multiple of the document's length;
 * - documents of ~400,000 characters are all processed in a child process with
 *   a deadline only a hang exceeds: a quadratic step would need ~10^11
 *   operations on one of them (hours), a linear one milliseconds.
 * Set ENVLS_FUZZ_SEED to replay a run.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom } from './support/randomEnv';
import { runBeforeDeadline } from './support/deadline';
import { findReferences } from '../server/src/service/parser/references';
import { parseEnv } from '../server/src/service/parser/parse';

const runSeed = process.env.ENVLS_FUZZ_SEED !== undefined ? Number(process.env.ENVLS_FUZZ_SEED) >>> 0 : Date.now() % 2 ** 31;

/** A hostile document of about `size` characters. Shared with the child process as source text. */
const HOSTILE_SOURCE = `
function hostile(random, size) {
  const pick = (items) => items[Math.floor(random() * items.length)];
  const unit = pick(['\${', '\${A:-', '\${B-', '$', '\\\\\${', '{', '}', '\${A}', '$A', 'x', '\${{', '\${A:-\${B:+']);
  const shape = pick(['one line', 'deep nesting', 'huge key', 'many keys', 'quoted', 'mixed']);
  const n = Math.max(1, Math.floor(size / unit.length));
  switch (shape) {
    case 'one line': return 'A=' + unit.repeat(n) + '\\n';
    case 'deep nesting': { const d = Math.floor(size / 6); return 'B=\\nA=' + '\${B:-'.repeat(d) + 'x' + '}'.repeat(d) + '\\n'; }
    case 'huge key': return 'K'.repeat(size) + '=' + unit.repeat(16) + '\\n';
    case 'many keys': { let s = ''; for (let i = 0; s.length < size; i++) s += 'KEY_' + i + '=' + (random() < 0.5 ? unit : '\${KEY_' + Math.floor(random() * (i + 1)) + '}') + '\\n'; return s; }
    case 'quoted': return 'A="' + unit.repeat(n) + '\\nB=' + pick(['"', "'", '\`']) + unit.repeat(n) + '\\n';
    default: { let s = ''; while (s.length < size) s += pick(['A', 'B', 'KEY']) + '=' + unit.repeat(1 + Math.floor(random() * 64)) + pick(['\\n', ' #c\\n', '"\\n']); return s; }
  }
}`;

// eslint-disable-next-line no-new-func
const hostile = new Function(`${HOSTILE_SOURCE}; return hostile;`)() as (random: () => number, size: number) => string;

test(`hostile documents: the reference scan reads each character a bounded number of times (seed ${runSeed})`, () => {
  const random = seededRandom(runSeed);
  for (let round = 0; round < 60; round++) {
    const text = hostile(random, 1 + Math.floor(random() * 20_000));
    const doc = parseEnv(text);
    let reads = 0;
    const boxed = new String(text) as unknown as { charCodeAt(i: number): number };
    boxed.charCodeAt = (i: number) => {
      reads++;
      return text.charCodeAt(i);
    };
    for (const entry of doc.entries) {
      const span = entry.span;
      findReferences(boxed as unknown as string, span.start, span.end);
    }
    assert.ok(reads <= 8 * text.length + 8, `round ${round}: ${reads} reads for ${text.length} characters`);
  }
});

test(`hostile documents of ~400,000 characters: parse, references, expansion and resolution all finish (seed ${runSeed})`, () => {
  const out = runBeforeDeadline(`
    ${HOSTILE_SOURCE}
    const { seededRandom } = require('./test/support/randomEnv.ts');
    const { parseEnv } = require('./server/src/service/parser/parse.ts');
    const { expandWithStatus, resolveReference } = require('./server/src/service/expand.ts');
    const random = seededRandom(${runSeed});
    let done = 0;
    for (let round = 0; round < 8; round++) {
      const doc = parseEnv(hostile(random, 400000));
      const entries = doc.entries.map((e) => ({ key: e.key, value: e.value }));
      let refs = 0;
      for (const entry of doc.entries) refs += entry.references.length;
      expandWithStatus(entries, { A: 'x', KEY_1: '\${A}' });
      if (entries.length > 0) resolveReference('A', entries, entries.length - 1, {});
      done++;
    }
    console.log(done);
  `);
  assert.equal(out, '8');
});
