import type { Convention } from './convention';

/**
 * Nuxt, "`.env`": "if you have a .env file in your project root directory, it will be automatically
 * loaded at dev, build and generate time"; another file only with `--dotenv .env.local`; after the
 * build, ".env files will not be read". Nuxt builds on Vite but does not use Vite's mode files.
 */
export const nuxt: Convention = {
  name: 'nuxt',
  title: 'Nuxt',
  source: 'https://nuxt.com/docs/guide/directory-structure/env',
  modes: ['default'],
  openModes: false,
  wins: 'first',
  files: () => ['.env'],
};
