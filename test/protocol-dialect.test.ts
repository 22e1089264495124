/**
 * envls.dialect over JSON-RPC: per glob, the compose reading's diagnostics and hover;
 * elsewhere dotenv's, where a bare name is a warning.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-types';
import { startServer } from './support/lspClient';

const DOCKER_ENV = readFileSync(join(__dirname, 'fixtures/dialect/docker/.env'), 'utf8');

test('envls.dialect per glob: docker/.env reads as compose (no diagnostics), the same text elsewhere as dotenv (warnings)', async () => {
  const root = mkdtempSync(join(tmpdir(), 'envls-dialect-'));
  mkdirSync(join(root, 'docker'));
  const client = await startServer({ rootPath: root, settings: { dialect: { 'docker/**': 'compose' } } });
  try {
    const composeFile = join(root, 'docker/.env');
    const compose = await client.open(composeFile, DOCKER_ENV);
    assert.deepEqual(compose.diagnostics, []);
    const dotenvFile = join(root, '.env');
    const dotenv = await client.open(dotenvFile, DOCKER_ENV);
    assert.equal(dotenv.diagnostics.length, 75);
    assert.ok(dotenv.diagnostics.every((d) => d.code === 'syntaxError' && d.severity === 2));
    const line = DOCKER_ENV.split('\n').indexOf('POSTGRES_HOST');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri: pathToFileURL(composeFile).href },
      position: { line, character: 2 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /docker compose reads: the shell's value of POSTGRES_HOST, passed through/);
  } finally {
    await client.stop();
  }
});
