/**
 * Issue 8, defect 2: schema patterns (the user's included) must never block the
 * server. Patterns that passed the old static screen and backtrack
 * catastrophically on a 41-character value; each is run in a child process with
 * a hard deadline only a hang exceeds (see support/deadline.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBeforeDeadline } from './support/deadline';
import { composeSchemas } from '../server/src/service/schema/compose';
import { MAX_PATTERN_INPUT, PATTERN_CACHE_SIZE, compilePattern, matchesPattern, patternCacheSize, patternProblem } from '../server/src/service/schema/safeRegex';

const CATASTROPHIC = [
  '^((a|aa))+$',
  '^(?:(?:a|aa))+$',
  `^${'a{0,16}'.repeat(9)}$`,
  '^ā*ā*ā*ā*$',
  '^x|a*a*b',
  `^${'(?:a*){1}'.repeat(6)}$`,
  '^(a+)+$',
  '^(\\w+\\s?)*$',
];

test('catastrophic schema patterns finish on hostile values (user schema, checkValue path)', () => {
  const snippet = `
    const { composeSchemas } = require('./server/src/service/schema/compose.ts');
    const { checkValue } = require('./server/src/service/schema/checkValue.ts');
    const patterns = ${JSON.stringify(CATASTROPHIC)};
    const out = [];
    for (const pattern of patterns) {
      // One schema per pattern: a refused pattern leaves only its own file out.
      const { schemas } = composeSchemas([{ origin: '/ws/acme.envls.json', json: { id: 'acme/app', title: 'A', product: 'Acme', variables: { ACME_V: { description: 'v', constraints: { pattern } } } } }]);
      const spec = schemas.get('acme/app')?.variables[0];
      if (!spec) { out.push('refused'); continue; }
      const hostile = [ 'a'.repeat(40) + '!', 'ā'.repeat(40) + '!', 'a'.repeat(${MAX_PATTERN_INPUT - 1}) + '!' ];
      out.push(hostile.map((v) => checkValue(spec, v) === undefined));
    }
    console.log(JSON.stringify(out));
  `;
  const results = JSON.parse(runBeforeDeadline(snippet)) as (boolean[] | 'refused')[];
  // Every pattern is accepted (it runs in linear time) and no hostile value matches it.
  assert.deepEqual(results, CATASTROPHIC.map(() => [false, false, false]));
});

test('schema patterns follow JavaScript syntax and match as RegExp.test does', () => {
  const cases: [string, string, boolean][] = [
    ['^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$', 'a.b.', true],
    ['^flx_(live|test)_', 'flx_live_x', true],
    ['^flx_(live|test)_', 'xflx_live_', false],
    ['live', 'is live here', true],
    ['^t_[0-9a-f]{12}_api$', 't_0123456789ab_api', true],
    ['^\\u00e9+$', 'éé', true],
    ['^[^/\\\\]+$', 'a\\b', false],
    ['^a$', 'a\n', false],
    ['^\\d+(\\.\\d+)?$', '1.5', true],
  ];
  for (const [pattern, value, expected] of cases) {
    assert.equal(new RegExp(pattern).test(value), expected, `RegExp ${pattern} ${JSON.stringify(value)}`);
    assert.equal(matchesPattern(pattern, value), expected, `${pattern} ${JSON.stringify(value)}`);
  }
});

test('where RE2 and JavaScript read the same text differently, the pattern keeps its JavaScript meaning', () => {
  const patterns = ['^.$', '^\\s$', '^\\S$', '^[\\s]$', '^[\\S]$', '^[^\\s]$', '^[\\s\\S]$', '^[^]$', '^[]$', '^\\a$', '^\\A$', '^\\z$', '^\\Q\\E$', '^\\p{L}$', '^\\k$', '^[.]$', '^\\.$', '^\\\\.$', '^\\x41\\u0042$', '^[a-c\\-]+$'];
  const values = ['a', 'A', 'z', 'Q', '.', '-', '\\x', '\\', '\r', '\n', ' ', '\t', '\v', '\u00a0', '\u2028', '\u2029', '\ufeff', '\u3000', '\u0085', 'é', 'p{L}', 'QE', 'k', 'AB', 'ab-c', ''];
  for (const pattern of patterns) {
    const js = new RegExp(pattern);
    for (const value of values) assert.equal(matchesPattern(pattern, value), js.test(value), `${pattern} on ${JSON.stringify(value)}`);
  }
});

test('patterns the linear-time engine cannot run are refused with the reason; invalid ones too', () => {
  for (const pattern of ['(x)\\1', '(?<x>a)\\k<x>', '(?=a)a', '(?!a)b', '(?<!a)b', '[', 'a'.repeat(300)]) {
    assert.ok(patternProblem(pattern), pattern);
    assert.equal(compilePattern(pattern), undefined, pattern);
  }
  assert.match(patternProblem('(x)\\1')!, /linear-time/);
  const { problems } = composeSchemas([{ origin: '/ws/u.envls.json', json: { id: 'acme/u', title: 'U', product: 'Acme', variables: { X: { description: 'x', constraints: { pattern: '(?=a)a' } } } } }]);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /lookahead/);
});

test('one bounded cache: compiled patterns never exceed the cap, values over the input cap are not tested', () => {
  for (let i = 0; i < PATTERN_CACHE_SIZE * 3; i++) compilePattern(`^p${i}$`);
  assert.ok(patternCacheSize() <= PATTERN_CACHE_SIZE, `${patternCacheSize()} cached`);
  assert.equal(matchesPattern('^a+$', 'aaa'), true);
  assert.equal(matchesPattern('^a+$', 'a'.repeat(MAX_PATTERN_INPUT + 1)), undefined);
});
