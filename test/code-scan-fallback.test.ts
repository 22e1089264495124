/** When the code index's workers die, scans still finish, on the main thread, with the same reads (own process: it kills the shared pool). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { codeExtractPool } from '../server/src/node/codeExtractPool';
import { CodeWorkspace } from '../server/src/node/codeScan';

test('a pool whose workers exited rejects at once, and the scan extracts on the main thread', async (t) => {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'envls-code-fallback-')));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 10; i++) {
    mkdirSync(dirname(join(dir, `src/f${i}.ts`)), { recursive: true });
    writeFileSync(join(dir, `src/f${i}.ts`), `export const v = process.env.VAR_${i} ?? "d";\n`);
  }
  const pool = codeExtractPool();
  assert.ok(pool, 'workers start from the sources');
  assert.deepEqual((await pool.extract('typescript', 'process.env.A')).map((r) => r.name), ['A']);
  const workers = (pool as unknown as { workers: { worker: Worker }[] }).workers;
  // One at a time, each referenced while it stops: the pool unreferences its workers (idle, or once one died).
  for (const { worker } of workers) {
    worker.ref();
    await worker.terminate();
  }
  await assert.rejects(pool.extract('typescript', 'process.env.B'), /exited/);
  assert.equal(codeExtractPool(), undefined, 'no new pool: the main thread extracts');
  const ws = await CodeWorkspace.scan(dir, { git: { home: join(dir, 'h'), xdgConfigHome: join(dir, 'h') } });
  assert.equal(ws.index.namesRead().length, 10);
});
