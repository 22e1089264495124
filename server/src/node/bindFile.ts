/** Node-side inputs of schema binding: setting globs, sibling marker files, detection. */
import { readdirSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import picomatch from 'picomatch';
import type { BindingInput } from '../service/binding';
import type { EnvDocument } from '../service/parser/model';
import { detectSchemas } from '../service/schema/detect';
import type { SchemaStore } from './schemaStore';

export interface BindOptions {
  /** envls.schemas: id -> glob(s), relative to the workspace folder. */
  schemaGlobs?: Readonly<Record<string, string | readonly string[]>>;
  workspaceFolder?: string;
  /** --schema on the command line. */
  cliIds?: readonly string[];
  /** Turn detection off (envls.detect: false). */
  detect?: boolean;
  /** Lists a folder for marker-file detection (the CLI passes a cached one: one read per folder). */
  listFolder?: (dir: string) => string[];
}

export function bindingInputFor(filePath: string | undefined, store: SchemaStore, options: BindOptions): (doc: EnvDocument) => Omit<BindingInput, 'doc'> {
  const externalIds: string[] = [...(options.cliIds ?? [])];
  let externalReason = externalIds.length > 0 ? '--schema on the command line' : undefined;
  if (externalIds.length === 0 && filePath && options.schemaGlobs) {
    const rel = options.workspaceFolder ? relative(options.workspaceFolder, filePath) : basename(filePath);
    for (const [id, globs] of Object.entries(options.schemaGlobs)) {
      const list = typeof globs === 'string' ? [globs] : [...globs];
      if (list.some((glob) => picomatch(glob, { dot: true, basename: !glob.includes('/') })(rel))) {
        externalIds.push(id);
        externalReason = `envls.schemas setting (${id}: ${list.join(', ')})`;
      }
    }
  }
  return (doc) => ({
    available: store.available,
    externalIds,
    externalReason,
    detect: options.detect === false
      ? undefined
      : () => detectSchemas({ keys: doc.entries.map((e) => e.key), siblingFiles: filePath ? (options.listFolder ?? siblings)(dirname(filePath)) : [] }, store.available.values()),
  });
}

function siblings(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
