/**
 * docker compose. A service's `env_file`: "can also be a list. The files in the list are processed
 * from the top down. For the same variable specified in two env files, the value from the last
 * file in the list stands." Relative paths are "resolved from the Compose file's parent folder";
 * an entry may be a mapping with `path`, `required` (default true) and `format` (`raw`).
 * Separately, compose reads the `.env` of the project directory (the compose file's folder) for
 * `${}` interpolation in compose.yaml; those values do not reach the containers by themselves.
 */
import { dirOf, resolvePath } from '../paths';

export const COMPOSE_ENV_FILE_SOURCE = 'https://github.com/compose-spec/compose-spec/blob/main/05-services.md#env_file';
export const COMPOSE_INTERPOLATION_SOURCE = 'https://docs.docker.com/compose/how-tos/environment-variables/variable-interpolation/#env-file';

/** The names compose looks for (compose-spec 03-compose-file.md), override files included. */
export const COMPOSE_FILE_NAMES = new Set([
  'compose.yaml',
  'compose.yml',
  'docker-compose.yaml',
  'docker-compose.yml',
  'compose.override.yaml',
  'compose.override.yml',
  'docker-compose.override.yaml',
  'docker-compose.override.yml',
]);

export interface ComposeEnvFile {
  /** Workspace-relative; undefined when the path leaves the workspace or is absolute. */
  path: string | undefined;
  /** As written. */
  written: string;
  required: boolean;
  raw: boolean;
}

export interface ComposeService {
  name: string;
  /** In the file's order: the last one wins. */
  envFiles: ComposeEnvFile[];
}

export interface ComposeFile {
  path: string;
  services: ComposeService[];
  /** The project `.env` compose reads for interpolation (beside the compose file). */
  interpolationEnv: string;
  /** Why the YAML could not be read, when it could not. */
  error?: string;
}

/** Reads the services' env_file lists of one compose file; bad YAML gives no services, never a throw. */
export function readComposeFile(path: string, text: string): ComposeFile {
  const dir = dirOf(path);
  const result: ComposeFile = { path, services: [], interpolationEnv: resolvePath(dir, '.env') ?? '.env' };
  let root: unknown;
  try {
    // maxAliasCount bounds the work an alias bomb can ask for.
    // Required here, not imported: the YAML parser is loaded only when a compose file is read.
    const { parseDocument } = require('yaml') as typeof import('yaml');
    const doc = parseDocument(text, { prettyErrors: false, merge: true });
    if (doc.errors.length > 0) {
      result.error = doc.errors[0].message;
      return result;
    }
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    return result;
  }
  const services = isRecord(root) && isRecord(root.services) ? root.services : {};
  for (const [name, service] of Object.entries(services)) {
    if (!isRecord(service)) continue;
    result.services.push({ name, envFiles: envFilesOf(service.env_file, dir) });
  }
  return result;
}

function envFilesOf(value: unknown, dir: string): ComposeEnvFile[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const out: ComposeEnvFile[] = [];
  for (const item of items) {
    if (typeof item === 'string') out.push({ path: resolvePath(dir, item), written: item, required: true, raw: false });
    else if (isRecord(item) && typeof item.path === 'string') {
      out.push({ path: resolvePath(dir, item.path), written: item.path, required: item.required !== false, raw: item.format === 'raw' });
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
