/**
 * Every quick fix through the built server: textDocument/codeAction with the published diagnostic
 * in the context, the returned WorkspaceEdit applied to the text, the exact resulting text checked.
 * And source.fixAll.envls, asked for by its own kind and by the parent `source.fixAll`.
 */
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import dotenv from 'dotenv';
import { startServer, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

const SECRET_A = 'Zq8vN3xW1rT6yB0mK4pL7sD2fH9jC5gA';
const SECRET_B = 'Yt4kP9wE2rQ7uI1oL6aS3dF8gH0jK5zX';
const NEOSYNC_API = '# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PASS=s3cure-Passw0rd-xyz\nDB_PORT=5432\nDB_USER=postgres\n';
const FLUX = `# envls-schema: flux\nFLUX_URL=https://api--notes--a1b2c3.vsl-base.com\nFLUX_GATEWAY_JWT_SECRET=${SECRET_A}\n`;

interface Action {
  title: string;
  kind: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> };
}

const dir = mkdtempSync(join(tmpdir(), 'envls-fixes-'));
let plain: Client;
let style: Client;

before(async () => {
  [plain, style] = await Promise.all([startServer({ rootPath: dir }), startServer({ rootPath: dir, settings: { styleRules: true } })]);
});
after(async () => {
  await Promise.all([plain?.stop(), style?.stop()]);
});

let counter = 0;
/** An open document, its published diagnostics, and code actions for one of them. */
async function document(text: string, client = plain) {
  const uri = `file://${join(dir, `${++counter}.env`)}`;
  const published = await client.open(uri, text);
  const diagnostic = (code: string, line?: number): Diagnostic => {
    const found = published.diagnostics.filter((d) => d.code === code && (line === undefined || d.range.start.line === line));
    assert.equal(found.length, 1, `one ${code}${line === undefined ? '' : ` on line ${line}`} in ${JSON.stringify(published.diagnostics.map((d) => [d.code, d.range.start.line]))}`);
    return found[0];
  };
  const actionsFor = (d: Diagnostic, only?: string[]) =>
    client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], ...(only ? { only } : {}) } });
  /** The quick fixes of the one `code` diagnostic (on `line`), without the suppression fixes every diagnostic gets. */
  const fixes = async (code: string, line?: number) => (await actionsFor(diagnostic(code, line))).filter((a) => !a.title.startsWith('Suppress '));
  /** All of them, suppression fixes included. */
  const allFixes = (code: string, line?: number) => actionsFor(diagnostic(code, line));
  const apply = (action: Action): string => {
    assert.deepEqual(Object.keys(action.edit.changes), [uri], 'edits only this document');
    return applyLspEdits(text, action.edit.changes[uri]);
  };
  const titled = (actions: Action[], title: string): Action => {
    const found = actions.find((a) => a.title === title);
    assert.ok(found, `no "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(found.kind, 'quickfix');
    return found;
  };
  const fixAll = async (only: string[]) => {
    const actions = await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only },
    });
    return actions;
  };
  return { uri, text, published, diagnostic, fixes, allFixes, actionsFor, apply, titled, fixAll };
}

describe('missingRequired', () => {
  const text = '# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\n\n# Observability\nOTEL_SERVICE_NAME=neosync-api\n';

  test('add one: placed after its closest neighbour in the schema\'s order (DB_NAME), inside its section', async () => {
    const doc = await document(text);
    const pass = doc.published.diagnostics.find((d) => String(d.message).startsWith('DB_PASS'))!;
    const forPass = (await doc.actionsFor(pass)).filter((a) => !a.title.startsWith("Suppress "));
    assert.deepEqual(forPass.map((a) => a.title), ['Add DB_PASS', 'Add all 2 missing required variables']);
    assert.equal(forPass[0].isPreferred, true);
    assert.equal(doc.apply(forPass[0]), text.replace('DB_NAME=nucleus\n', 'DB_NAME=nucleus\nDB_PASS=\n'));
  });

  test('add all: every missing variable once, in schema order (DB_USER before DB_PASS), in their section', async () => {
    const doc = await document(text);
    const missing = doc.published.diagnostics.filter((d) => d.code === 'missingRequired');
    assert.equal(missing.length, 2);
    // Asked with both diagnostics (as an editor does for a line), "Add all" is offered once.
    const actions = await plain.request<Action[]>('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: missing[0].range, context: { diagnostics: missing } });
    assert.deepEqual(actions.map((a) => a.title), ['Add DB_USER', 'Add all 2 missing required variables', 'Add DB_PASS', 'Suppress missingRequired on this line', 'Suppress missingRequired in this file']);
    assert.equal(doc.apply(doc.titled(actions, 'Add all 2 missing required variables')), text.replace('DB_NAME=nucleus\n', 'DB_NAME=nucleus\nDB_USER=\nDB_PASS=\n'));
  });

  test('add one after its neighbour on the last line, at the end of a file without a final line break (which stays so)', async () => {
    const doc = await document(`# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\nAUTH_ENABLED=true`);
    const scope = doc.published.diagnostics.find((d) => String(d.message).startsWith('AUTH_SCOPE'))!;
    const add = doc.titled(await doc.actionsFor(scope), 'Add AUTH_SCOPE');
    assert.equal(doc.apply(add), `# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\nAUTH_ENABLED=true\nAUTH_SCOPE=`);
  });
});

describe('schema fixes', () => {
  test('legacyName: rename to the documented name', async () => {
    const doc = await document(`# envls-schema: neosync/app\nAUTH_SECRET=${SECRET_A}\n`);
    const actions = await doc.fixes('legacyName');
    assert.deepEqual(actions.map((a) => a.title), ['Rename to NEXTAUTH_SECRET']);
    assert.equal(doc.apply(actions[0]), `# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\n`);
  });

  test('aliasConflict with different values: remove the alias, or move its value to the canonical name', async () => {
    const text = `${FLUX}AUTH_SECRET=${SECRET_B}\nNEXTAUTH_SECRET=old-${SECRET_B}\nAUTH_URL=http://localhost:3000\n`;
    const doc = await document(text);
    const actions = await doc.fixes('aliasConflict');
    assert.deepEqual(actions.map((a) => a.title), ['Remove NEXTAUTH_SECRET (keep AUTH_SECRET)', "Move NEXTAUTH_SECRET's value to AUTH_SECRET and remove NEXTAUTH_SECRET"]);
    assert.equal(doc.apply(actions[0]), `${FLUX}AUTH_SECRET=${SECRET_B}\nAUTH_URL=http://localhost:3000\n`);
    assert.equal(doc.apply(actions[1]), `${FLUX}AUTH_SECRET=old-${SECRET_B}\nAUTH_URL=http://localhost:3000\n`);
  });

  test('aliasConflict with the same value (neosync/app): only the removal, preferred', async () => {
    const doc = await document(`# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\nAUTH_SECRET=${SECRET_A}\n`);
    const actions = await doc.fixes('aliasConflict');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Remove AUTH_SECRET (keep NEXTAUTH_SECRET)', true]]);
    assert.equal(doc.apply(actions[0]), `# envls-schema: neosync/app\nNEXTAUTH_SECRET=${SECRET_A}\n`);
  });

  test('unknownVariable: one rename per suggestion, the first preferred', async () => {
    const text = '# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PASS=s3cure-Passw0rd-xyz\nDB_POST=5432\nDB_USER=postgres\n';
    const doc = await document(text);
    const actions = await doc.fixes('unknownVariable');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Rename to DB_HOST', true], ['Rename to DB_PORT', false]]);
    assert.equal(doc.apply(actions[0]), text.replace('DB_POST=', 'DB_HOST='));
    assert.equal(doc.apply(actions[1]), text.replace('DB_POST=', 'DB_PORT='));
  });

  test('unknownVariable: a documented look-alike is renamed to the name meant', async () => {
    const doc = await document(`${NEOSYNC_API}AUTH_EXPECTED_ISSUER=https://auth.example.com/realms/neosync\n`);
    const actions = await doc.fixes('unknownVariable');
    assert.deepEqual(actions.map((a) => a.title), ['Rename to AUTH_EXPECTED_ISS']);
    assert.equal(doc.apply(actions[0]), `${NEOSYNC_API}AUTH_EXPECTED_ISS=https://auth.example.com/realms/neosync\n`);
  });

  test('invalidValue (enum): each allowed value offered; one applied', async () => {
    const doc = await document(`${NEOSYNC_API}LOG_LEVEL=verbose\n`);
    const actions = await doc.fixes('invalidValue');
    assert.deepEqual(actions.map((a) => a.title), ['Change to DEBUG', 'Change to INFO', 'Change to WARN', 'Change to ERROR']);
    assert.equal(doc.apply(doc.titled(actions, 'Change to WARN')), `${NEOSYNC_API}LOG_LEVEL=WARN\n`);
  });

  test('invalidValue (boolean): the product\'s spellings offered', async () => {
    const doc = await document(`${NEOSYNC_API}DB_SSL_DISABLE=yes\n`);
    const actions = await doc.fixes('invalidValue');
    assert.deepEqual(actions.map((a) => a.title), ['Change to true', 'Change to false']);
    assert.equal(doc.apply(actions[1]), `${NEOSYNC_API}DB_SSL_DISABLE=false\n`);
  });

  test('invalidValue: trailing slash removed', async () => {
    const doc = await document(`${FLUX}FLUX_API_BASE=https://flux.vsl-base.com/api/\n`);
    const actions = await doc.fixes('invalidValue');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Change to https://flux.vsl-base.com/api', true]]);
    assert.equal(doc.apply(actions[0]), `${FLUX}FLUX_API_BASE=https://flux.vsl-base.com/api\n`);
  });

  test('invalidValue: the missing /api suffix added, inside the value\'s own quotes', async () => {
    const doc = await document(`${FLUX}FLUX_API_BASE="https://flux.vsl-base.com"\n`);
    const actions = await doc.fixes('invalidValue');
    assert.deepEqual(actions.map((a) => a.title), ['Change to https://flux.vsl-base.com/api']);
    assert.equal(doc.apply(actions[0]), `${FLUX}FLUX_API_BASE="https://flux.vsl-base.com/api"\n`);
  });

  test('invalidValue: a corrected value is written so that dotenv reads it (a `#` stays quoted)', async () => {
    // Regression: the fix wrote the bare value over the quoted one, and dotenv cut it at the `#`.
    const doc = await document(`${FLUX}FLUX_DASHBOARD_BASE="https://flux.example.com/#/"\n`);
    const actions = await doc.fixes('invalidValue');
    assert.deepEqual(actions.map((a) => a.title), ['Change to https://flux.example.com/#']);
    const fixed = doc.apply(actions[0]);
    assert.equal(fixed, `${FLUX}FLUX_DASHBOARD_BASE="https://flux.example.com/#"\n`);
    assert.equal(dotenv.parse(fixed).FLUX_DASHBOARD_BASE, 'https://flux.example.com/#');
    // An unquoted value with an inline comment keeps the comment.
    const commented = await document(`${FLUX}FLUX_API_BASE=https://flux.vsl-base.com/api/ # the CLI's\n`);
    assert.equal(commented.apply((await commented.fixes('invalidValue'))[0]), `${FLUX}FLUX_API_BASE=https://flux.vsl-base.com/api # the CLI's\n`);
  });

  test('insecureValue: generate a strong secret (length at least the minimum, base64url only)', async () => {
    const doc = await document(`${FLUX.replace(SECRET_A, 'short-secret')}`);
    const actions = await doc.fixes('insecureValue');
    assert.deepEqual(actions.map((a) => a.title), ['Generate a strong random value for FLUX_GATEWAY_JWT_SECRET']);
    const fixed = doc.apply(actions[0]);
    const value = /^FLUX_GATEWAY_JWT_SECRET=(.*)$/m.exec(fixed)![1];
    assert.equal(value.length, 32);
    assert.match(value, /^[A-Za-z0-9_-]+$/);
    assert.equal(fixed, FLUX.replace(SECRET_A, value));
    // A longer minimum gives a longer value; two requests give two different values.
    const django = await document('# envls-schema: flagsmith/api\nDATABASE_URL=postgres://flagsmith:pw@db:5432/flagsmith\nDJANGO_SECRET_KEY=too-short\n');
    const generate = (await django.fixes('insecureValue'))[0];
    const key = /^DJANGO_SECRET_KEY=(.*)$/m.exec(django.apply(generate))![1];
    assert.equal(key.length, 50);
    assert.match(key, /^[A-Za-z0-9_-]+$/);
    const again = /^DJANGO_SECRET_KEY=(.*)$/m.exec(django.apply((await django.fixes('insecureValue'))[0]))![1];
    assert.match(again, /^[A-Za-z0-9_-]{50}$/);
  });

  test('deprecatedVariable: the inverted replacement where the file\'s schemas read it, none where they do not', async () => {
    const text = '# envls-schema: flagsmith/frontend, flagsmith/api\nDATABASE_URL=postgres://flagsmith:pw@db:5432/flagsmith\nALLOW_SIGNUPS=true\n';
    const doc = await document(text);
    const actions = await doc.fixes('deprecatedVariable');
    assert.deepEqual(actions.map((a) => a.title), ['Replace with PREVENT_SIGNUP=false (inverted meaning)']);
    assert.equal(doc.apply(actions[0]), text.replace('ALLOW_SIGNUPS=true', 'PREVENT_SIGNUP=false'));
    const frontendOnly = await document('# envls-schema: flagsmith/frontend\nALLOW_SIGNUPS=true\n');
    assert.deepEqual(await frontendOnly.fixes('deprecatedVariable'), [], 'PREVENT_SIGNUP is read by the API, not the frontend');
  });
});

describe('core fixes', () => {
  const text = `${NEOSYNC_API}LOG_LEVEL=DEBUG\nLOG_LEVEL=INFO\n`;

  test('duplicateKey: remove the dead line, or comment it out', async () => {
    const doc = await document(text);
    const actions = await doc.fixes('duplicateKey');
    assert.deepEqual(actions.map((a) => a.title), ['Remove this LOG_LEVEL line', 'Comment out this LOG_LEVEL line']);
    assert.equal(doc.apply(actions[0]), `${NEOSYNC_API}LOG_LEVEL=INFO\n`);
    assert.equal(doc.apply(actions[1]), `${NEOSYNC_API}# LOG_LEVEL=DEBUG\nLOG_LEVEL=INFO\n`);
  });

  test('syntaxError: comment out the line', async () => {
    const doc = await document(`${NEOSYNC_API}LOG_LEVEL INFO\n`);
    const actions = await doc.fixes('syntaxError');
    assert.deepEqual(actions.map((a) => a.title), ['Comment out this line']);
    assert.equal(doc.apply(actions[0]), `${NEOSYNC_API}# LOG_LEVEL INFO\n`);
  });

  test('undefinedReference: give the reference an empty default', async () => {
    const doc = await document(`${NEOSYNC_API}DB_OPTIONS=sslmode=\${SSL_MODE}\n`);
    const actions = await doc.fixes('undefinedReference');
    assert.deepEqual(actions.map((a) => a.title), ['Use a default: ${SSL_MODE:-}']);
    assert.equal(doc.apply(actions[0]), `${NEOSYNC_API}DB_OPTIONS=sslmode=\${SSL_MODE:-}\n`);
  });

  test('only: ["quickfix"] gives the quick fixes; only: ["refactor"] none', async () => {
    const doc = await document(text);
    const d = doc.diagnostic('duplicateKey');
    assert.equal((await doc.actionsFor(d, ['quickfix'])).length, 4, 'its two fixes and the two suppressions');
    assert.deepEqual(await doc.actionsFor(d, ['refactor']), []);
  });
});

describe('style fixes (envls.styleRules: true)', () => {
  const cases: [code: string, tail: string, title: string, fixed: string][] = [
    ['lowercaseKey', 'log_level=INFO\n', 'Rename to LOG_LEVEL', 'LOG_LEVEL=INFO\n'],
    ['leadingCharacter', ' LOG_LEVEL=INFO\n', 'Remove the leading characters', 'LOG_LEVEL=INFO\n'],
    ['incorrectDelimiter', 'LOG-LEVEL=INFO\n', 'Rename to LOG_LEVEL', 'LOG_LEVEL=INFO\n'],
    ['keyWithoutValue', 'LOG_LEVEL\n', 'Add `=` after LOG_LEVEL', 'LOG_LEVEL=\n'],
    ['spaceCharacter', 'LOG_LEVEL = INFO\n', 'Remove the spaces around `=`', 'LOG_LEVEL=INFO\n'],
    ['quoteCharacter', 'LOG_LEVEL="INFO"\n', 'Remove the quote characters', 'LOG_LEVEL=INFO\n'],
    ['valueWithoutQuotes', 'NUCLEUS_ENV=dev env\n', 'Surround the value with quotes', 'NUCLEUS_ENV="dev env"\n'],
    ['substitutionKey', 'NUCLEUS_ENV=${DB_HOST\n', 'Complete the braces of the reference', 'NUCLEUS_ENV=${DB_HOST}\n'],
    ['trailingWhitespace', 'LOG_LEVEL=INFO \n', 'Remove the trailing whitespace', 'LOG_LEVEL=INFO\n'],
    ['extraBlankLine', '\n\nLOG_LEVEL=INFO\n', 'Remove the extra blank line', '\nLOG_LEVEL=INFO\n'],
    ['endingBlankLine', 'LOG_LEVEL=INFO', 'Add a line break at the end of the file', 'LOG_LEVEL=INFO\n'],
    ['unorderedKey', 'PORT=8080\nHOST=0.0.0.0\n', 'Sort the keys of this group', 'HOST=0.0.0.0\nPORT=8080\n'],
  ];
  for (const [code, tail, title, fixed] of cases) {
    test(`${code}: ${title}`, async () => {
      const doc = await document(`${NEOSYNC_API}${tail}`, style);
      const action = doc.titled(await doc.fixes(code), title);
      assert.equal(action.isPreferred, true);
      assert.equal(doc.apply(action), `${NEOSYNC_API}${fixed}`);
    });
  }
});

describe('source.fixAll.envls', () => {
  // Safe: the trailing slash, the dead duplicate. Not safe (left): the legacy rename (an app may read the
  // old name), the generated secret, the enum choice.
  const text = [
    '# envls-schema: flux',
    'FLUX_SERVICE_URL=https://api--notes--a1b2c3.vsl-base.com',
    `FLUX_GATEWAY_JWT_SECRET=${SECRET_A}`,
    'FLUX_API_BASE=https://flux.vsl-base.com/api/',
    'FLUX_DEFAULT_MODE=dedicated',
    'AUTH_SECRET=too-short',
    'FLUX_DASHBOARD_BASE=https://flux.vsl-base.com',
    'FLUX_DASHBOARD_BASE=https://dashboard.flux.example.com/',
    '',
  ].join('\n');
  const fixed = [
    '# envls-schema: flux',
    'FLUX_SERVICE_URL=https://api--notes--a1b2c3.vsl-base.com',
    `FLUX_GATEWAY_JWT_SECRET=${SECRET_A}`,
    'FLUX_API_BASE=https://flux.vsl-base.com/api',
    'FLUX_DEFAULT_MODE=dedicated',
    'AUTH_SECRET=too-short',
    'FLUX_DASHBOARD_BASE=https://dashboard.flux.example.com',
    '',
  ].join('\n');

  for (const only of [['source.fixAll.envls'], ['source.fixAll'], ['source']]) {
    test(`asked with only: ${JSON.stringify(only)}`, async () => {
      const doc = await document(text);
      const actions = await doc.fixAll(only);
      assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
      assert.equal(actions[0].kind, 'source.fixAll.envls');
      assert.equal(doc.apply(actions[0]), fixed);
      // What is left after it: only the findings that need a person.
      const after = await plain.change(doc.uri, 2, fixed);
      assert.deepEqual(after.diagnostics.map((d) => d.code).sort(), ['insecureValue', 'invalidValue', 'legacyName']);
    });
  }

  test('not offered for quickfix-only requests, and absent when nothing is safe to fix', async () => {
    const doc = await document(text);
    const quick = await doc.fixAll(['quickfix']);
    assert.ok(quick.every((a) => a.kind === 'quickfix'));
    const clean = await document(FLUX);
    assert.deepEqual(await clean.fixAll(['source.fixAll.envls']), []);
  });

  test('with the style rules on, one round fixes style and core problems together', async () => {
    const text = `${NEOSYNC_API}log_level=INFO \nNUCLEUS_ENV=dev env\n\n\nPORT=8080`;
    const doc = await document(text, style);
    const actions = await doc.fixAll(['source.fixAll.envls']);
    assert.equal(actions.length, 1);
    // One application: the line fixes and the sort of the group they are in, composed (no second round).
    assert.equal(doc.apply(actions[0]), `${NEOSYNC_API}NUCLEUS_ENV="dev env"\nlog_level=INFO\n\nPORT=8080\n`);
  });

  test('never renames or removes a name a program reads: lowercase keys, legacy names, equal aliases', async () => {
    const text = '# envls-schema: flux/app\nAUTH_URL=https://flux.example.com\nNEXTAUTH_URL=https://flux.example.com\nSAML2_SP_x509=cert\n';
    const doc = await document(text, style);
    assert.ok(doc.published.diagnostics.some((d) => d.code === 'lowercaseKey'));
    assert.ok(doc.published.diagnostics.some((d) => d.code === 'aliasConflict'));
    assert.deepEqual(await doc.fixAll(['source.fixAll.envls']), []);
    // They stay quick fixes the user picks.
    assert.equal(doc.apply(doc.titled(await doc.fixes('lowercaseKey'), 'Rename to SAML2_SP_X509')), text.replace('x509', 'X509'));
  });

  test('a correction is applied whole: FLUX_API_BASE=https://x/ becomes https://x/api, which passes', async () => {
    const text = '# envls-schema: flux/cli\nFLUX_API_BASE=https://x/\n';
    const doc = await document(text);
    const actions = await doc.fixAll(['source.fixAll.envls']);
    assert.equal(actions.length, 1);
    const fixed = doc.apply(actions[0]);
    assert.equal(fixed, '# envls-schema: flux/cli\nFLUX_API_BASE=https://x/api\n');
    const after = await plain.change(doc.uri, 2, fixed);
    assert.deepEqual(after.diagnostics.map((d) => d.code), []);
  });
});

describe('suppression quick fixes', () => {
  const FRONTEND = '# envls-schema: flagsmith/frontend\nALLOW_SIGNUPS=true\n';

  test('a deprecated name gets "Suppress … on this line": the comment above it, and the diagnostic goes', async () => {
    const doc = await document(FRONTEND);
    const fixed = doc.apply(doc.titled(await doc.allFixes('deprecatedVariable'), 'Suppress deprecatedVariable on this line'));
    assert.equal(fixed, '# envls-schema: flagsmith/frontend\n# envls-disable-next-line deprecatedVariable\nALLOW_SIGNUPS=true\n');
    const after = await plain.change(doc.uri, 2, fixed);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'deprecatedVariable'), []);
  });

  test('"Suppress … in this file" goes after the leading # envls-schema: comment', async () => {
    const doc = await document(FRONTEND);
    const fixed = doc.apply(doc.titled(await doc.allFixes('deprecatedVariable'), 'Suppress deprecatedVariable in this file'));
    assert.equal(fixed, '# envls-schema: flagsmith/frontend\n# envls-disable deprecatedVariable\nALLOW_SIGNUPS=true\n');
    const after = await plain.change(doc.uri, 2, fixed);
    assert.deepEqual(after.diagnostics.filter((d) => d.code === 'deprecatedVariable'), []);
  });

  test('a mysql:// URL (no fix of its own) gets both; a directive on the line above is extended', async () => {
    const text = '# envls-schema: flagsmith/api\n# envls-disable-next-line insecureValue\nDATABASE_URL=mysql://db/flagsmith\n';
    const doc = await document(text);
    const actions = await doc.allFixes('invalidValue');
    assert.deepEqual(actions.map((a) => a.title), ['Suppress invalidValue on this line', 'Suppress invalidValue in this file']);
    assert.equal(doc.apply(actions[0]), '# envls-schema: flagsmith/api\n# envls-disable-next-line insecureValue, invalidValue\nDATABASE_URL=mysql://db/flagsmith\n');
    assert.equal(doc.apply(actions[1]), '# envls-schema: flagsmith/api\n# envls-disable invalidValue\n# envls-disable-next-line insecureValue\nDATABASE_URL=mysql://db/flagsmith\n');
  });

  test('without a schema comment the file directive goes on the first line; the line directive keeps the indent', async () => {
    const doc = await document('A=1\n  A=2\n', style);
    const actions = await doc.allFixes('leadingCharacter');
    assert.equal(doc.apply(doc.titled(actions, 'Suppress leadingCharacter in this file')), '# envls-disable leadingCharacter\nA=1\n  A=2\n');
    assert.equal(doc.apply(doc.titled(actions, 'Suppress leadingCharacter on this line')), 'A=1\n  # envls-disable-next-line leadingCharacter\n  A=2\n');
  });
});

describe('missingRequired with a client that applies snippet edits (LSP 3.18, VS Code)', () => {
  let snippets: Client;
  before(async () => {
    snippets = await startServer({ rootPath: dir, capabilities: { workspace: { workspaceEdit: { documentChanges: true, snippetEditSupport: true } } } });
  });
  after(async () => {
    await snippets?.stop();
  });

  test('"Add X" is a versioned snippet edit with the cursor on the new value; the text is the plain fix\'s', async () => {
    const text = '# envls-schema: neosync/api\nDB_HOST=db\nDB_NAME=nucleus\nDB_PORT=5432\nDB_USER=postgres\n';
    const uri = `file://${join(dir, `${++counter}.env`)}`;
    const published = await snippets.open(uri, text);
    const pass = published.diagnostics.find((d) => String(d.message).startsWith('DB_PASS'))!;
    const actions = await snippets.request<{ title: string; edit: { changes?: unknown; documentChanges: { textDocument: { uri: string; version: number | null }; edits: { range: Diagnostic['range']; snippet?: { kind: string; value: string }; newText?: string }[] }[] } }[]>(
      'textDocument/codeAction',
      { textDocument: { uri }, range: pass.range, context: { diagnostics: [pass] } },
    );
    const add = actions.find((a) => a.title === 'Add DB_PASS')!;
    assert.equal(add.edit.changes, undefined);
    const [change] = add.edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 1 }, 'stamped with the version the diagnostic was published for');
    assert.deepEqual(change.edits, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, snippet: { kind: 'snippet', value: 'DB_PASS=$0\n' } }], 'after DB_USER');
    // The same fix for a client without snippet support (the plain client) inserts the same text.
    const plainDoc = await document(text);
    const plainAdd = plainDoc.titled(await plainDoc.actionsFor(plainDoc.published.diagnostics.find((d) => String(d.message).startsWith('DB_PASS'))!), 'Add DB_PASS');
    assert.equal(plainDoc.apply(plainAdd), `${text}DB_PASS=\n`);
    // Other fixes (suppression) stay plain edits.
    const suppress = actions.find((a) => a.title === 'Suppress missingRequired on this line')!;
    assert.ok(suppress.edit.documentChanges.every((c) => c.edits.every((e) => e.snippet === undefined)));
  });
});
