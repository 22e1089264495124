/** Node-side inputs of schema binding: setting globs, sibling marker files, the app's manifests, detection. */
import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BindingInput } from '../service/binding';
import type { EnvDocument } from '../service/parser/model';
import { detectSchemas } from '../service/schema/detect';
import { appDependencies } from './appManifests';
import type { SchemaGlobs } from './schemaGlobs';
import type { SchemaStore } from './schemaStore';

export interface BindOptions {
  /** envls.schemas, compiled once per settings change. */
  schemaGlobs?: SchemaGlobs;
  workspaceFolder?: string;
  /** --schema on the command line. */
  cliIds?: readonly string[];
  /** Turn detection off (envls.detect: false). */
  detect?: boolean;
  /** The names in a folder (marker files beside the document); the file system by default. */
  listDirectory?: (path: string) => string[];
}

export function bindingInputFor(filePath: string | undefined, store: SchemaStore, options: BindOptions): (doc: EnvDocument) => Omit<BindingInput, 'doc'> {
  const externalIds: string[] = [...(options.cliIds ?? [])];
  let externalReason = externalIds.length > 0 ? '--schema on the command line' : undefined;
  if (externalIds.length === 0 && filePath && options.schemaGlobs) {
    const matched = options.schemaGlobs.match(filePath, options.workspaceFolder);
    externalIds.push(...matched.ids);
    externalReason = matched.reason;
  }
  const listDirectory = options.listDirectory ?? siblings;
  return (doc) => ({
    available: store.available,
    externalIds,
    externalReason,
    detect: options.detect === false
      ? undefined
      : () =>
          detectSchemas(
            {
              keys: doc.entries.map((e) => e.key),
              siblingFiles: filePath ? listDirectory(dirname(filePath)) : [],
              dependencies: filePath ? appDependencies(dirname(filePath), listDirectory, options.workspaceFolder) : [],
            },
            store.available,
          ),
  });
}

function siblings(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}
