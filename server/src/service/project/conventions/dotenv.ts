import type { Convention } from './convention';

/**
 * The dotenv package: "By default, config will look for a file called .env in the current working
 * directory." With several paths, "the first value set for a variable will win, unless the
 * options.override flag is set, in which case the last value set will win" — lists of paths are
 * set with envls.loadOrder (an explicit list, `override` for last-wins).
 */
export const dotenv: Convention = {
  name: 'dotenv',
  title: 'dotenv',
  source: 'https://github.com/motdotla/dotenv#path',
  modes: ['default'],
  openModes: false,
  wins: 'first',
  files: () => ['.env'],
};
