import type { Convention } from './convention';
import { vite } from './vite';

/**
 * SvelteKit: `$env/static/private` holds "environment variables loaded by Vite from .env files
 * and process.env", so the order is Vite's (SvelteKit runs on Vite and calls its loadEnv).
 */
export const sveltekit: Convention = {
  ...vite,
  name: 'sveltekit',
  title: 'SvelteKit (Vite order)',
  source: 'https://svelte.dev/docs/kit/$env-static-private',
};
