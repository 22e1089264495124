import type { Convention } from './convention';

/**
 * varlock, "Loading environment-specific .env files": the files apply "with a specific precedence
 * (increasing): `.env.schema` […], `.env`, `.env.local`, `.env.[currentEnv]`, `.env.[currentEnv].local`"
 * (https://varlock.dev/guides/environments/). The environment is the item `@currentEnv` names, often
 * `$VARLOCK_ENV`, "one of development, preview, staging, production, test"
 * (https://varlock.dev/reference/builtin-variables/#varlock_env); any `.env.[env]` file adds its env.
 *
 * `.env.schema` is left out of the order: it is the schema (its values are defaults, schema/envSpec.ts),
 * and a layer would make each of its items count as set in every file.
 */
export const varlock: Convention = {
  name: 'varlock',
  title: 'varlock',
  source: 'https://varlock.dev/guides/environments/',
  modes: ['development', 'preview', 'staging', 'production', 'test'],
  openModes: true,
  wins: 'last',
  files: (mode) => ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`],
};
