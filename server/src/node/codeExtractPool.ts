/**
 * Worker threads that parse and extract code files for the scan (`codeWorker.ts`), so that indexing
 * a large repository never holds the main thread (a file's parse is synchronous and may take
 * hundreds of milliseconds) and uses a second core when there is one.
 *
 * One pool per process, made on first use; its workers are unref'd (they never keep a process
 * alive) and each loads tree-sitter and the grammars it needs itself. The worker script is
 * dist/codeWorker.js beside the bundle; from the sources (tests) codeWorker.ts through tsx's loader.
 * When no worker can be started the scan extracts on the main thread, in slices.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { CodeLanguage, EnvRead } from '../service/code/types';
import type { ExtractRequest, ExtractResponse } from './codeWorker';

interface Pending {
  resolve: (reads: EnvRead[]) => void;
  reject: (error: Error) => void;
}

export class CodeExtractPool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failed: Error | undefined;

  constructor(script: string, options: WorkerOptions, size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, options);
      const entry = { worker, busy: 0 };
      worker.on('message', (response: ExtractResponse) => {
        // Referenced only while it has work: an idle pool never keeps the process alive.
        if (--entry.busy === 0) worker.unref();
        const waiting = this.pending.get(response.id);
        if (!waiting) return;
        this.pending.delete(response.id);
        if ('error' in response) waiting.reject(new Error(response.error));
        else waiting.resolve(response.reads);
      });
      worker.on('error', (error) => this.failAll(error));
      worker.on('exit', (code) => this.failAll(new Error(`code index worker exited (${code})`)));
      // Idle: unreferenced (after the listeners, as attaching a 'message' listener references it again).
      worker.unref();
      this.workers.push(entry);
    }
  }

  /** Files in flight per worker that keep it busy while the next ones are read. */
  get capacity(): number {
    return this.workers.length * 4;
  }

  /** Rejects when the pool has failed (a worker died): the caller then extracts itself. */
  extract(language: CodeLanguage, text: string): Promise<EnvRead[]> {
    // A worker that has stopped has threadId -1, even before its 'exit' event is delivered.
    if (!this.failed && this.workers.some(({ worker }) => worker.threadId === -1)) this.failAll(new Error('code index worker exited'));
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const entry = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    if (entry.busy++ === 0) entry.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, language, text } satisfies ExtractRequest);
    });
  }

  private failAll(error: Error): void {
    this.failed ??= error;
    for (const { worker } of this.workers) worker.unref();
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    if (shared === this) shared = null;
  }
}

/** undefined: not tried yet; null: no workers here (the scan extracts on the main thread). */
let shared: CodeExtractPool | null | undefined;

export function codeExtractPool(): CodeExtractPool | undefined {
  if (shared === undefined) {
    shared = null;
    const bundled = join(__dirname, 'codeWorker.js');
    const source = join(__dirname, 'codeWorker.ts');
    const size = Math.max(1, Math.min(2, availableParallelism()));
    try {
      if (existsSync(bundled)) shared = new CodeExtractPool(bundled, {}, size);
      else if (existsSync(source)) {
        // From the sources (tests run through tsx): the worker registers tsx's loader first.
        const tsx = require.resolve('tsx/cjs');
        shared = new CodeExtractPool(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, { eval: true }, size);
      }
    } catch {
      shared = null;
    }
  }
  return shared ?? undefined;
}
