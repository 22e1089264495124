/**
 * What the protocol layer needs from its host, so that the server runs the same
 * in a spawned process and in a test's own process: file reads (schema files,
 * the names beside a file for detection) and a way to let queued messages through.
 * node/runtime.ts is the Node implementation.
 */
import type { Rule } from '../service/rules/rule';

export interface FileAccess {
  /** The text of a file; throws when it cannot be read. */
  readText(path: string): string;
  /** The names in a folder; [] when it cannot be read. */
  listDirectory(path: string): string[];
  /** envls.schemaFiles globs resolved in the workspace folders. */
  findSchemaFiles(globs: readonly string[], workspaceFolders: readonly string[]): string[];
}

export interface Runtime {
  files: FileAccess;
  /**
   * Testing only (the in-process test harness): rules run after the declared ones, e.g. one
   * that throws, to test rule isolation end to end. The Node runtime never sets it.
   */
  extraRules?: readonly Rule[];
  /** Resolves after pending I/O callbacks ran (setImmediate on Node): long passes yield to requests. */
  yieldToEvents(): Promise<void>;
}
