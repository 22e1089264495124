/** The `envls.*` settings as the server reads them, with defaults. */
import { readLoadOrderSetting, type LoadOrderSetting } from '../service/project/loadOrderSetting';
import { SEVERITIES, type Severity } from '../service/rules/rule';
import type { ValidationSettings } from '../service/validate';
import { relative, sep } from 'node:path';
import { chooseDialect, readDialectSetting, type DialectSetting } from '../service/dialect';
import type { Dialect } from '../service/parser/model';
import type { CodeLanguage } from '../service/code/types';

/** The code languages envls reads by default (VS Code's language ids). */
export const DEFAULT_CODE_LANGUAGES: readonly CodeLanguage[] = [
  'javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'ruby', 'php', 'rust', 'shellscript', 'dockerfile', 'dockercompose',
];
const KNOWN_CODE_LANGUAGES: ReadonlySet<string> = new Set(DEFAULT_CODE_LANGUAGES);

export interface CodeSettings {
  /** Code and .env together: completion, hover, definition and unsetVariable in code files; references, rename and unusedVariable reaching the code. */
  enable: boolean;
  /** The language ids the server treats as code (a subset of DEFAULT_CODE_LANGUAGES). */
  languages: CodeLanguage[];
}

export interface EnvlsSettings {
  /** Schema id -> glob(s) relative to the workspace folder. */
  schemas: Record<string, string | string[]>;
  /** Globs of workspace JSON files in envls's schema format. */
  schemaFiles: string[];
  /** Detect the product from the file's variables when nothing binds it. */
  detect: boolean;
  unknownVariables: boolean;
  styleRules: boolean;
  /** Per diagnostic code: off, hint, information, warning, error. */
  lint: Record<string, Severity>;
  /** Whose reading to follow: auto (docker compose's where the project's compose files read the file), dotenv, compose, or per glob. */
  dialect: DialectSetting;
  /** How each app folder's env files load (a convention's name, or per folder glob); undefined: detected. */
  loadOrder?: LoadOrderSetting;
  code: CodeSettings;
}

export const DEFAULT_SETTINGS: EnvlsSettings = {
  schemas: {},
  schemaFiles: [],
  detect: true,
  unknownVariables: false,
  styleRules: false,
  lint: {},
  dialect: 'auto',
  code: { enable: true, languages: [...DEFAULT_CODE_LANGUAGES] },
};

/** The severities a rule may be given, as rules/rule.ts declares them. */
const KNOWN_SEVERITIES: ReadonlySet<string> = new Set(SEVERITIES);

/** Tolerates any shape: a wrong type falls back to the default rather than breaking the server. */
export function readSettings(raw: unknown): EnvlsSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const lint: Record<string, Severity> = {};
  if (o.lint && typeof o.lint === 'object') {
    for (const [code, value] of Object.entries(o.lint as Record<string, unknown>)) {
      if (typeof value === 'string' && KNOWN_SEVERITIES.has(value)) lint[code] = value as Severity;
    }
  }
  const schemas: Record<string, string | string[]> = {};
  if (o.schemas && typeof o.schemas === 'object') {
    for (const [id, globs] of Object.entries(o.schemas as Record<string, unknown>)) {
      if (typeof globs === 'string') schemas[id] = globs;
      else if (Array.isArray(globs)) schemas[id] = globs.filter((g): g is string => typeof g === 'string');
    }
  }
  return {
    schemas,
    schemaFiles: Array.isArray(o.schemaFiles) ? o.schemaFiles.filter((g): g is string => typeof g === 'string') : [],
    detect: typeof o.detect === 'boolean' ? o.detect : DEFAULT_SETTINGS.detect,
    unknownVariables: o.unknownVariables === true,
    styleRules: o.styleRules === true,
    lint,
    dialect: readDialectSetting(o.dialect),
    loadOrder: readLoadOrderSetting(o.loadOrder),
    code: readCodeSettings(o.code),
  };
}

function readCodeSettings(raw: unknown): CodeSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    enable: typeof o.enable === 'boolean' ? o.enable : DEFAULT_SETTINGS.code.enable,
    languages: Array.isArray(o.languages)
      ? o.languages.filter((id): id is CodeLanguage => typeof id === 'string' && KNOWN_CODE_LANGUAGES.has(id))
      : [...DEFAULT_CODE_LANGUAGES],
  };
}

export function validationSettings(settings: EnvlsSettings): ValidationSettings {
  return { severities: settings.lint, styleRules: settings.styleRules, unknownVariables: settings.unknownVariables };
}

/**
 * The dialect envls.dialect names for a file (globs relative to its workspace folder), or undefined
 * for `auto`: then analyze follows the project model (docker compose's reading where compose reads the file).
 */
export function dialectOf(settings: EnvlsSettings, path: string | undefined, workspaceFolder: string | undefined): Dialect | undefined {
  const relativePath = path && workspaceFolder ? relative(workspaceFolder, path).split(sep).join('/') : path?.split(sep).pop();
  const choice = chooseDialect({ setting: settings.dialect, relativePath });
  return choice.reason === 'setting' ? choice.dialect : undefined;
}
