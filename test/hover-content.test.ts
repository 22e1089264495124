/**
 * Issue 9, "a calmer UI": what a hover says. One heading line, the description, facts said
 * once, the value dotenv reads (the last duplicate), and short enough to read without scrolling.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { getHover } from '../server/src/service/hover';
import { parseEnv } from '../server/src/service/parser/parse';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';

const schemas = builtinSchemas();

function hoverOn(id: string, text: string, line = 0, character = 1): string {
  const hover = getHover(parseEnv(text), schemaSetFor([schemas.get(id)!]), { line, character });
  assert.ok(hover, 'a hover');
  return (hover.contents as { value: string }).value;
}

/** Every variable of every builtin schema, hovered on its key in a one-line file. */
function everyHover(): { id: string; name: string; text: string }[] {
  const all: { id: string; name: string; text: string }[] = [];
  for (const schema of schemas.values()) {
    for (const name of schema.byName.keys()) all.push({ id: schema.id, name, text: hoverOn(schema.id, `${name}=value\n`) });
  }
  return all;
}

test('on the dead line of a duplicate, the value is the one dotenv reads: the last line', () => {
  const text = '# envls-schema: neosync/api\nDB_SSL_DISABLE=false\nDB_HOST=db\nDB_SSL_DISABLE=true\n';
  const dead = hoverOn('neosync/api', text, 1);
  assert.match(dead, /dotenv reads: `` true `` \(from line 4; this line is ignored\)/);
  assert.doesNotMatch(dead, /dotenv reads: `` false ``/);
  assert.match(hoverOn('neosync/api', text, 3), /dotenv reads: `` true ``$/);
});

test('a dead duplicate of a secret stays hidden', () => {
  const hover = hoverOn('neosync/api', 'DB_PASS=first-Passw0rd-a\nDB_PASS=second-Passw0rd-b\n');
  assert.ok(!hover.includes('first-Passw0rd-a') && !hover.includes('second-Passw0rd-b'), hover);
  assert.match(hover, /hidden: sensitive/);
});

test('one heading line: name · product / section · type · required or optional · default', () => {
  assert.match(hoverOn('neosync/api', 'DB_PORT=5432\n'), /^\*\*DB_PORT\*\* · Neosync backend API \/ Backend API · port · required\n\nThe port used/);
  assert.match(hoverOn('neosync/api', 'AUTH_AUDIENCE=x\n'), /^\*\*AUTH_AUDIENCE\*\* · [^\n]* · required when AUTH_ENABLED is true\n/);
  // A documented default that is not a literal value, in the heading.
  assert.match(hoverOn('neosync/api', 'MAX_ALLOWED_RECORDS=1\n').split('\n')[0], / · default NULL: no limit unless set$/);
});

test('booleans by their canonical spelling, not every spelling the runtime reads', () => {
  const hover = hoverOn('neosync/api', 'DB_SSL_DISABLE=true\n');
  assert.match(hover.split('\n')[0], / · boolean \(true or false\) · /);
  assert.doesNotMatch(hover, /TRUE|True|\bt\b/);
});

test('nothing said twice: "Sensitive" once, a deprecation once, the description not repeated by facts', () => {
  for (const { id, name, text } of everyHover()) {
    assert.ok((text.match(/sensitive/gi) ?? []).length <= 2, `${id} ${name} says sensitive more than once: ${text}`);
    assert.ok((text.match(/\bSensitive\b/g) ?? []).length <= 1, `${id} ${name}: ${text}`);
    // The variable's own name may hold the word (Laravel's LOG_DEPRECATIONS_CHANNEL, in the heading and
    // in the link's anchor): only what is said counts.
    assert.ok(text.replace(new RegExp(name.replace(/[^A-Za-z0-9_]/g, '.'), 'gi'), '').split('\n').filter((l) => /deprecat/i.test(l)).length <= 1, `${id} ${name} says deprecated more than once: ${text}`);
    assert.ok((text.match(/^- Type:/gm) ?? []).length === 0, `${id} ${name}: the type is in the heading: ${text}`);
  }
  // The one that said it three times (description, fact, and the description's own bullet).
  const signups = hoverOn('flagsmith/frontend', 'ALLOW_SIGNUPS=1\n');
  assert.match(signups, /Deprecated\*\*: .*Use `PREVENT_SIGNUP` \(not a plain rename\)/);
  // Flux's descriptions repeat "Sensitive: Yes." in a bullet list: hover shows the description's first paragraph.
  const gateway = hoverOn('flux/app', 'FLUX_GATEWAY_JWT_SECRET=x\n');
  assert.doesNotMatch(gateway, /Sensitive: Yes/);
  assert.match(gateway, /- Sensitive: its value is never shown/);
});

test('notes marked for users are shown (their first paragraph); reviewers\' notes are not', () => {
  assert.match(hoverOn('flux/app', 'AUTH_TRUST_HOST=false\n'), /- Note: Auth\.js tests whether the variable is set, not its value/);
  const level = hoverOn('neosync/worker', 'DB_LOG_LEVEL=INFO\n');
  assert.match(level, /- Note: The page lists only NONE, INFO and ERROR; every pgx level is accepted\.\n/);
  assert.doesNotMatch(level, /tracelog levels \(NONE/, 'the reviewers\' paragraph stays out');
  assert.doesNotMatch(hoverOn('neosync/app', 'AUTH_ENABLED=true\n'), /config\.ts#L13|Note:/);
});

test('envls advice says so in hover', () => {
  assert.match(hoverOn('flux/app', 'AUTH_SECRET=x\n'), /At least 32 characters \(envls advice, not the product's rule\)/);
});

test('hover lengths over every builtin variable: median well under 600, none runs away', () => {
  const lengths = everyHover().map((h) => h.text.length).sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)];
  assert.ok(median <= 400, `median ${median}`);
  assert.ok(lengths[lengths.length - 1] <= 800, `max ${lengths[lengths.length - 1]}`);
  assert.ok(lengths.filter((l) => l > 600).length <= lengths.length / 20, 'at most one hover in twenty over 600 characters');
});
