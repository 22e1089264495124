import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NearMissIndex } from '../server/src/service/schema/nearMiss';

const index = new NearMissIndex(['DB_HOST', 'DB_PORT', 'AUTH_SECRET', 'NEXTAUTH_URL', 'LOG', 'ABCD']);

test('one edit anywhere in the name is found: start, middle, end, swaps, case', () => {
  assert.deepEqual(index.suggest('XB_HOST'), ['DB_HOST'], 'substitution at the start');
  assert.deepEqual(index.suggest('B_HOST'), ['DB_HOST'], 'deletion at the start');
  assert.deepEqual(index.suggest('BD_HOST'), ['DB_HOST'], 'swap at the start');
  assert.deepEqual(index.suggest('DB_HSOT'), ['DB_HOST'], 'swap in the middle');
  assert.deepEqual(index.suggest('DB_HOS'), ['DB_HOST'], 'deletion at the end');
  assert.deepEqual(index.suggest('DB_HOSTT'), ['DB_HOST'], 'insertion at the end');
  assert.deepEqual(index.suggest('DB_HOTS'), ['DB_HOST'], 'swap at the end');
  assert.deepEqual(index.suggest('AUTH_SECERT'), ['AUTH_SECRET']);
  assert.deepEqual(index.suggest('auth_secret'), ['AUTH_SECRET'], 'case only');
  assert.deepEqual(index.suggest('ACBD'), ['ABCD'], 'swap inside a 4-letter name');
  assert.deepEqual(index.suggest('DB_POST').sort(), ['DB_HOST', 'DB_PORT']);
});

test('far names, exact names and short names get nothing', () => {
  assert.deepEqual(index.suggest('DB_HOST'), []);
  assert.deepEqual(index.suggest('DATABASE_URL'), []);
  assert.deepEqual(index.suggest('LOGS'), []);
  assert.deepEqual(index.suggest('LG'), []);
});
