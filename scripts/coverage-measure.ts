/**
 * How much envls knows of real apps' variables: each app of test/fixtures/real-apps is checked as
 * `envls check` checks it (project-aware: the app's manifests drive detection, as in an editor),
 * then each variable of its example is looked up in the schemas that check bound. The example
 * itself is not a schema here: a name counts as documented only when a bound schema knows it (by
 * name or alias). Used by `npm run coverage` (on dist/api.js) and test/real-apps.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type * as Api from '../server/src/api';

export type EnvlsApi = Pick<typeof Api, 'check' | 'checkText' | 'parse' | 'schemas'>;

export const REAL_APPS_DIR = 'test/fixtures/real-apps';

export const RULE =
  'An app is "reference" (catalog schemas may be written from it) when the first byte of sha256(folder name) is divisible by 3, ' +
  'or when envls ships a schema of its own for it (ownSchema); every other app is "held-out": nobody writes schemas from it. ' +
  'Fixed before any coverage was measured; scripts/real-apps-index.ts applies it and test/real-apps.test.ts checks it.';

export type AppSet = 'reference' | 'held-out';

/**
 * An error-severity finding on a real example that is recorded: right (the file has the problem),
 * with why; or a false positive known and not yet fixed (`falsePositive`), with what is wrong.
 */
export interface ExpectedFinding {
  file: string;
  line: number;
  code: string;
  reason: string;
  falsePositive?: true;
}

export interface RealApp {
  folder: string;
  set: AppSet;
  stack: string;
  /** The id of envls's own schema of this app, when it has one (then it is reference). */
  ownSchema?: string;
  expected?: ExpectedFinding[];
}

export interface RealAppsIndex {
  rule: string;
  /** The held-out share (documented / variables, all held-out apps pooled) a regression must not go below. */
  heldOutFloor: number;
  heldOutFloorNote: string;
  apps: RealApp[];
}

export interface Source {
  repository: string;
  commit: string;
  examples: string[];
  manifests: string[];
  license: string;
}

export function setByRule(folder: string, ownSchema?: string): AppSet {
  if (ownSchema) return 'reference';
  return createHash('sha256').update(folder).digest()[0] % 3 === 0 ? 'reference' : 'held-out';
}

export interface ErrorFinding {
  folder: string;
  file: string;
  line: number;
  code: string;
  message: string;
  /** The reason recorded in index.json when this finding is recorded there. */
  expected?: string;
  /** Recorded as a known false positive (not yet fixed), not as a real error. */
  falsePositive?: true;
}

export interface AppCoverage {
  folder: string;
  set: AppSet;
  stack: string;
  files: string[];
  variables: string[];
  documented: string[];
  schemas: string[];
}

export interface Totals {
  apps: number;
  variables: number;
  documented: number;
  /** documented / variables, all apps pooled. */
  share: number;
  /** The mean of the apps' own shares (a large example weighs as much as a small one). */
  meanShare: number;
}

export interface Coverage {
  apps: AppCoverage[];
  errors: ErrorFinding[];
  /** Expected findings that no longer occur (stale entries of index.json). */
  staleExpected: (ExpectedFinding & { folder: string })[];
  totals: { reference: Totals; heldOut: Totals; all: Totals; byStack: Record<string, Totals> };
}

export function readIndex(repoRoot: string): RealAppsIndex {
  return JSON.parse(readFileSync(join(repoRoot, REAL_APPS_DIR, 'index.json'), 'utf8')) as RealAppsIndex;
}

export function readSource(repoRoot: string, folder: string): Source {
  return JSON.parse(readFileSync(join(repoRoot, REAL_APPS_DIR, folder, 'SOURCE.json'), 'utf8')) as Source;
}

/** The example files of an app, as stored (their original names). */
export function exampleFiles(repoRoot: string, folder: string): string[] {
  return readSource(repoRoot, folder).examples.map((path) => join(repoRoot, REAL_APPS_DIR, folder, basename(path)));
}

export function measure(api: EnvlsApi, repoRoot: string): Coverage {
  const index = readIndex(repoRoot);
  const builtinIds = new Set(api.schemas().map((s) => s.id));
  const filesOf = new Map(index.apps.map((app) => [app.folder, exampleFiles(repoRoot, app.folder)]));
  // One check of every example, as `envls check` runs it: project-aware, detection on, default settings.
  const result = api.check([...filesOf.values()].flat(), { cwd: repoRoot });
  const reportOf = new Map(result.reports.map((r) => [r.path, r]));
  const apps: AppCoverage[] = [];
  const errors: ErrorFinding[] = [];
  const staleExpected: Coverage['staleExpected'] = [];
  for (const app of index.apps) {
    const files = filesOf.get(app.folder) ?? [];
    const variables = new Set<string>();
    const documented = new Set<string>();
    const schemas = new Set<string>();
    const seenExpected = new Set<ExpectedFinding>();
    for (const path of files) {
      const report = reportOf.get(path);
      if (!report) throw new Error(`envls check did not report ${path}`);
      const shownFile = relative(join(repoRoot, REAL_APPS_DIR, app.folder), path);
      for (const problem of report.problems) {
        if (problem.severity !== 'error') continue;
        const expected = app.expected?.find((e) => e.file === shownFile && e.line === problem.line && e.code === problem.code);
        if (expected) seenExpected.add(expected);
        errors.push({ folder: app.folder, file: shownFile, line: problem.line, code: problem.code, message: problem.message, ...(expected ? { expected: expected.reason } : {}), ...(expected?.falsePositive ? { falsePositive: true as const } : {}) });
      }
      // The variables a program reads from the example (dotenv's keys; a commented-out line is no variable).
      const keys = Object.keys(api.parse(readFileSync(path, 'utf8')));
      for (const key of keys) variables.add(key);
      // Schemas of the catalog and products only: the app's own example is not counted as a schema.
      const ids = report.schemas.filter((id) => builtinIds.has(id));
      for (const id of ids) schemas.add(id);
      for (const key of documentedAmong(api, keys, ids)) documented.add(key);
    }
    for (const expected of app.expected ?? []) if (!seenExpected.has(expected)) staleExpected.push({ ...expected, folder: app.folder });
    apps.push({
      folder: app.folder,
      set: app.set,
      stack: app.stack,
      files: files.map((f) => relative(repoRoot, f)),
      variables: [...variables],
      documented: [...documented],
      schemas: [...schemas].sort(),
    });
  }
  const byStack: Record<string, Totals> = {};
  for (const stack of [...new Set(apps.map((a) => a.stack))].sort()) byStack[stack] = totalsOf(apps.filter((a) => a.stack === stack));
  return {
    apps,
    errors,
    staleExpected,
    totals: {
      reference: totalsOf(apps.filter((a) => a.set === 'reference')),
      heldOut: totalsOf(apps.filter((a) => a.set === 'held-out')),
      all: totalsOf(apps),
      byStack,
    },
  };
}

/**
 * The keys the schemas `ids` know, through the same lookup a bound file uses (names and aliases):
 * one line per key, no values and no references, checked with every unknown name reported.
 */
function documentedAmong(api: EnvlsApi, keys: readonly string[], ids: readonly string[]): string[] {
  if (ids.length === 0 || keys.length === 0) return [];
  const text = keys.map((key) => `${key}=\n`).join('');
  const unknownLines = new Set(
    api
      .checkText(text, { schemas: ids, unknownVariables: true, detect: false })
      .filter((p) => p.code === 'unknownVariable')
      .map((p) => p.line),
  );
  return keys.filter((_, i) => !unknownLines.has(i + 1));
}

function totalsOf(apps: readonly AppCoverage[]): Totals {
  const variables = apps.reduce((n, a) => n + a.variables.length, 0);
  const documented = apps.reduce((n, a) => n + a.documented.length, 0);
  const shares = apps.filter((a) => a.variables.length > 0).map((a) => a.documented.length / a.variables.length);
  return {
    apps: apps.length,
    variables,
    documented,
    share: variables === 0 ? 0 : documented / variables,
    meanShare: shares.length === 0 ? 0 : shares.reduce((n, s) => n + s, 0) / shares.length,
  };
}
