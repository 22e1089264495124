import type { Convention } from './convention';

/**
 * Next.js, "Environment Variable Load Order": "looked up in the following places, in order,
 * stopping once the variable is found": process.env, `.env.$(NODE_ENV).local`, `.env.local`
 * (not checked when NODE_ENV is test), `.env.$(NODE_ENV)`, `.env`. "The allowed values for
 * NODE_ENV are production, development and test."
 */
export const nextjs: Convention = {
  name: 'nextjs',
  title: 'Next.js',
  source: 'https://nextjs.org/docs/app/guides/environment-variables#environment-variable-load-order',
  modes: ['development', 'production', 'test'],
  openModes: false,
  wins: 'first',
  files: (mode) => [`.env.${mode}.local`, ...(mode === 'test' ? [] : ['.env.local']), `.env.${mode}`, '.env'],
};
