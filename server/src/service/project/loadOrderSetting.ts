/**
 * `envls.loadOrder`: how a folder's files load when detection is wrong or not enough.
 *
 *   "envls.loadOrder": "vite"                                  every app uses Vite's order
 *   "envls.loadOrder": {
 *     "apps/web": "nextjs",                                     a named convention for one app folder
 *     "services/*": [".env.local", ".env"],                     an explicit list, the first file wins (dotenv's rule)
 *     "tools/**": { "files": [".env", ".env.local"], "override": true }   later files win (dotenv's `override`)
 *   }
 *
 * Keys are globs matched against the app folder relative to the workspace folder (`.` for the
 * workspace folder itself); an exact key wins over globs, then the first matching glob in the
 * setting's order. File names are relative to the app folder.
 */
import { picomatch } from '../glob';
import { conventionNamed } from './conventions';

export interface ExplicitLoadOrder {
  files: string[];
  /** dotenv's `override`: later files win. */
  override: boolean;
}

export type LoadOrderChoice = { convention: string } | { explicit: ExplicitLoadOrder };

export type LoadOrderSetting = string | Record<string, string | string[] | { files: string[]; override?: boolean }>;

/** Tolerant reading of the raw setting: wrong shapes are dropped, never thrown on. */
export function readLoadOrderSetting(raw: unknown): LoadOrderSetting | undefined {
  if (typeof raw === 'string') return raw;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, string | string[] | { files: string[]; override?: boolean }> = {};
  for (const [glob, value] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof value === 'string') out[glob] = value;
    else if (Array.isArray(value)) out[glob] = value.filter((f): f is string => typeof f === 'string');
    else if (value && typeof value === 'object' && Array.isArray((value as { files?: unknown }).files)) {
      const v = value as { files: unknown[]; override?: unknown };
      out[glob] = { files: v.files.filter((f): f is string => typeof f === 'string'), override: v.override === true };
    }
  }
  return out;
}

/** The choice the setting makes for `appFolder` ('' is the workspace folder); undefined when it says nothing (or names no known convention). */
export function loadOrderFor(setting: LoadOrderSetting | undefined, appFolder: string): LoadOrderChoice | undefined {
  if (setting === undefined) return undefined;
  if (typeof setting === 'string') return conventionNamed(setting) ? { convention: setting } : undefined;
  const folder = appFolder === '' ? '.' : appFolder;
  const exact = Object.prototype.hasOwnProperty.call(setting, folder) ? setting[folder] : undefined;
  const value = exact ?? Object.entries(setting).find(([glob]) => picomatch(glob, { dot: true })(folder))?.[1];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return conventionNamed(value) ? { convention: value } : undefined;
  if (Array.isArray(value)) return { explicit: { files: value, override: false } };
  return { explicit: { files: value.files, override: value.override === true } };
}
