/**
 * expandEntries against the real dotenv-expand@1000.0.0 on random inputs.
 *
 * Safety: dotenv-expand 1000 also runs `$(…)` as a shell command and decrypts
 * `encrypted:` values with DOTENV_PRIVATE_KEY. The alphabet below has no `(`
 * (so no `$(` can ever be formed, not even by replacement patterns, which only
 * copy existing text) and no key DOTENV_PRIVATE_KEY; both are asserted before
 * each call, and processEnv is always an explicit fresh object, never
 * process.env. dotenv-expand loops forever on some inputs: it is called only
 * when expandWithStatus finished every value within its limits, which (the
 * two doing the same steps) means dotenv-expand finishes too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expand } from 'dotenv-expand';
import { expandWithStatus } from '../server/src/service/expand';
import { seededRandom } from './support/randomEnv';

const SEEDS = 4000;
const runSeed = process.env.ENVLS_FUZZ_SEED !== undefined ? Number(process.env.ENVLS_FUZZ_SEED) >>> 0 : Date.now() % 2 ** 31;

const KEYS = ['A', 'B', 'C', '1', 'A_', 'D.E'];
const PIECES = [
  '$A', '${B}', '${C:-x}', '${A-$B}', '${B:+y}', '${C+z}', '\\$', '\\', '$', '$$', '{', '}', 'x', 'null', '${A_null}',
  '$&', "$'", '$`', ':', '-', '+', '${D.E}', '${A:-${B:-d}}', '', ' ', '${1}', '$1',
];

interface Input {
  pairs: [string, string][];
  processEnv: Record<string, string>;
}

function randomInput(seed: number): Input {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const value = () => Array.from({ length: Math.floor(random() * 5) }, () => pick(PIECES)).join('');
  const pairs: [string, string][] = Array.from({ length: 1 + Math.floor(random() * 5) }, () => [pick(KEYS), value()]);
  const processEnv: Record<string, string> = {};
  if (random() < 0.4) for (let i = Math.floor(random() * 3); i > 0; i--) processEnv[pick(KEYS)] = random() < 0.3 ? '' : value();
  // Sometimes dotenv.config's way: raw file values already copied into processEnv.
  if (random() < 0.3) for (const [key, v] of pairs) if (!(key in processEnv) && random() < 0.7) processEnv[key] = v;
  return { pairs, processEnv };
}

function realExpand({ pairs, processEnv }: Input): Record<string, string> {
  const text = JSON.stringify([pairs, processEnv]);
  assert.ok(!text.includes('(') && !text.includes('DOTENV_PRIVATE_KEY'), 'input must never reach command substitution or decryption');
  const parsed: Record<string, string> = {};
  for (const [key, value] of pairs) parsed[key] = value;
  return expand({ parsed, processEnv: { ...processEnv } }).parsed as Record<string, string>;
}

function checkSeeds(first: number, count: number): number {
  let compared = 0;
  for (let i = 0; i < count; i++) {
    const seed = (first + i) >>> 0;
    const input = randomInput(seed);
    const ours = expandWithStatus(input.pairs.map(([key, value]) => ({ key, value })), input.processEnv);
    if (ours.unfinished.length > 0) continue;
    compared++;
    assert.deepStrictEqual(
      Object.entries(ours.values),
      Object.entries(realExpand(input)),
      `seed ${seed}: ${JSON.stringify(input)}`,
    );
  }
  return compared;
}

test(`random values: fixed seeds 1..${SEEDS}`, () => {
  assert.ok(checkSeeds(1, SEEDS) > SEEDS * 0.8, 'most inputs are compared, not skipped');
});

test(`random values: run seed ${runSeed} (+${SEEDS}; replay with ENVLS_FUZZ_SEED=${runSeed})`, () => {
  checkSeeds(runSeed, SEEDS);
});
