/** Every named convention, by the name `envls.loadOrder` uses. */
import type { Convention, ConventionName } from './convention';
import { dotenv } from './dotenv';
import { dotenvx } from './dotenvx';
import { nextjs } from './nextjs';
import { nuxt } from './nuxt';
import { djangoEnviron, pythonDotenv } from './python';
import { railsDotenv } from './railsDotenv';
import { sveltekit } from './sveltekit';
import { varlock } from './varlock';
import { vite } from './vite';

/** compose has no fixed list: its order comes from each service's env_file (see ./compose). */
export const CONVENTIONS: ReadonlyMap<Exclude<ConventionName, 'compose'>, Convention> = new Map(
  [nextjs, vite, sveltekit, nuxt, railsDotenv, dotenv, dotenvx, pythonDotenv, djangoEnviron, varlock].map((c) => [c.name as Exclude<ConventionName, 'compose'>, c]),
);

export function conventionNamed(name: string): Convention | undefined {
  return CONVENTIONS.get(name as Exclude<ConventionName, 'compose'>);
}
