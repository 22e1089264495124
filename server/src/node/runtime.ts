/** The Node runtime of the protocol layer: the real file system and setImmediate. */
import { readdirSync, readFileSync } from 'node:fs';
import type { Runtime } from '../protocol/runtime';
import { findSchemaFiles } from './schemaFiles';

export function nodeRuntime(): Runtime {
  return {
    files: {
      readText: (path) => readFileSync(path, 'utf8'),
      listDirectory: (path) => {
        try {
          return readdirSync(path);
        } catch {
          return [];
        }
      },
      findSchemaFiles,
    },
    yieldToEvents: () => new Promise<void>((resolve) => setImmediate(resolve)),
  };
}
