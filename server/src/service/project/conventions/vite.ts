import type { Convention } from './convention';

/**
 * Vite, "`.env` Files": `.env` (loaded in all cases), `.env.local` (all cases, ignored by git),
 * `.env.[mode]` (only in that mode), `.env.[mode].local`; "an env file for a specific mode
 * (e.g. .env.production) will take higher priority than a generic one (e.g. .env)" — Vite's
 * loadEnv reads them in this order, each later file overriding. The dev server runs in
 * `development`, `build` in `production`, and `--mode staging` selects any other mode.
 */
export const vite: Convention = {
  name: 'vite',
  title: 'Vite',
  source: 'https://vite.dev/guide/env-and-mode#env-files',
  modes: ['development', 'production'],
  openModes: true,
  wins: 'last',
  files: (mode) => ['.env', '.env.local', `.env.${mode}`, `.env.${mode}.local`],
};
