/** The options of `envls check`, read from argv; a string is a usage error. */
export type Format = 'text' | 'json' | 'sarif' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'sarif', 'github'];

export interface CheckArgs {
  format: Format;
  schemaIds: string[];
  schemaFiles: string[];
  styleRules: boolean;
  unknownVariables: boolean;
  detect: boolean;
  fix: boolean;
  /** Check each file with its project (layers, example, git); --no-project checks files alone. */
  project: boolean;
  /** With the code of each file's app: unusedVariable, and unsetVariable in the code files. */
  code: boolean;
  /** Report errors only (warnings still count for --max-warnings, as in ESLint). */
  quiet: boolean;
  /** Exit 1 when there are more warnings than this. */
  maxWarnings: number | undefined;
  /** undefined: decide from NO_COLOR and the terminal. */
  color: boolean | undefined;
  paths: string[];
}

export function readCheckArgs(args: readonly string[]): CheckArgs | string {
  const o: CheckArgs = {
    format: 'text', schemaIds: [], schemaFiles: [], styleRules: false, unknownVariables: false,
    detect: true, fix: false, project: true, code: false, quiet: false, maxWarnings: undefined, color: undefined, paths: [],
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = (): string | undefined => args[++i];
    if (arg === '--format' || arg === '-f') {
      const f = value();
      if (!FORMATS.includes(f as Format)) return `unknown format "${f ?? ''}" (one of ${FORMATS.join(', ')})`;
      o.format = f as Format;
    } else if (arg === '--json') o.format = 'json';
    else if (arg === '--schema') o.schemaIds.push(...(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean));
    else if (arg === '--schema-file') {
      const file = value();
      if (!file) return '--schema-file needs a FILE';
      o.schemaFiles.push(file);
    } else if (arg === '--rules') {
      const r = value();
      if (r !== 'dotenv-linter' && r !== 'style') return `unknown rule set "${r ?? ''}"`;
      o.styleRules = true;
    } else if (arg === '--unknown') o.unknownVariables = true;
    else if (arg === '--no-detect') o.detect = false;
    else if (arg === '--fix') o.fix = true;
    else if (arg === '--no-project') o.project = false;
    else if (arg === '--code') o.code = true;
    else if (arg === '--quiet' || arg === '-q') o.quiet = true;
    else if (arg === '--max-warnings') {
      const n = value();
      if (n === undefined || !/^\d+$/.test(n)) return `--max-warnings needs a whole number, got "${n ?? ''}"`;
      o.maxWarnings = Number(n);
    } else if (arg === '--color') o.color = true;
    else if (arg === '--no-color') o.color = false;
    else if (arg.startsWith('-') && arg !== '-') return `unknown option ${arg}`;
    else o.paths.push(arg);
  }
  if (o.code && !o.project) return '--code needs the project (it cannot be used with --no-project)';
  return o;
}
