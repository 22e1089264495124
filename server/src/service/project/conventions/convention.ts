/**
 * A load-order convention, written down as data from its framework's documentation.
 *
 * `files(mode)` lists the file names in the order the documentation lists them; `wins` says which
 * of two files setting the same variable the program keeps: 'first' (dotenv's rule: a variable
 * already set is not overwritten) or 'last' (later files override). Every module in this folder
 * cites the page it is taken from in `source`, and test/project-conventions.test.ts replays that
 * page's own example.
 */

export type ConventionName =
  | 'nextjs'
  | 'vite'
  | 'sveltekit'
  | 'nuxt'
  | 'rails-dotenv'
  | 'dotenv'
  | 'dotenvx'
  | 'python-dotenv'
  | 'django-environ'
  | 'varlock'
  | 'compose';

export interface Convention {
  readonly name: ConventionName;
  readonly title: string;
  /** The documentation page the order is taken from. */
  readonly source: string;
  /** The modes the documentation names. */
  readonly modes: readonly string[];
  /** Whether any other mode works too (Vite's `--mode staging`): modes found in `.env.[mode]` file names are added. */
  readonly openModes: boolean;
  readonly wins: 'first' | 'last';
  /** The files loaded in `mode`, in the documentation's order. */
  files(mode: string): string[];
}

/** The files of `mode`, the one that wins first. */
export function byPrecedence(convention: Pick<Convention, 'wins' | 'files'>, mode: string): string[] {
  const files = convention.files(mode);
  return convention.wins === 'first' ? files : files.reverse();
}
