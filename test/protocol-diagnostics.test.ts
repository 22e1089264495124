/**
 * Every diagnostic code, published by the built server over real JSON-RPC, on small realistic
 * texts bound to a builtin schema with `# envls-schema:`. Each test checks the code, the line,
 * the severity, `source: envls`, the message's key words and the published version.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, codesOf, type Client } from './support/lspClient';
import { ruleDocsUrl } from '../server/src/service/rules/docs';

/** envls's messages are plain strings. */
type Diagnostic = Omit<LspDiagnostic, 'message'> & { message: string };

const ERROR = 1;
const WARNING = 2;
const INFORMATION = 3;
const HINT = 4;

/** Strong, distinct values for secrets (32+ characters). */
const SECRET_A = 'Zq8vN3xW1rT6yB0mK4pL7sD2fH9jC5gA';
const SECRET_B = 'Yt4kP9wE2rQ7uI1oL6aS3dF8gH0jK5zX';

/** A complete, valid Neosync API file (keys sorted, so the style rules are quiet on it too). */
const NEOSYNC_API = [
  '# envls-schema: neosync/api',
  'DB_HOST=db',
  'DB_NAME=nucleus',
  'DB_PASS=s3cure-Passw0rd-xyz',
  'DB_PORT=5432',
  'DB_USER=postgres',
  '',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'envls-diagnostics-'));
let plain: Client;
let style: Client;
let lint: Client;

before(async () => {
  [plain, style, lint] = await Promise.all([
    startServer({ rootPath: dir }),
    startServer({ rootPath: dir, settings: { styleRules: true } }),
    startServer({ rootPath: dir, settings: { lint: { duplicateKey: 'error', legacyName: 'off', unknownVariable: 'hint', trailingWhitespace: 'information' } } }),
  ]);
});
after(async () => {
  await Promise.all([plain?.stop(), style?.stop(), lint?.stop()]);
});

let counter = 0;
/** Opens a fresh document (version 1) and checks what every publication must have. */
async function open(client: Client, text: string, name = 'app.env'): Promise<PublishDiagnosticsParams & { uri: string }> {
  const path = join(dir, `${++counter}-${name}`);
  const published = await client.open(path, text);
  assert.equal(published.uri, pathToFileURL(path).toString());
  assert.equal(published.version, 1);
  for (const d of published.diagnostics) {
    assert.equal(d.source, 'envls', JSON.stringify(d));
    // Every code's documentation page travels with it.
    assert.equal(d.codeDescription?.href, ruleDocsUrl(String(d.code)), JSON.stringify(d));
  }
  return published;
}

/** The only diagnostic with this code; checks its line (0-based), severity and message words. */
function only(published: PublishDiagnosticsParams, code: string, line: number, severity: number, ...words: (string | RegExp)[]): Diagnostic {
  const found = (published.diagnostics as Diagnostic[]).filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} expected in ${JSON.stringify(published.diagnostics.map((d) => [d.code, d.range.start.line, d.message]))}`);
  const d = found[0];
  assert.equal(d.range.start.line, line, `${code} line`);
  assert.equal(d.severity, severity, `${code} severity`);
  assert.equal(d.source, 'envls');
  for (const w of words) {
    if (typeof w === 'string') assert.ok(d.message.includes(w), `${code} message "${d.message}" should mention ${w}`);
    else assert.match(d.message, w);
  }
  return d;
}

function withCode(published: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return (published.diagnostics as Diagnostic[]).filter((d) => d.code === code);
}

describe('a valid bound file', () => {
  test('a complete Neosync API file has no diagnostic, with and without style rules', async () => {
    assert.deepEqual((await open(plain, NEOSYNC_API)).diagnostics, []);
    assert.deepEqual((await open(style, NEOSYNC_API)).diagnostics, []);
  });
});

describe('core codes', () => {
  test('syntaxError: a line without `=`', async () => {
    const p = await open(plain, `${NEOSYNC_API}LOG_LEVEL INFO\n`);
    only(p, 'syntaxError', 6, ERROR, 'dotenv ignores this line', '=');
    assert.deepEqual(codesOf(p.diagnostics), ['syntaxError']);
  });

  test('syntaxError: an unterminated quote', async () => {
    const p = await open(plain, `${NEOSYNC_API}NUCLEUS_ENV="staging\n`);
    only(p, 'syntaxError', 6, ERROR, /quote/i);
  });

  test('duplicateKey: the earlier line is marked, with the line that wins', async () => {
    const p = await open(plain, `${NEOSYNC_API}LOG_LEVEL=DEBUG\nLOG_LEVEL=INFO\n`);
    const d = only(p, 'duplicateKey', 6, WARNING, 'LOG_LEVEL is set again on line 8', 'keeps the last value');
    assert.deepEqual(d.tags, [1], 'unnecessary');
    assert.deepEqual(d.range, { start: { line: 6, character: 0 }, end: { line: 6, character: 9 } });
  });

  test('undefinedReference: ${NAME} that nothing defines, on the reference itself', async () => {
    const p = await open(plain, `${NEOSYNC_API}DB_OPTIONS=sslmode=\${SSL_MODE}\n`);
    const d = only(p, 'undefinedReference', 6, WARNING, 'SSL_MODE is not defined in this file');
    assert.deepEqual(d.range, { start: { line: 6, character: 19 }, end: { line: 6, character: 30 } });
    // A reference with a default, or to a variable of the file, is fine.
    const fine = await open(plain, `${NEOSYNC_API}DB_OPTIONS=sslmode=\${SSL_MODE:-disable}\nAUTH_BASEURL=http://\${DB_HOST}:8080\n`);
    assert.deepEqual(withCode(fine, 'undefinedReference'), []);
  });

  test('unknownSchema: an id no schema has, on the id in the comment', async () => {
    const p = await open(plain, NEOSYNC_API.replace('neosync/api', 'neosync/apii'));
    const d = only(p, 'unknownSchema', 0, ERROR, 'No schema has the id "neosync/apii"');
    assert.deepEqual(d.range, { start: { line: 0, character: 16 }, end: { line: 0, character: 28 } });
    assert.deepEqual(codesOf(p.diagnostics), ['unknownSchema'], 'no schema, so no schema diagnostics');
  });
});

describe('missingRequired', () => {
  test('an always-required variable, reported on the # envls-schema line', async () => {
    const p = await open(plain, NEOSYNC_API.replace('DB_PASS=s3cure-Passw0rd-xyz\n', ''));
    const d = only(p, 'missingRequired', 0, ERROR, 'DB_PASS is missing', 'required');
    assert.equal(d.range.start.character, 0);
  });

  test('a conditional requirement: "Required if AUTH_ENABLED is true" only once AUTH_ENABLED is true', async () => {
    const off = await open(plain, `${NEOSYNC_API}AUTH_ENABLED=false\n`);
    assert.deepEqual(withCode(off, 'missingRequired'), []);
    const on = await open(plain, `${NEOSYNC_API}AUTH_ENABLED=true\n`);
    only(on, 'missingRequired', 0, ERROR, 'AUTH_AUDIENCE is missing', 'Required if AUTH_ENABLED is true');
    const satisfied = await open(plain, `${NEOSYNC_API}AUTH_AUDIENCE=neosync\nAUTH_ENABLED=true\n`);
    assert.deepEqual(satisfied.diagnostics, []);
  });

  test('alternatives: FLUX_URL satisfies NEXT_PUBLIC_FLUX_URL; with neither both are missing and the message names the alternatives', async () => {
    const satisfied = await open(plain, `# envls-schema: flux\nFLUX_URL=https://api--notes--a1b2c3.vsl-base.com\nFLUX_GATEWAY_JWT_SECRET=${SECRET_A}\n`);
    assert.deepEqual(satisfied.diagnostics, []);
    const neither = await open(plain, `# envls-schema: flux\nFLUX_GATEWAY_JWT_SECRET=${SECRET_A}\n`);
    const missing = withCode(neither, 'missingRequired');
    assert.deepEqual(missing.map((d) => d.message.split(' ')[0]).sort(), ['FLUX_URL', 'NEXT_PUBLIC_FLUX_URL']);
    const pub = missing.find((d) => d.message.startsWith('NEXT_PUBLIC_FLUX_URL'))!;
    assert.match(pub.message, /or set FLUX_URL, or FLUX_SERVICE_URL/);
    assert.ok(missing.every((d) => d.severity === ERROR && d.range.start.line === 0));
  });
});

describe('schema codes', () => {
  test('aliasConflict under flux: AUTH_SECRET wins over NEXTAUTH_SECRET, values differ', async () => {
    const p = await open(plain, [
      '# envls-schema: flux',
      'FLUX_URL=https://api--notes--a1b2c3.vsl-base.com',
      `FLUX_GATEWAY_JWT_SECRET=${SECRET_A}`,
      `AUTH_SECRET=${SECRET_B}`,
      `NEXTAUTH_SECRET=old-${SECRET_B}`,
      '',
    ].join('\n'));
    only(p, 'aliasConflict', 4, WARNING, 'AUTH_SECRET and NEXTAUTH_SECRET are both set', 'Flux reads AUTH_SECRET', 'NEXTAUTH_SECRET is ignored', 'The values differ');
    assert.deepEqual(codesOf(p.diagnostics), ['aliasConflict']);
  });

  test('aliasConflict with equal values is information (NEXTAUTH_URL beside an equal AUTH_URL, as in real files)', async () => {
    // Neosync's app runs next-auth v5, which reads AUTH_SECRET first: NEXTAUTH_SECRET is the one ignored.
    const p = await open(plain, `# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\nAUTH_SECRET=${SECRET_A}\n`);
    only(p, 'aliasConflict', 2, INFORMATION, 'NEXTAUTH_SECRET and AUTH_SECRET are both set', 'Neosync reads AUTH_SECRET', 'NEXTAUTH_SECRET is ignored', 'Both have the same value');
    const flux = await open(plain, '# envls-schema: flux/app\nAUTH_URL=http://localhost:3000\nNEXTAUTH_URL=http://localhost:3000\n');
    only(flux, 'aliasConflict', 2, INFORMATION, 'AUTH_URL and NEXTAUTH_URL are both set', 'Both have the same value');
  });

  test('aliasConflict with different values stays a warning', async () => {
    const p = await open(plain, '# envls-schema: flux/app\nAUTH_URL=http://localhost:3000\nNEXTAUTH_URL=https://app.example.com\n');
    only(p, 'aliasConflict', 2, WARNING, 'AUTH_URL and NEXTAUTH_URL are both set', 'The values differ');
  });

  test('legacyName: an alias used alone is information', async () => {
    const p = await open(plain, `# envls-schema: neosync/app\nAUTH_SECRET=${SECRET_A}\n`);
    only(p, 'legacyName', 1, INFORMATION, 'AUTH_SECRET is a legacy name for NEXTAUTH_SECRET', 'Neosync app');
    assert.deepEqual(codesOf(p.diagnostics), ['legacyName'], 'the alias satisfies the required NEXTAUTH_SECRET');
  });

  test('deprecatedVariable: Flagsmith ALLOW_SIGNUPS, replacement and inverted meaning', async () => {
    const p = await open(plain, '# envls-schema: flagsmith/frontend\nFLAGSMITH_API_URL=https://api.flagsmith.example.com/api/v1/\nALLOW_SIGNUPS=true\n');
    const d = only(p, 'deprecatedVariable', 2, WARNING, 'ALLOW_SIGNUPS is deprecated', 'PREVENT_SIGNUP', 'inverted', 'not a plain rename');
    assert.deepEqual(d.tags, [2], 'deprecated');
  });

  test('invalidValue: enum, boolean, URL scheme', async () => {
    const p = await open(plain, `${NEOSYNC_API}DB_SSL_DISABLE=yes\nLOG_LEVEL=verbose\n`);
    const [bool, level] = withCode(p, 'invalidValue');
    assert.deepEqual(codesOf(p.diagnostics), ['invalidValue', 'invalidValue']);
    assert.deepEqual([bool.severity, level.severity], [ERROR, ERROR]);
    assert.match(bool.message, /^DB_SSL_DISABLE must be true or false; "yes" is not a boolean this product reads\.$/);
    assert.deepEqual(bool.range, { start: { line: 6, character: 15 }, end: { line: 6, character: 18 } });
    assert.equal(level.range.start.line, 7);
    assert.match(level.message, /^LOG_LEVEL must be one of DEBUG, INFO, WARN or ERROR; "verbose" is not\.$/);
    const url = await open(plain, '# envls-schema: flagsmith/api\nDATABASE_URL=mysql://flagsmith:hunter2@db:3306/flagsmith\n');
    const d = only(url, 'invalidValue', 1, ERROR, 'DATABASE_URL must use postgres:// or postgresql://, not mysql://');
    assert.doesNotMatch(d.message, /hunter2/, 'a sensitive value is never echoed');
  });

  test('invalidValue: a missing /api suffix and a trailing slash (Flux CLI variables)', async () => {
    const base = `# envls-schema: flux\nFLUX_URL=https://api--notes--a1b2c3.vsl-base.com\nFLUX_GATEWAY_JWT_SECRET=${SECRET_A}\n`;
    const suffix = await open(plain, `${base}FLUX_API_BASE=https://flux.vsl-base.com\n`);
    only(suffix, 'invalidValue', 3, ERROR, 'FLUX_API_BASE must end with /api');
    const slash = await open(plain, `${base}FLUX_API_BASE=https://flux.vsl-base.com/api/\n`);
    only(slash, 'invalidValue', 3, ERROR, 'FLUX_API_BASE must not end with a slash');
  });

  test('unknownVariable: a typo gets "did you mean" with every suggestion; a documented look-alike its explanation', async () => {
    const p = await open(plain, `${NEOSYNC_API}LOG_LEVL=INFO\nDB_POST=5433\nAUTH_EXPECTED_ISSUER=https://auth.example.com/realms/neosync\n`);
    const typos = withCode(p, 'unknownVariable');
    assert.equal(typos.length, 3);
    assert.ok(typos.every((d) => d.severity === WARNING));
    assert.match(typos[0].message, /LOG_LEVL is not a variable of neosync\/api\. Did you mean LOG_LEVEL\?/);
    assert.match(typos[1].message, /Did you mean DB_HOST or DB_PORT\?/);
    assert.equal(typos[2].range.start.line, 8);
    assert.match(typos[2].message, /AUTH_EXPECTED_ISSUER: the API reads AUTH_EXPECTED_ISS/);
    // Other unknown names stay quiet by default: apps add their own variables.
    const own = await open(plain, `${NEOSYNC_API}MY_COMPANY_FEATURE_FLAG=1\n`);
    assert.deepEqual(own.diagnostics, []);
  });

  test('insecureValue: TLS verification off, a short secret, a secret exposed to the browser', async () => {
    const p = await open(plain, [
      '# envls-schema: flux',
      'FLUX_URL=https://api--notes--a1b2c3.vsl-base.com',
      'FLUX_GATEWAY_JWT_SECRET=short-secret',
      'NODE_TLS_REJECT_UNAUTHORIZED=0',
      `NEXT_PUBLIC_AUTH_SECRET=${SECRET_B}`,
      '',
    ].join('\n'));
    const found = withCode(p, 'insecureValue');
    assert.deepEqual(found.map((d) => d.range.start.line), [2, 3, 4]);
    assert.ok(found.every((d) => d.severity === WARNING));
    assert.match(found[0].message, /FLUX_GATEWAY_JWT_SECRET is 12 characters long; use at least 32/);
    assert.match(found[1].message, /NODE_TLS_REJECT_UNAUTHORIZED=0 disables TLS certificate verification/);
    assert.match(found[2].message, /NEXT_PUBLIC_AUTH_SECRET exposes the secret AUTH_SECRET to the browser/);
    assert.match(found[2].message, /values of NEXT_PUBLIC_… variables are bundled/);
    for (const d of found) assert.ok(!d.message.includes('short-secret') && !d.message.includes(SECRET_B), 'no secret in a message');
  });

  test('insecureValue: two secrets that must differ share a value (reported once, on the later line)', async () => {
    const p = await open(plain, `# envls-schema: flux\nFLUX_URL=https://api--notes--a1b2c3.vsl-base.com\nFLUX_GATEWAY_JWT_SECRET=${SECRET_A}\nAUTH_SECRET=${SECRET_A}\n`);
    only(p, 'insecureValue', 3, WARNING, 'AUTH_SECRET has the same value as FLUX_GATEWAY_JWT_SECRET', 'must differ');
  });

  test('insecureValue: a secret left at a documented placeholder', async () => {
    const p = await open(plain, '# envls-schema: neosync/app\nNEXTAUTH_SECRET=changeme\n');
    only(p, 'insecureValue', 1, WARNING, 'NEXTAUTH_SECRET is still the documented placeholder value');
  });
});

describe('style codes (envls.styleRules: true)', () => {
  const cases: [code: string, tail: string, line: number, words: string][] = [
    ['lowercaseKey', 'log_level=INFO\n', 6, 'write it as LOG_LEVEL'],
    ['leadingCharacter', ' LOG_LEVEL=INFO\n', 6, 'starts with whitespace'],
    ['incorrectDelimiter', 'LOG-LEVEL=INFO\n', 6, 'uses "-" as a delimiter'],
    ['keyWithoutValue', 'LOG_LEVEL\n', 6, 'The key LOG_LEVEL has no = sign'],
    ['spaceCharacter', 'LOG_LEVEL = INFO\n', 6, 'spaces around ='],
    ['quoteCharacter', 'LOG_LEVEL="INFO"\n', 6, 'quote characters it does not need'],
    ['valueWithoutQuotes', 'NUCLEUS_ENV=dev env\n', 6, 'has whitespace and is not quoted'],
    ['substitutionKey', 'NUCLEUS_ENV=${DB_HOST\n', 6, 'malformed reference ${DB_HOST:'],
    ['trailingWhitespace', 'LOG_LEVEL=INFO \n', 6, 'Trailing whitespace'],
    ['extraBlankLine', '\n\nLOG_LEVEL=INFO\n', 7, 'Extra blank line'],
    ['endingBlankLine', 'LOG_LEVEL=INFO', 6, 'does not end with a line break'],
    ['unorderedKey', 'PORT=8080\nHOST=0.0.0.0\n', 7, 'The key HOST should go before PORT'],
  ];
  for (const [code, tail, line, words] of cases) {
    test(`${code}`, async () => {
      const text = `${NEOSYNC_API}${tail}`;
      only(await open(style, text), code, line, WARNING, words);
      // Off by default in the editor.
      assert.deepEqual(withCode(await open(plain, text), code), []);
    });
  }
});

describe('settings and suppression', () => {
  test('envls.lint overrides a severity and turns a code off', async () => {
    const p = await open(lint, `# envls-schema: neosync/app\nAUTH_SECRET=${SECRET_A}\nPOSTHOG_HOTS=https://eu.posthog.com\nPOSTHOG_HOTS=https://app.posthog.com\nNEOSYNC_API_BASE_URL=http://localhost:8080 \n`);
    only(p, 'duplicateKey', 2, ERROR, 'POSTHOG_HOTS is set again');
    assert.deepEqual(withCode(p, 'legacyName'), [], 'legacyName: off');
    const typos = withCode(p, 'unknownVariable');
    assert.equal(typos.length, 2);
    assert.ok(typos.every((d) => d.severity === HINT && d.message.includes('Did you mean POSTHOG_HOST?')), JSON.stringify(typos));
    // A style code named in envls.lint runs even without envls.styleRules, at that severity.
    only(p, 'trailingWhitespace', 4, INFORMATION, 'Trailing whitespace');
    assert.deepEqual(withCode(p, 'unorderedKey'), [], 'other style codes stay off');
  });

  test('suppression comments: next line (with codes, and without: every rule) and a disable/enable block', async () => {
    const text = [
      '# envls-schema: neosync/app',
      `NEXTAUTH_SECRET=${SECRET_A}`,
      '# envls-disable-next-line aliasConflict, duplicateKey',
      `AUTH_SECRET=${SECRET_B}`,
      '# envls-disable-next-line',
      'AUTH_ENABLED=maybe',
      '# envls-disable duplicateKey',
      'POSTHOG_HOST=https://eu.posthog.com',
      'POSTHOG_HOST=https://app.posthog.com',
      '# envls-enable duplicateKey',
      'NEOSYNC_API_BASE_URL=http://localhost:8080',
      'NEOSYNC_API_BASE_URL=http://api:8080',
      '',
    ].join('\n');
    const p = await open(plain, text);
    assert.deepEqual(p.diagnostics.map((d) => [d.code, d.range.start.line]), [['duplicateKey', 10]]);
    // Without the comments, every one of them is reported.
    const bare = await open(plain, text.split('\n').filter((l) => !l.startsWith('# envls-')).join('\n'));
    assert.deepEqual(codesOf(bare.diagnostics).sort(), ['aliasConflict', 'duplicateKey', 'duplicateKey', 'invalidValue']);
  });

  test('an unrelated app\'s .env gets no schema and no schema diagnostics', async () => {
    const text = [
      '# My shop',
      'PORT=3000',
      'DATABASE_URL=mysql://shop:hunter2@localhost:3306/shop',
      'LOG_LEVEL=verbose',
      'SESSION_SECRET=abc',
      'NEXT_PUBLIC_SESSION_SECRET=abc',
      'DB_POST=5432',
      '',
    ].join('\n');
    const binding = plain.notification<any>('envls/binding', (b) => b.uri.endsWith('-shop.env'));
    const p = await open(plain, text, 'shop.env');
    // Only what envls tells about secrets without a schema: two three-character secrets, as information.
    assert.deepEqual(p.diagnostics.map((d: any) => [d.range.start.line, d.code, d.severity, d.data.info.reason]), [[4, 'insecureValue', 3, 'short'], [5, 'insecureValue', 3, 'short']]);
    const b = await binding;
    assert.deepEqual([b.schemas, b.source], [[], 'none']);
  });

  test('the published version follows the document: an edit publishes for version 2', async () => {
    const p = await open(plain, NEOSYNC_API);
    assert.deepEqual(p.diagnostics, []);
    const changed = await plain.change(p.uri, 2, `${NEOSYNC_API}LOG_LEVEL=verbose\n`);
    assert.equal(changed.version, 2);
    only(changed, 'invalidValue', 6, ERROR, '"verbose" is not');
    const back = await plain.change(p.uri, 3, NEOSYNC_API);
    assert.equal(back.version, 3);
    assert.deepEqual(back.diagnostics, []);
  });
});
