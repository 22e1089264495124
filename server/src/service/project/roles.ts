/**
 * What an env file is for, from its name alone. The names are the ones the conventions in
 * ./conventions document (`.env`, `.env.local`, `.env.[mode]`, `.env.[mode].local`) plus the
 * names teams use for the committed contract (`.env.example`, `.env.sample`, `.env.template`,
 * `.env.dist`, `example.env`, `.env-example`, `.env.[mode].example`) and env-spec's `.env.schema`.
 */

export type EnvFileRole =
  /** Holds values for every mode (`.env`, `prod.env`, `.env-local`…). */
  | 'values'
  /** Holds values for one mode (`.env.production`). */
  | 'mode'
  /** A local override, usually git-ignored (`.env.local`, `.env.production.local`). */
  | 'local'
  /** The team's contract, copied to a values file (`.env.example`, `.env.production.example`). */
  | 'example'
  /** A schema of the variables (`.env.schema`). */
  | 'schema';

export interface FileRole {
  role: EnvFileRole;
  /** The mode of `.env.[mode]`, `.env.[mode].local`, `.env.[mode].example`. */
  mode?: string;
}

const EXAMPLE_WORDS = new Set(['example', 'sample', 'template', 'dist']);

/** True for the names the model treats as env files. */
export function isEnvFileName(name: string): boolean {
  return name === '.env' || name.startsWith('.env.') || name.startsWith('.env-') || (name.endsWith('.env') && name.length > 4);
}

/** The role of an env file named `name` (a base name, no folder); undefined when it is not an env file name. */
export function roleOfName(name: string): FileRole | undefined {
  if (!isEnvFileName(name)) return undefined;
  if (name === '.env') return { role: 'values' };
  if (name === '.env.schema') return { role: 'schema' };
  if (!name.startsWith('.env.')) {
    // `example.env`, `sample.env`; other `x.env` / `.env-x` names hold values.
    const stem = name.endsWith('.env') ? name.slice(0, -4).replace(/[.\-_]$/, '') : '';
    // `.env-example`, `.env-sample` (Flagsmith's frontend commits a `.env-example`) are examples too.
    const suffix = /^\.env-(\w+)$/.exec(name)?.[1] ?? '';
    return EXAMPLE_WORDS.has(stem.toLowerCase()) || EXAMPLE_WORDS.has(suffix.toLowerCase()) ? { role: 'example' } : { role: 'values' };
  }
  const parts = name.slice(5).split('.');
  const last = parts[parts.length - 1].toLowerCase();
  if (EXAMPLE_WORDS.has(last)) return parts.length === 1 ? { role: 'example' } : { role: 'example', mode: parts.slice(0, -1).join('.') };
  if (last === 'local') return parts.length === 1 ? { role: 'local' } : { role: 'local', mode: parts.slice(0, -1).join('.') };
  if (parts[0] === '' ) return { role: 'values' };
  return { role: 'mode', mode: parts.join('.') };
}

/** Files that hold values a program reads (not an example, template or schema). */
export function holdsValues(role: FileRole): boolean {
  return role.role !== 'example' && role.role !== 'schema';
}
