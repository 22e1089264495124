/**
 * picomatch, required on first use: the server matches globs only when settings hold some
 * (envls.schemas, envls.dialect, envls.loadOrder, schema files), so it is not evaluated while
 * the server starts. Same functions, same options.
 */
import type Picomatch from 'picomatch';

let loaded: typeof Picomatch | undefined;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (): typeof Picomatch => (loaded ??= require('picomatch') as typeof Picomatch);

export const picomatch = Object.assign((glob: string, options?: Picomatch.PicomatchOptions): Picomatch.Matcher => load()(glob, options), {
  scan: (input: string): ReturnType<typeof Picomatch.scan> => load().scan(input),
});
