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
import catalogAnthropic from '../../../../schemas/catalog/anthropic.json';
import catalogAuthjsV4 from '../../../../schemas/catalog/authjs-v4.json';
import catalogAuthjsV5 from '../../../../schemas/catalog/authjs-v5.json';
import catalogAws from '../../../../schemas/catalog/aws.json';
import catalogDjango from '../../../../schemas/catalog/django.json';
import catalogDockerCompose from '../../../../schemas/catalog/docker-compose.json';
import catalogLaravel from '../../../../schemas/catalog/laravel.json';
import catalogNextjs from '../../../../schemas/catalog/nextjs.json';
import catalogNode from '../../../../schemas/catalog/node.json';
import catalogOpenai from '../../../../schemas/catalog/openai.json';
import catalogOpentelemetry from '../../../../schemas/catalog/opentelemetry.json';
import catalogPostgres from '../../../../schemas/catalog/postgres.json';
import catalogPosthog from '../../../../schemas/catalog/posthog.json';
import catalogPrisma from '../../../../schemas/catalog/prisma.json';
import catalogRails from '../../../../schemas/catalog/rails.json';
import catalogRedis from '../../../../schemas/catalog/redis.json';
import catalogS3 from '../../../../schemas/catalog/s3.json';
import catalogSentry from '../../../../schemas/catalog/sentry.json';
import catalogSmtp from '../../../../schemas/catalog/smtp.json';
import catalogStripe from '../../../../schemas/catalog/stripe.json';
import catalogSupabase from '../../../../schemas/catalog/supabase.json';
import catalogVite from '../../../../schemas/catalog/vite.json';
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

/** The catalog of common services and frameworks (schemas/catalog/), in id order. */
const catalogFiles: unknown[] = [
  catalogAnthropic, catalogAuthjsV4, catalogAuthjsV5, catalogAws, catalogDjango, catalogDockerCompose, catalogLaravel, catalogNextjs, catalogNode, catalogOpenai, catalogOpentelemetry, catalogPostgres, catalogPosthog, catalogPrisma, catalogRails, catalogRedis, catalogS3, catalogSentry, catalogSmtp, catalogStripe, catalogSupabase, catalogVite,
];

/** Every builtin schema file, fragments and catalog included, with origin `builtin:<id>`. */
export const builtinSchemaFiles: readonly SchemaSource[] = [
  ...files.map((json) => ({ origin: `builtin:${(json as { id: string }).id}`, json })),
  ...catalogFiles.map((json) => ({ origin: `builtin:${(json as { id: string }).id}`, json, catalog: true })),
];

let composed: Map<string, ResolvedSchema> | undefined;

/** The builtin schemas: composed at build time in the bundles, else once on first use. */
export function builtinSchemas(): Map<string, ResolvedSchema> {
  if (!composed) composed = PREBUILT_BUILTIN_SCHEMAS !== undefined ? fromSnapshot(PREBUILT_BUILTIN_SCHEMAS) : composeSchemas(builtinSchemaFiles).schemas;
  return composed;
}
