/** Package manifests: a folder holding one is an app (the nearest one above an env file is its app). */

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

function normalise(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
