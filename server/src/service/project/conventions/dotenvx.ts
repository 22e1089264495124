import type { Convention } from './convention';
import { nextjs } from './nextjs';

/**
 * dotenvx, `run -f`: "Load multiple files (first wins)": `dotenvx run -f .env.local -f .env`
 * gives `.env.local`'s value; with `--overload` "subsequent files DO override pre-existing
 * variables defined in previous files". Without `-f` it loads `.env`; `--convention=nextjs`
 * loads the Next.js order.
 */
export const dotenvx: Convention = {
  name: 'dotenvx',
  title: 'dotenvx',
  source: 'https://dotenvx.com/docs/cli/run-f',
  modes: ['default'],
  openModes: false,
  wins: 'first',
  files: () => ['.env'],
};

export const DOTENVX_OVERLOAD_SOURCE = 'https://dotenvx.com/docs/cli/run-overload';

/** One `dotenvx run` found in a package.json script. */
export interface DotenvxRun {
  /** The script's name (`dev`, `start`): the mode envls shows. */
  script: string;
  /** As given with -f / --env-file, relative to the package folder, in command-line order. */
  files: string[];
  overload: boolean;
  convention?: 'nextjs';
}

const RUN = /\bdotenvx\s+run\b/;

/** Splits a script on whitespace, dropping simple quotes (enough for file names). */
function words(command: string): string[] {
  return command.split(/\s+/).filter(Boolean).map((word) => word.replace(/^['"]|['"]$/g, ''));
}

/** The `dotenvx run` options of one script; undefined when it runs no dotenvx. Reads up to the `--` that starts the command. */
export function dotenvxRunOf(script: string, command: string): DotenvxRun | undefined {
  const match = RUN.exec(command);
  if (!match) return undefined;
  const tokens = words(command.slice(match.index + match[0].length));
  const run: DotenvxRun = { script, files: [], overload: false };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === '--' || token === '&&' || token === ';' || token === '||') break;
    if (token === '--overload' || token === '-o' || token === '--override') run.overload = true;
    else if (token === '--convention=nextjs') run.convention = 'nextjs';
    else if (token === '--convention' && tokens[i + 1] === 'nextjs') {
      run.convention = 'nextjs';
      i++;
    } else if (token.startsWith('--env-file=') || token.startsWith('-f=')) run.files.push(token.slice(token.indexOf('=') + 1));
    else if (token === '-f' || token === '--env-file') {
      // The option is variadic: `-f .env.local .env` lists two files.
      while (i + 1 < tokens.length && !tokens[i + 1].startsWith('-')) run.files.push(tokens[++i]);
    }
  }
  return run;
}

/** The files of a run, the one that wins first (for `--convention=nextjs`, Next.js's order in `mode`). */
export function dotenvxPrecedence(run: DotenvxRun, nextMode = 'development'): string[] {
  if (run.convention === 'nextjs') return nextjs.files(nextMode);
  const files = run.files.length > 0 ? [...run.files] : ['.env'];
  return run.overload ? files.reverse() : files;
}
