/**
 * Which program's reading a file follows: docker compose's or the dotenv package's.
 * The setting decides first (`envls.dialect`: `dotenv`, `compose`, or per glob), then
 * the project model (compose reads the file as a service's env_file or as the project
 * `.env` for interpolation), then dotenv, the default.
 */
import { picomatch } from './glob';
import type { Dialect, EnvDocument } from './parser/model';
import { parseEnv } from './parser/parse';
import { parseComposeEnv } from './parser/compose';
import type { ComposeReading } from './project/model';

export const DIALECTS: readonly Dialect[] = ['dotenv', 'compose'];

/** `envls.dialect`: one choice for every file, or per glob (relative to the workspace folder; a glob without `/` matches base names). */
export type DialectSetting = 'auto' | Dialect | Readonly<Record<string, 'auto' | Dialect>>;

export interface DialectInput {
  setting?: DialectSetting;
  /** The file's path relative to its workspace folder, `/`-separated (for glob settings). */
  relativePath?: string;
  /** What the project model knows: ProjectModel.composeReads(path). */
  composeReading?: ComposeReading;
  /** Or just its answer (ProjectContext.readByCompose). */
  readByCompose?: boolean;
}

export interface DialectChoice {
  dialect: Dialect;
  /** Why: `setting`, `compose` (the project model), or `default`. */
  reason: 'setting' | 'compose' | 'default';
}

export function chooseDialect(input: DialectInput): DialectChoice {
  const configured = configuredDialect(input.setting, input.relativePath);
  if (configured !== 'auto') return { dialect: configured, reason: 'setting' };
  const reading = input.composeReading;
  if (input.readByCompose || (reading && (reading.envFileOf.length > 0 || reading.interpolationFor.length > 0))) return { dialect: 'compose', reason: 'compose' };
  return { dialect: 'dotenv', reason: 'default' };
}

function configuredDialect(setting: DialectSetting | undefined, relativePath: string | undefined): 'auto' | Dialect {
  if (setting === undefined) return 'auto';
  if (typeof setting === 'string') return setting;
  if (relativePath === undefined) return 'auto';
  // The first glob that matches, in the setting's order.
  for (const [glob, dialect] of Object.entries(setting)) {
    if (picomatch(glob, { dot: true, basename: !glob.includes('/') })(relativePath)) return dialect;
  }
  return 'auto';
}

/** Reads a setting of any shape: anything unknown is `auto`. */
export function readDialectSetting(raw: unknown): DialectSetting {
  if (raw === 'dotenv' || raw === 'compose' || raw === 'auto') return raw;
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
    const out: Record<string, 'auto' | Dialect> = {};
    for (const [glob, value] of Object.entries(raw as Record<string, unknown>)) {
      if (value === 'dotenv' || value === 'compose' || value === 'auto') out[glob] = value;
    }
    return out;
  }
  return 'auto';
}

export function parseInDialect(text: string, dialect: Dialect = 'dotenv'): EnvDocument {
  return dialect === 'compose' ? parseComposeEnv(text) : parseEnv(text);
}
