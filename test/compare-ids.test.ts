/** compareIds orders ids exactly as localeCompare does (it only skips the collator's start-up cost). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareIds, rememberOrder } from '../server/src/service/schema/compareIds';
import { seededRandom } from './support/randomEnv';

test('compareIds: the sign of localeCompare on random ids, plain and not', () => {
  const random = seededRandom(11);
  for (const alphabet of ['abcdefghijklmnopqrstuvwxyz0123456789-./', 'abcXYZxyz09 -./', 'abcXYZ09-_./ é']) {
    const id = () => Array.from({ length: 1 + Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 20_000; i++) {
      const [a, b] = [id(), id()];
      assert.equal(Math.sign(compareIds(a, b)), Math.sign(a.localeCompare(b)), `${a} vs ${b}`);
    }
  }
  assert.deepEqual(['Vite', 'AWS', 'Amazon S3', 'Auth.js', 'Docker Compose', 'Django', 'PostHog', 'PostgreSQL'].sort(compareIds), ['Amazon S3', 'Auth.js', 'AWS', 'Django', 'Docker Compose', 'PostgreSQL', 'PostHog', 'Vite']);
  assert.deepEqual(['neosync/worker', 'authjs-v5', 'neosync/api', 'authjs', 'flux', 'authjs-v4', 's3'].sort(compareIds), ['authjs', 'authjs-v4', 'authjs-v5', 'flux', 'neosync/api', 'neosync/worker', 's3']);
});

test('compareIds: names sorted at build time compare by their rank, as localeCompare ordered them', () => {
  const names = ['X (Twitter)', 'Xero', 'x_api', 'AWS', 'Amazon S3', 'node_modules', 'Node.js'];
  const sorted = [...names].sort((a, b) => a.localeCompare(b));
  rememberOrder(sorted);
  assert.deepEqual([...names].sort(compareIds), sorted);
  for (const a of names) for (const b of [...names, 'y (other)']) assert.equal(Math.sign(compareIds(a, b)), Math.sign(a.localeCompare(b)), `${a} vs ${b}`);
});
