/**
 * The schemas shipped with envls. Imported as JSON modules so esbuild bundles them
 * (no file system access at run time). Add a new file here and in the list below.
 */
import authjs from '../../../../schemas/fragments/authjs.json';
import nodeTls from '../../../../schemas/fragments/node-tls.json';
import otel from '../../../../schemas/fragments/otel.json';
import neosyncApi from '../../../../schemas/neosync/api.json';
import neosyncMigrations from '../../../../schemas/neosync/migrations.json';
import neosyncApp from '../../../../schemas/neosync/app.json';
import neosyncWorker from '../../../../schemas/neosync/worker.json';
import neosyncCli from '../../../../schemas/neosync/cli.json';
import fluxApp from '../../../../schemas/flux/app.json';
import fluxCli from '../../../../schemas/flux/cli.json';
import fluxPostgrest from '../../../../schemas/flux/postgrest.json';
import flux from '../../../../schemas/flux/flux.json';
import flagsmithApi from '../../../../schemas/flagsmith/api.json';
import flagsmithFrontend from '../../../../schemas/flagsmith/frontend.json';
import flagsmith from '../../../../schemas/flagsmith/flagsmith.json';
import { composeSchemas, type SchemaSource } from './compose';
import { PREBUILT_BUILTIN_SCHEMAS } from './prebuilt';
import { fromSnapshot } from './snapshot';
import type { ResolvedSchema } from './types';

const files: unknown[] = [
  authjs, nodeTls, otel,
  neosyncApi, neosyncMigrations, neosyncApp, neosyncWorker, neosyncCli,
  fluxApp, fluxCli, fluxPostgrest, flux,
  flagsmithApi, flagsmithFrontend, flagsmith,
];

/** Every builtin schema file, fragments included, with origin `builtin:<id>`. */
export const builtinSchemaFiles: readonly SchemaSource[] = files.map((json) => ({ origin: `builtin:${(json as { id: string }).id}`, json }));

let composed: Map<string, ResolvedSchema> | undefined;

/** The builtin schemas: composed at build time in the bundles, else once on first use. */
export function builtinSchemas(): Map<string, ResolvedSchema> {
  if (!composed) composed = PREBUILT_BUILTIN_SCHEMAS !== undefined ? fromSnapshot(PREBUILT_BUILTIN_SCHEMAS) : composeSchemas(builtinSchemaFiles).schemas;
  return composed;
}
