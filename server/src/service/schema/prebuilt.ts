/**
 * Where the builtin schemas come from. This source is the checkout's: the schema files are
 * found by listing the folders of schemas/ (every `schemas/<folder>/*.json`; those of
 * schemas/catalog/ are catalog schemas), so adding a file needs no code edit, and the
 * schemas are composed from them on first use (tests, tsx).
 *
 * scripts/build.mjs replaces this module in the bundles: there PREBUILT reads what the build
 * composed and validated once, from the data files beside the bundle (dist/schemas/: the
 * index, one body per schema, the raw files), and builtinSourceFiles reads the raw files.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltinIndex, SchemaBody } from './builtinIndex';
import type { SchemaSource } from './compose';

export interface Prebuilt {
  index(): BuiltinIndex;
  body(file: string): SchemaBody;
}

/** The build's composed schemas; undefined here: compose from the files. */
export const PREBUILT: Prebuilt | undefined = undefined;

const SCHEMAS_FOLDER = join(__dirname, '../../../../schemas');

/** Every builtin schema file, folders and files in name order (the catalog last), with origin `builtin:<id>`. */
export function builtinSourceFiles(): SchemaSource[] {
  const files: SchemaSource[] = [];
  const folders = readdirSync(SCHEMAS_FOLDER, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  // Products and fragments first, then the catalog (the order of the composed map).
  folders.sort((a, b) => Number(a === 'catalog') - Number(b === 'catalog'));
  for (const folder of folders) {
    for (const name of readdirSync(join(SCHEMAS_FOLDER, folder)).filter((file) => file.endsWith('.json')).sort()) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const json = require(join(SCHEMAS_FOLDER, folder, name)) as { id?: unknown };
      files.push({ origin: `builtin:${String(json.id)}`, json, ...(folder === 'catalog' ? { catalog: true } : {}) });
    }
  }
  return files;
}
