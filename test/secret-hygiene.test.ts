// insecureValue without a schema (issue 11, item 3): placeholders, weak values and published demo
// keys in the secrets of values files; provider-shaped credentials (secretlint's recommended rules)
// in browser variables, in files git commits and in examples. On the pure service, with a
// ProjectModel in memory for the file's role and git facts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { ProjectModel } from '../server/src/service/project/model';
import { projectContextFor, type GitFacts } from '../server/src/service/project/context';
import { parseEnv } from '../server/src/service/parser/parse';
import { validate, type DiagnosticData } from '../server/src/service/validate';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { BROWSER_PREFIXES } from '../server/src/service/secretHygiene/browserPrefixes';
import { credentialDetectors, credentialIn, credentialKind, credentialScans, MAX_CHECKED } from '../server/src/service/secretHygiene/credentials';
import { DEMO_KEYS, DEMO_SHAPES } from '../server/src/service/secretHygiene/knownValues';
import { PLACEHOLDER_WORDS } from '../server/src/service/placeholders';
import { credentialMessage, weakMessage } from '../server/src/service/rules/schema/secretHygiene';
import { nameText } from '../server/src/service/rules/messageText';
import { FAKE_CREDENTIALS, PUBLIC_KEYS, SUPABASE_DEMO_ANON } from './support/fakeCredentials';

const IGNORED: GitFacts = { ignored: true, tracked: false };
const NOT_IGNORED: GitFacts = { ignored: false, tracked: false };
const TRACKED: GitFacts = { ignored: true, tracked: true };

/** `text` as the file `path` of a project (with `others` beside it), insecureValue only. */
function check(path: string, text: string, git?: GitFacts, others: Record<string, string> = {}): Diagnostic[] {
  const model = new ProjectModel([...Object.entries(others).map(([p, t]) => ({ path: p, text: t })), { path, text }]);
  const project = projectContextFor(model, path, git)!;
  return validate({ doc: parseEnv(text), project }).filter((d) => d.code === 'insecureValue');
}

/** The file checked alone (no project: a file outside any workspace folder, or `checkText`). */
const alone = (text: string) => validate({ doc: parseEnv(text) }).filter((d) => d.code === 'insecureValue');
const info = (d: Diagnostic) => (d.data as DiagnosticData).info as Record<string, string>;
const reasons = (ds: Diagnostic[]) => ds.map((d) => [d.range.start.line, info(d).variable, info(d).reason]);
const line = (name: string, value: string) => `${name}=${value.includes('\n') ? `"${value.replace(/\n/g, '\\n')}"` : value}\n`;

function assertNoValueIn(ds: Diagnostic[], values: string[]): void {
  for (const d of ds) {
    for (const value of values) {
      const message = String(d.message);
      // A long value: none of its 12-character pieces. A short one: itself, unless it is a plain word a message may use ("secret").
      if (value.length >= 12) for (let i = 0; i + 12 <= value.length; i++) assert.ok(!message.includes(value.slice(i, i + 12)), `${message} quotes ${value}`);
      else if (!/^[a-z]+$/i.test(value)) assert.ok(!message.includes(value), `${message} quotes ${value}`);
    }
  }
}

// ------------------------------------------------------------ weak values

test('placeholders in a secret of a values file: each kind, as information, the value never shown', () => {
  const values = [
    'changeme', 'change-me', 'CHANGE_ME', 'secret', 'supersecret', 'password', 'replace-me', 'your-secret-here', 'TODO',
    'xxxxxxxx', 'sk_test_xxxxxxxxxxxx', '<your-api-key>', '[token]', '{{SECRET}}', 'your_stripe_secret_key', 'insert-token-here',
    'please-change-me-in-production', 'fake_mail_password', 'api_secret',
  ];
  const text = values.map((v, i) => `API_SECRET_${i}=${v}\n`).join('').replace('API_SECRET_18=api_secret', 'API_SECRET=api_secret');
  const found = check('.env', text, IGNORED);
  assert.deepEqual(found.map((d) => info(d).reason), values.map(() => 'placeholder'), JSON.stringify(reasons(found)));
  for (const d of found) {
    assert.equal(d.severity, DiagnosticSeverity.Information);
    assert.deepEqual((d.data as DiagnosticData).fixes, [], 'no fix: the right value is the user\'s');
  }
  assert.match(String(found[0].message), /^API_SECRET_0 holds a placeholder, not a secret/);
  assertNoValueIn(found, values.filter((v) => v.length >= 6));
});

test('every listed placeholder word is reported, whatever its case', () => {
  for (const { value } of PLACEHOLDER_WORDS) {
    for (const spelled of [value, value.toUpperCase()]) {
      const found = check('.env', `DB_PASSWORD=${spelled}\n`, IGNORED);
      // Some words are also short (`pass`) or numbers (`123456`, a setting-like value): placeholder wins when it applies.
      if (/^\d{1,6}$/.test(spelled)) continue;
      assert.deepEqual(reasons(found), [[0, 'DB_PASSWORD', 'placeholder']], spelled);
    }
  }
});

test('all-zero keys, one character repeated, trivially short secrets', () => {
  const found = check('.env', 'ENCRYPTION_KEY=00000000000000000000000000000000\nNIL_TOKEN=00000000-0000-0000-0000-000000000000\nSESSION_SECRET=aaaaaaaaaaaaaaaaaaaa\nAPI_KEY=k3y\nDB_PASS=foofar\n', IGNORED);
  assert.deepEqual(reasons(found), [[0, 'ENCRYPTION_KEY', 'allZero'], [1, 'NIL_TOKEN', 'allZero'], [2, 'SESSION_SECRET', 'oneCharacter'], [3, 'API_KEY', 'short'], [4, 'DB_PASS', 'short']]);
  assert.equal(String(found[3].message), 'API_KEY is 3 characters long, too short for a secret; use a long random value.');
  assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Information));
});

test('settings that only look secret, and real-looking secrets, are not weak', () => {
  const text = [
    'COOKIE_SECURE=true', 'SESSION_COOKIE_NAME=sid', 'JWT_SECRET_ALGORITHM=HS256', 'TOKEN_TTL=3600', 'ACCESS_TOKEN_EXPIRES_IN=15m',
    'PASSWORD_MIN_LENGTH=8', 'SSL_KEY=./certs/key.pem', 'PRIVATE_KEY_PATH=/etc/app/key', 'SENTRY_DSN=https://abc@o1.ingest.sentry.io/1',
    'JWT_SECRET=Zq3vR8tLw2NpY6cKd9FhJ4mBxT7sGa5E', 'DB_PASSWORD=correct-horse-battery-staple', 'APP_TOKEN=', 'OTHER_SECRET=${JWT_SECRET}', 'PORT=1',
  ].join('\n');
  assert.deepEqual(reasons(check('.env', `${text}\n`, IGNORED)), []);
});

test('published demo keys: Supabase (CLI and self-hosting), Django\'s development key, AWS\'s documented example key', () => {
  const text = [
    `SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_DEMO_ANON}`,
    `NEXT_PUBLIC_SUPABASE_ANON_KEY=${SUPABASE_DEMO_ANON}`,
    'JWT_SECRET=super-secret-jwt-token-with-at-least-32-characters-long',
    'POSTGRES_PASSWORD=your-super-secret-and-long-postgres-password',
    'SECRET_KEY_BASE=UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq',
    'DJANGO_SECRET_KEY=django-insecure-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ',
    'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  ].join('\n');
  const found = check('.env', `${text}\n`, IGNORED);
  assert.deepEqual(found.map((d) => info(d).reason), Array(7).fill('demoKey'));
  assert.match(String(found[0].message), /^SUPABASE_SERVICE_ROLE_KEY holds a Supabase demo key \(issuer supabase-demo\): it is published/);
  assert.equal(String(found[5].message), "DJANGO_SECRET_KEY holds Django's development key, which its own deployment check rejects; generate a new one for anything deployed.");
  assert.match(String(found[6].message), /AWS's documented example key/);
  for (const d of found) assert.match(info(d).source, /^https:\/\//, 'each demo key cites where it is published');
  assertNoValueIn(found, text.split('\n').map((l) => l.slice(l.indexOf('=') + 1)));
});

test('every demo key and placeholder entry is data with a reason, and every demo key a source', () => {
  for (const entry of [...DEMO_KEYS, ...DEMO_SHAPES]) {
    assert.ok(entry.reason.length > 10, entry.what);
    assert.match(entry.source!, /^https:\/\//, entry.what);
  }
  for (const entry of PLACEHOLDER_WORDS) assert.ok(entry.reason.length > 5, entry.value);
});

test('a schema\'s own finding is not doubled: the Supabase schema reports its demo key once', () => {
  const supabase = builtinSchemas().get('supabase')!;
  const text = `SUPABASE_SERVICE_ROLE_KEY=${supabase.byName.get('SUPABASE_SERVICE_ROLE_KEY')!.insecureValues![0]}\n`;
  const model = new ProjectModel([{ path: '.env', text }]);
  const found = validate({ doc: parseEnv(text), schemas: [supabase], project: projectContextFor(model, '.env', IGNORED) }).filter((d) => d.code === 'insecureValue');
  assert.equal(found.length, 1);
  assert.equal(info(found[0]).reason, 'insecureValue');
});

test('weak values stay quiet in examples, templates and schemas, and in a file checked alone', () => {
  const text = 'JWT_SECRET=changeme\nAPI_KEY=your-api-key-here\nDB_PASSWORD=abc\n';
  for (const path of ['.env.example', '.env.sample', '.env.template', 'example.env', '.env.production.example', '.env.schema']) {
    assert.deepEqual(reasons(check(path, text, NOT_IGNORED)), [], path);
  }
  assert.deepEqual(reasons(alone(text)), []);
  // …and are reported in every values file: .env, a mode file, a local file.
  for (const path of ['.env', '.env.production', '.env.local', 'app.env']) assert.equal(check(path, text, IGNORED).length, 3, path);
});

// ------------------------------------------------------------ credentials

test('the detectors are secretlint\'s recommended rules, less the two that never read a value', () => {
  const detectors = credentialDetectors();
  for (const id of ['aws', 'github', 'gitlab', 'slack', 'stripe', 'openai', 'anthropic', 'privatekey', 'npm', 'sendgrid', 'basicauth', 'database-connection-string']) {
    assert.ok(detectors.includes(id), id);
  }
  assert.ok(!detectors.includes('gcp') && !detectors.includes('filter-comments'));
  assert.ok(detectors.length >= 20, detectors.join());
});

test('a credential in a browser variable, for each prefix, in any file: a warning naming its kind, not its value', () => {
  const [, , token] = FAKE_CREDENTIALS[0];
  for (const { prefix } of BROWSER_PREFIXES) {
    const text = `${prefix}GITHUB_TOKEN=${token}\n`;
    for (const found of [alone(text), check('.env.local', text, IGNORED), check('.env.example', text, NOT_IGNORED)]) {
      assert.deepEqual(reasons(found), [[0, `${prefix}GITHUB_TOKEN`, 'credential']], prefix);
      assert.equal(found[0].severity, DiagnosticSeverity.Warning);
      assert.deepEqual([info(found[0]).where, info(found[0]).detector], ['browser', 'github']);
      assert.equal(String(found[0].message), `${prefix}GITHUB_TOKEN holds a GitHub token; ${prefix}… values ship to the browser. Keep it server-side and rotate it.`);
      assertNoValueIn(found, [token]);
    }
  }
  // Without a browser prefix, a git-ignored file may hold any credential.
  assert.deepEqual(reasons(alone(`GITHUB_TOKEN=${token}\n`)), []);
  assert.deepEqual(reasons(check('.env', `GITHUB_TOKEN=${token}\n`, IGNORED)), []);
});

test('each detector through envls: the credential is found in a browser variable and in a committed file', () => {
  for (const [detector, name, value] of FAKE_CREDENTIALS) {
    const browser = alone(line(`VITE_${name}`, value));
    assert.deepEqual(browser.map((d) => info(d).detector), [detector], `${detector} in VITE_${name}`);
    const committed = check('.env', line(name, value), NOT_IGNORED);
    assert.deepEqual(committed.map((d) => [info(d).detector, info(d).where]), [[detector, 'committed']], detector);
    assertNoValueIn([...browser, ...committed], [value]);
  }
});

test('a file git commits: not ignored or tracked is reported; ignored, or no git facts, says nothing', () => {
  const [, name, value] = FAKE_CREDENTIALS[1];
  const text = `${name}=${value}\n`;
  assert.match(String(check('.env', text, NOT_IGNORED)[0].message), /^STRIPE_SECRET_KEY holds a Stripe secret key in a file git commits \(not ignored\)\. Move it out and rotate it\.$/);
  assert.match(String(check('.env', text, TRACKED)[0].message), /\(tracked\)/);
  assert.deepEqual(check('.env', text, IGNORED), []);
  assert.deepEqual(check('.env', text, undefined), [], 'outside a git repository');
  assert.deepEqual(alone(text), []);
});

test('examples stay quiet except for live-looking credentials', () => {
  const example = [
    'JWT_SECRET=changeme',
    'GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    'DATABASE_URL=postgres://app:examplepw@localhost:5432/app',
    `STRIPE_SECRET_KEY=${FAKE_CREDENTIALS[1][2]}`,
    `SUPABASE_SERVICE_ROLE_KEY=${SUPABASE_DEMO_ANON}`,
  ].join('\n');
  const found = check('.env.example', `${example}\n`, NOT_IGNORED);
  assert.deepEqual(reasons(found), [[4, 'STRIPE_SECRET_KEY', 'credential']]);
  assert.equal(String(found[0].message), 'STRIPE_SECRET_KEY holds what looks like a live Stripe secret key; .env.example should hold a placeholder.');
  assert.equal(info(found[0]).where, 'example');
  // The same file as a committed .env: the connection string's password is reported there.
  assert.deepEqual(check('.env', `${example}\n`, NOT_IGNORED).filter((d) => info(d).reason === 'credential').map((d) => info(d).variable), ['DATABASE_URL', 'STRIPE_SECRET_KEY']);
});

test('keys that are public by design are not reported in a browser variable', () => {
  const text = PUBLIC_KEYS.map(([name, value]) => `${name}=${value}\n`).join('');
  assert.deepEqual(alone(text), []);
  assert.deepEqual(check('.env.local', text, NOT_IGNORED).filter((d) => info(d).reason === 'credential'), []);
});

test('bounded work: a value longer than the cap is not scanned; an answer is the same from the cache', () => {
  const [, name, key] = FAKE_CREDENTIALS.find(([d]) => d === 'privatekey')!;
  assert.equal(credentialIn(name, key)?.detector, 'privatekey');
  assert.equal(credentialIn(name, key)?.detector, 'privatekey', 'cached');
  const long = `${key}\n${'A'.repeat(MAX_CHECKED)}`;
  assert.equal(credentialIn(name, long), undefined);
  assert.deepEqual(alone(`VITE_KEY="${long.replace(/\n/g, '\\n')}"\n`), []);
});

test('a keystroke in a 1,000-line committed file scans only the line it changed (regression: the cache once cleared itself at 1,000 lines)', () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `SERVICE_${i}_API_KEY=Zq3vR8tLw2NpY6cKd9FhJ4mB${String(i).padStart(6, '0')}`);
  const text = `${lines.join('\n')}\n`;
  check('.env', text, NOT_IGNORED);
  const before = credentialScans();
  check('.env', text.replace('SERVICE_7_API_KEY=', 'SERVICE_7_API_KEY=x'), NOT_IGNORED);
  assert.equal(credentialScans() - before, 1);
});

test('every message this check can write, with the longest names: plain text within 160 characters', () => {
  const name = nameText('A'.repeat(200));
  const file = nameText(`.env.${'x'.repeat(200)}.example`);
  const messages: string[] = [];
  for (const detector of credentialDetectors()) {
    for (const { prefix } of BROWSER_PREFIXES) messages.push(credentialMessage(name, credentialKind(detector), 'browser', prefix, file, false));
    messages.push(credentialMessage(name, credentialKind(detector), 'example', undefined, file, false));
    for (const tracked of [true, false]) messages.push(credentialMessage(name, credentialKind(detector), 'committed', undefined, file, tracked));
  }
  for (const demo of [...DEMO_KEYS, ...DEMO_SHAPES]) messages.push(weakMessage(name, 40, { kind: 'demoKey', what: demo.what, ...('unpublished' in demo && demo.unpublished ? { unpublished: true } : {}) }));
  for (const kind of ['placeholder', 'allZero', 'oneCharacter', 'short'] as const) messages.push(weakMessage(name, 7, { kind }));
  for (const message of messages) {
    assert.ok(message.length <= 160, `${message.length}: ${message}`);
    assert.ok(!message.includes('`'), message);
  }
});
