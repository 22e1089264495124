/**
 * Issue 8, defect 11 (schemas): an include chain of thousands of schema files
 * composes without overflowing the stack, a cycle through all of them is a
 * schema problem with a message of bounded length, and a broken file at the end
 * of a long chain does not make every includer's message repeat the whole chain.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composeSchemas, type SchemaSource } from '../server/src/service/schema/compose';

const chain = (length: number, last: Record<string, unknown> = {}): SchemaSource[] =>
  Array.from({ length }, (_, i) => ({
    origin: `/ws/s${i}.envls.json`,
    json: {
      id: `acme/s${i}`,
      title: `S${i}`,
      product: 'Acme',
      ...(i + 1 < length ? { include: [`acme/s${i + 1}`] } : last),
      variables: { [`ACME_V${i}`]: { description: 'v' } },
    },
  }));

test('an include chain of 3,000 schemas composes, no RangeError', () => {
  const { schemas, problems } = composeSchemas(chain(3000));
  assert.deepEqual(problems, []);
  assert.equal(schemas.size, 3000);
  assert.equal(schemas.get('acme/s0')!.variables.length, 3000);
  assert.equal(schemas.get('acme/s2999')!.variables.length, 1);
});

test('a cycle through 3,000 schemas: each is a schema problem, messages stay short', () => {
  const { schemas, problems } = composeSchemas(chain(3000, { include: ['acme/s0'] }));
  assert.equal(schemas.size, 0);
  assert.equal(problems.length, 3000);
  for (const p of problems) {
    assert.match(p.message, /include cycle: /);
    assert.ok(p.message.length < 500, `${p.message.length} characters`);
  }
});

test('a broken schema at the end of a 3,000-long chain: every includer says why, briefly', () => {
  const { schemas, problems } = composeSchemas(chain(3000, { include: ['acme/nowhere'] }));
  assert.equal(schemas.size, 0);
  assert.equal(problems.length, 3000);
  for (const p of problems) {
    assert.match(p.message, /acme\/nowhere/);
    assert.ok(p.message.length < 500, `${p.message.length} characters`);
  }
});
