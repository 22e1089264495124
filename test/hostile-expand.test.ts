/**
 * Issue 8, defects 5 and 11 (expansion): `envls parse --expand` was quadratic
 * in the number of keys even without references (each key copied the whole
 * environment built so far), and nested defaults must never overflow the stack.
 * Work is counted through a Proxy on processEnv (reads of its entries), and the
 * 40,000-key case runs in a child process with a deadline only a quadratic run
 * exceeds (it took 369 s before; see support/deadline.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandEntries, expandWithStatus, resolveReference } from '../server/src/service/expand';
import { parseEnv } from '../server/src/service/parser/parse';
import { runBeforeDeadline } from './support/deadline';

test('processEnv is read a bounded number of times per entry, not once per key per key', () => {
  const keys = 2000;
  const entries = Array.from({ length: keys }, (_, i) => ({ key: `K${i}`, value: `v${i}` }));
  const env: Record<string, string> = {};
  for (let i = 0; i < 200; i++) env[`P${i}`] = `p${i}`;
  let reads = 0;
  const counted = new Proxy(env, {
    get(target, name, receiver) {
      reads++;
      return Reflect.get(target, name, receiver);
    },
    getOwnPropertyDescriptor(target, name) {
      reads++;
      return Reflect.getOwnPropertyDescriptor(target, name);
    },
  });
  const values = expandEntries(entries, counted);
  assert.equal(values.K1999, 'v1999');
  assert.ok(reads <= 4 * (keys + 200), `${reads} reads of processEnv for ${keys} keys and 200 variables`);
});

test('40,000 keys expand before the deadline (linear in keys)', () => {
  const out = runBeforeDeadline(`
    const { expandEntries } = require('./server/src/service/expand.ts');
    const entries = Array.from({ length: 40000 }, (_, i) => ({ key: 'KEY_' + i, value: i % 10 === 0 ? '\${KEY_' + (i - 1) + ':-x}' : 'v' + i }));
    const values = expandEntries(entries, {});
    console.log(Object.keys(values).length, values.KEY_10);
  `);
  assert.equal(out, '40000 v9');
});

test('100,000 nested ${B:-…}: expansion, the parsed references and resolveReference give a result, no RangeError', () => {
  const depth = 100_000;
  const text = `B=\nA=${'${B:-'.repeat(depth)}x${'}'.repeat(depth)}\n`;
  const doc = parseEnv(text);
  const entries = doc.entries.map((e) => ({ key: e.key, value: e.value }));
  const { values } = expandWithStatus(entries, {});
  assert.equal(typeof values.A, 'string');
  assert.equal(doc.entries[1].references.length, depth);
  assert.deepEqual(resolveReference('B', entries, 1, {}), { value: '', source: 'file' });
});
