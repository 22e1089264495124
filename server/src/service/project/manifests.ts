/** Package manifests: a folder holding one is an app (the nearest one above an env file is its app). */
import { normalisePythonName, type DeclaredDependencies } from '../schema/detect';

export const MANIFEST_NAMES = new Set(['package.json', 'pyproject.toml', 'requirements.txt', 'go.mod', 'Gemfile', 'composer.json', 'Cargo.toml']);

export interface PackageJson {
  dependencies: Set<string>;
  scripts: Map<string, string>;
}

/** The dependency names (all kinds) and scripts of a package.json; empty when it is not valid JSON. */
export function readPackageJson(text: string): PackageJson {
  const result: PackageJson = { dependencies: new Set(), scripts: new Map() };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return result;
  }
  if (typeof data !== 'object' || data === null) return result;
  const record = data as Record<string, unknown>;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const deps = record[field];
    if (deps && typeof deps === 'object') for (const name of Object.keys(deps)) result.dependencies.add(name);
  }
  if (record.scripts && typeof record.scripts === 'object') {
    for (const [name, command] of Object.entries(record.scripts as Record<string, unknown>)) {
      if (typeof command === 'string') result.scripts.set(name, command);
    }
  }
  return result;
}

/** Whether a Gemfile declares `gem "name"`. */
export function gemfileHas(text: string, gem: string): boolean {
  return new RegExp(`^\\s*gem\\s+['"]${gem.replace(/[-]/g, '\\-')}['"]`, 'm').test(text);
}

/**
 * Whether a pyproject.toml or requirements.txt names the Python distribution `name` as a requirement
 * (PEP 503 normalised: `python_dotenv` and `Python-Dotenv` are `python-dotenv`).
 */
export function pythonRequires(text: string, name: string): boolean {
  const wanted = normalise(name);
  // A requirement starts a line or a quoted string and is followed by a version, extra, marker or end.
  const requirement = /(?:^|["'])\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?=[\[<>=!~;,"'\s]|$)/gm;
  for (const match of text.matchAll(requirement)) if (normalise(match[1]) === wanted) return true;
  return false;
}

const normalise = normalisePythonName;

/**
 * The dependency names a manifest declares, read minimally: names only, never versions, and
 * never an error (a manifest envls cannot read declares nothing). Catalog detection matches
 * them against each schema's detect.packages.
 */
export function declaredDependencies(fileName: string, text: string): DeclaredDependencies | undefined {
  const names = namesIn(fileName, text);
  const ecosystem = ECOSYSTEM[fileName];
  return names && ecosystem ? { manifest: fileName, ecosystem, names } : undefined;
}

const ECOSYSTEM: Record<string, DeclaredDependencies['ecosystem']> = {
  'package.json': 'npm',
  'requirements.txt': 'pypi',
  'pyproject.toml': 'pypi',
  'composer.json': 'composer',
  Gemfile: 'gem',
  'go.mod': 'go',
  'Cargo.toml': 'cargo',
};

function namesIn(fileName: string, text: string): Set<string> | undefined {
  switch (fileName) {
    case 'package.json':
      return readPackageJson(text).dependencies;
    case 'composer.json':
      return jsonObjectKeys(text, ['require', 'require-dev']);
    case 'requirements.txt':
    case 'pyproject.toml':
      return pythonRequirementNames(text);
    case 'Gemfile':
      return new Set([...text.matchAll(/^\s*gem\s*\(?\s*['"]([^'"]+)['"]/gm)].map((m) => m[1]));
    case 'go.mod':
      return goRequirements(text);
    case 'Cargo.toml':
      return cargoDependencies(text);
    default:
      return undefined;
  }
}

function jsonObjectKeys(text: string, fields: string[]): Set<string> {
  const names = new Set<string>();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return names;
  }
  if (typeof data !== 'object' || data === null) return names;
  for (const field of fields) {
    const value = (data as Record<string, unknown>)[field];
    if (value && typeof value === 'object') for (const name of Object.keys(value)) names.add(name);
  }
  return names;
}

/**
 * Every name in requirement position (a line's or a quoted string's start), PEP 503 normalised.
 * Over-inclusive on purpose (a pyproject's `name = …` key counts too): the names are only ever
 * compared with the distributions catalog schemas list.
 */
function pythonRequirementNames(text: string): Set<string> {
  const names = new Set<string>();
  const requirement = /(?:^|["'])\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?=[[<>=!~;,"'\s]|$)/gm;
  for (const match of text.matchAll(requirement)) names.add(normalisePythonName(match[1]));
  return names;
}

/** go.mod's `require path version` lines, alone or in a `require ( … )` block. */
function goRequirements(text: string): Set<string> {
  const names = new Set<string>();
  let inBlock = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line.startsWith(')')) inBlock = false;
      else if (line) names.add(line.split(/\s+/)[0]);
    } else if (/^require\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('require ')) names.add(line.slice(8).trim().split(/\s+/)[0]);
  }
  return names;
}

/** Cargo.toml's `name = …` keys under a [*dependencies] table, and [dependencies.name] tables. */
function cargoDependencies(text: string): Set<string> {
  const names = new Set<string>();
  let inDependencies = false;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const table = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (table) {
      const path = table[1];
      const named = /(?:^|\.)(?:dev-|build-)?dependencies\.([A-Za-z0-9_-]+)$/.exec(path);
      if (named) names.add(named[1]);
      inDependencies = /(?:^|\.)(?:dev-|build-)?dependencies$/.test(path);
      continue;
    }
    const key = inDependencies ? /^([A-Za-z0-9_-]+)\s*=/.exec(line) : null;
    if (key) names.add(key[1]);
  }
  return names;
}
