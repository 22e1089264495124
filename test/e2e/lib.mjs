// Shared helpers for the editor end-to-end tests (test/e2e/*.e2e.mjs, run by `npm run test:e2e`).
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const TOOLS = process.env.ENVLS_E2E_TOOLS ?? join(ROOT, '.e2e', 'tools');
export const SERVER = process.env.ENVLS_E2E_SERVER ?? join(ROOT, 'dist', 'server.js');
export const VSIX = process.env.ENVLS_E2E_VSIX ?? join(ROOT, 'envls.vsix');
export const FIXTURES = join(ROOT, 'test', 'e2e', 'workspace');
export const RESULTS = join(ROOT, 'test-results', 'e2e');

/** A fresh temp folder (removed at exit unless ENVLS_E2E_KEEP=1). */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `envls-e2e-${prefix}-`));
  if (process.env.ENVLS_E2E_KEEP !== '1') process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Copies the fixture workspace so that no editor writes into the repository. */
export function copyWorkspace(prefix) {
  const dir = join(tempDir(prefix), 'workspace');
  cpSync(FIXTURES, dir, { recursive: true });
  return dir;
}

/** test-results/e2e/<editor>/, emptied first so that every file in it is from this run. */
export function resultsDir(editor) {
  const dir = join(RESULTS, editor);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function requireFile(path, hint) {
  if (!existsSync(path)) throw new Error(`${path} is missing: ${hint}`);
}

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

/** Polls fn until it returns a truthy value; throws with `what` after timeoutMs. */
export async function waitFor(what, fn, timeoutMs = 30_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs a command to completion; resolves { code, stdout, stderr }; rejects on timeout. */
export function run(cmd, args, { env, cwd, timeoutMs = 120_000, input } = {}) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { env: env ?? process.env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cmd} ${args.join(' ')} timed out after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code, stdout, stderr });
    });
    child.stdin.end(input ?? '');
  });
}

export function readText(path) {
  return readFileSync(path, 'utf8');
}

/**
 * What every editor must see on the fixture files (test/e2e/workspace). One place, so the VS Code,
 * Neovim and Emacs checks agree.
 */
export const FIXTURE_FILES = {
  neosync: {
    file: '.env',
    schema: 'neosync/api',
    schemaTitle: 'Neosync backend API',
    codes: ['missingRequired', 'invalidValue', 'duplicateKey'],
    missing: 'DB_PASS',
    invalidKey: 'DB_PORT',
    hoverKey: 'DB_HOST',
    hoverText: /database host/i,
    completionPrefix: 'DB_P',
    completionItem: 'DB_PASS',
    completionDoc: /password/i,
    // A secret by its schema (neosync/api): cloaked in VS Code until the caret is on its line.
    cloaked: { key: 'AUTH_API_CLIENT_SECRET', secret: 'PufiCKGRDISEokPZ9VwB6T86aDKj33f4' },
  },
  flux: {
    file: '.env.local',
    schema: 'flux',
    codes: ['missingRequired', 'aliasConflict', 'invalidValue', 'legacyName'],
    missing: 'FLUX_GATEWAY_JWT_SECRET',
    invalidKey: 'FLUX_DEFAULT_MODE',
    aliasKey: 'NEXTAUTH_SECRET',
    quickFixTitle: /Remove NEXTAUTH_SECRET/,
    hoverKey: 'AUTH_SECRET',
    hoverText: /session/i,
  },
  flagsmith: {
    file: 'prod.env',
    schema: 'flagsmith',
    codes: ['missingRequired', 'invalidValue', 'deprecatedVariable', 'insecureValue'],
    missing: 'DATABASE_URL',
    invalidKey: 'LOG_LEVEL',
    hoverKey: 'DJANGO_SECRET_KEY',
    hoverText: /signing/i,
  },
};

/**
 * A user's own schema file in envls's format (test/e2e/workspace/team.envls.json, loaded through
 * `envls.schemaFiles` in the fixture's .vscode/settings.json) with one format error, and a .env bound to
 * it by id. VS Code's JSON language service validates the file through the extension's jsonValidation
 * contribution; envls reports it as invalidSchema and leaves it out until it is fixed.
 */
export const USER_SCHEMA = {
  file: 'team.envls.json',
  id: 'acme/team',
  typo: 'strnig',
  fixed: 'string',
  envFile: 'team.env',
  // Declared only by acme/team: its missingRequired proves the .env is checked against that schema.
  missing: 'ACME_API_TOKEN',
};

/**
 * Go to definition and rename (test/e2e/workspace/nav.env, bound to no schema): `${DB_USER}` on line 4
 * (0-based 3) is defined on line 2 (0-based 1); renaming the key renames both references, `${…}` and `$`
 * forms kept.
 */
export const NAVIGATION = {
  file: 'nav.env',
  codes: ['undefinedReference'],
  name: 'DB_USER',
  definitionLine: 1,
  referenceLine: 3,
  /** Inside `DB_USER` of `${DB_USER}` on the reference line. */
  referenceCharacter: 29,
  newName: 'POSTGRES_USER',
  renamed: (text) => text.replace('DB_USER=', 'POSTGRES_USER=').replace('${DB_USER}', '${POSTGRES_USER}').replace('$DB_USER@', '$POSTGRES_USER@'),
};

/**
 * A Next.js app in a subfolder (test/e2e/workspace/webapp, its own app: it has a package.json) with
 * layered files and the team's example: `.env.local` overrides API_URL of `.env` in development and
 * production; no layer sets PAGE_SIZE and LOG_LEVEL of `.env.example`, which "Add all missing" copies
 * with their comments.
 */
export const PROJECT = {
  folder: 'webapp',
  file: 'webapp/.env',
  key: 'API_URL',
  /** The hover's effective values: Next.js order, each mode with its file. */
  hoverText: [/Effective value/, /development: http:\/\/localhost:4000 from \.env\.local/, /test: http:\/\/localhost:3000 from \.env/],
  fixTitle: /Add all missing from \.env\.example/,
  /** What the fix appends to webapp/.env. */
  added: ['# Items per page in listings', 'PAGE_SIZE=20', '# Log verbosity: debug, info, warn or error', 'LOG_LEVEL=info'],
};

/**
 * A Next.js + Auth.js + Prisma app (test/e2e/workspace/authapp: package.json with next, next-auth and
 * @prisma/client, the team's .env.example, an empty .env). Completion in the empty .env lists the example's
 * names first with the detected catalog schemas' names; the example's comment is an item's documentation and
 * its working value the inserted one.
 */
export const AUTH_APP = {
  folder: 'authapp',
  file: 'authapp/.env',
  /** What the language status item says: the manifest the schemas were detected from, and the example. */
  statusDetail: /from package\.json \+ \.env\.example/,
  /** Listed without typing: the example's own names and the schema variables it lists (Auth.js v4, Prisma). */
  listed: ['PAGE_SIZE', 'WEATHER_API_KEY', 'NEXTAUTH_URL', 'NEXTAUTH_SECRET', 'DATABASE_URL'],
  /** A Next.js schema variable the example does not list, found by typing part of it. */
  nextjs: { prefix: 'NEXT_TEL', item: 'NEXT_TELEMETRY_DISABLED' },
  /** The example's variable whose documentation is checked, and what accepting it writes. */
  documented: { prefix: 'PAGE', item: 'PAGE_SIZE', doc: /Items per page in the dashboard's listings/, inserted: 'PAGE_SIZE=20' },
};

/**
 * Code and .env together (test/e2e/workspace/codeapp, its own app): `process.env.` in a TypeScript file
 * completes the .env's variables with the comments above them as documentation; F12 on a read lands on
 * its .env line; renaming the key in the .env renames the read in the code. worker.py reads ORDERS_URL
 * with `os.getenv("ORDERS_URL")` on line 3 (0-based 2).
 */
export const CODE = {
  folder: 'codeapp',
  tsFile: 'codeapp/src/orders.ts',
  pyFile: 'codeapp/worker.py',
  envFile: 'codeapp/.env',
  name: 'ORDERS_URL',
  /** 0-based line of ORDERS_URL in codeapp/.env. */
  envLine: 3,
  /** 0-based line and character inside ORDERS_URL of the read in orders.ts and in worker.py. */
  tsRead: { line: 0, character: 40 },
  pyRead: { line: 2, character: 22 },
  completionItems: ['API_PORT', 'ORDERS_URL'],
  completionDoc: /Port the API listens on/,
  newName: 'ORDERS_API_URL',
};
