/**
 * A worker thread of the code index: parses and extracts one file per message, off the main thread
 * (the language server keeps answering; on several cores files are parsed in parallel).
 * Message in: `{ id, language, text }`; out: `{ id, reads }` or `{ id, error }` (a stack, never the text).
 */
import { parentPort } from 'node:worker_threads';
import { extractReads } from '../service/code/extract';
import type { CodeLanguage } from '../service/code/types';
import { loadCodeParsers } from './codeParsers';

export interface ExtractRequest {
  id: number;
  language: CodeLanguage;
  text: string;
}

export type ExtractResponse = { id: number; reads: ReturnType<typeof extractReads> } | { id: number; error: string };

parentPort?.on('message', (request: ExtractRequest) => {
  void (async () => {
    let response: ExtractResponse;
    try {
      const parsers = await loadCodeParsers([request.language]);
      response = { id: request.id, reads: extractReads(request.language, request.text, parsers) };
    } catch (error) {
      response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : 'unknown error' };
    }
    parentPort!.postMessage(response);
  })();
});
