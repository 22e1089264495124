/**
 * Guesses which product profile a .env file belongs to when nothing binds a schema.
 * Conservative by design: only names that no other software uses count (each
 * schema's detect.uniqueVariables, screened against a list of generic names), and
 * marker files beside the .env (flux.json) make a detection confident. An
 * unrelated app's .env must get nothing.
 *
 * Among the profiles of one product (Neosync's api, worker, app…), the one that
 * knows most of the file's variables wins; another profile is added only when it
 * explains at least two product-unique names the first does not know (a file that
 * clearly mixes services).
 *
 * A file that holds a name of another component of the same product (detect.otherComponents,
 * e.g. Flux's self-hosted gateway, which shares FLUX_GATEWAY_JWT_SECRET with apps) is that
 * component's: no profile of the product is bound, since none describes it.
 */
import { schemaKnows, variableCountOf } from './builtinIndex';
import { compareIds } from './compareIds';
import type { Detection, PackageHints, ResolvedSchema } from './types';

export interface DetectionInput {
  keys: string[];
  /** Names of the files in the .env file's folder. */
  siblingFiles: string[];
  /** The dependencies the file's app declares (its nearest manifests); absent or [] when none. */
  dependencies?: readonly DeclaredDependencies[];
}

/** The dependency names one manifest declares, in its ecosystem's spelling. */
export interface DeclaredDependencies {
  /** The manifest's file name (package.json, Gemfile…), for the reason shown. */
  manifest: string;
  ecosystem: keyof PackageHints;
  names: ReadonlySet<string>;
}

/** Names many products use: never evidence, even if a schema lists them as unique. */
const GENERIC = new Set([
  'PORT', 'HOST', 'HOSTNAME', 'BASE_URL', 'APP_URL', 'API_URL', 'PUBLIC_URL', 'URL',
  'DATABASE_URL', 'DB_URL', 'DB_HOST', 'DB_PORT', 'DB_NAME', 'DB_USER', 'DB_PASS', 'DB_PASSWORD', 'DB_SCHEMA_DIR',
  'REDIS_URL', 'REDIS_HOST', 'REDIS_PORT', 'REDIS_PASSWORD',
  'AUTH_SECRET', 'AUTH_URL', 'AUTH_TRUST_HOST', 'AUTH_DEBUG', 'NEXTAUTH_SECRET', 'NEXTAUTH_URL', 'AUTH_ENABLED',
  'AUTH_CLIENT_ID', 'AUTH_CLIENT_SECRET', 'AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_SCOPE', 'GITHUB_ID', 'GITHUB_SECRET',
  'LOG_LEVEL', 'LOG_FORMAT', 'DEBUG', 'ENV', 'ENVIRONMENT', 'NODE_ENV', 'APP_ENV',
  'SECRET_KEY', 'API_KEY', 'JWT_SECRET', 'SESSION_SECRET', 'ENCRYPTION_KEY',
  'SENTRY_DSN', 'SENTRY_API_KEY', 'POSTHOG_KEY', 'POSTHOG_HOST', 'GOOGLE_ANALYTICS_KEY',
  'EMAIL_FROM', 'EMAIL_SERVER', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_BACKEND', 'ADMIN_EMAIL',
  'TEMPORAL_URL', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'TEMPORAL_ADDRESS',
  'KUBERNETES_ENABLED', 'KUBERNETES_NAMESPACE', 'METRICS_URL', 'METRICS_SERVICE_ENABLED',
]);
const GENERIC_PREFIXES = ['OTEL_', 'NODE_', 'NPM_', 'AWS_', 'DJANGO_', 'POSTGRES_', 'POSTGRESQL_', 'PG', 'MYSQL_', 'VERCEL', 'NEXT_PUBLIC_APP_'];

export function isGenericName(name: string): boolean {
  return GENERIC.has(name) || GENERIC_PREFIXES.some((p) => name.startsWith(p));
}

/**
 * `schemas`: the available schemas; given as their map (as the binding has them), the products'
 * detection evidence is indexed once per map, and a file without any (most files of a large run)
 * costs one lookup per key.
 */
export function detectSchemas(input: DetectionInput, schemas: Iterable<ResolvedSchema> | ReadonlyMap<string, ResolvedSchema>): Detection[] {
  const index = schemas instanceof Map ? indexOf(schemas) : buildIndex(schemas as Iterable<ResolvedSchema>);
  const keys = new Set(input.keys);
  // Sibling files matter only as markers: only those are kept (a folder may hold thousands of files).
  const siblings = new Set<string>();
  for (const file of index.byMarker.size === 0 ? [] : input.siblingFiles) {
    const name = file.includes('/') || file.includes('\\') ? file.replace(/^.*[\\/]/, '') : file;
    if (index.byMarker.has(name)) siblings.add(name);
  }
  // Without a unique name or a marker file, detectProduct finds nothing.
  const withEvidence = new Set<string>();
  for (const key of keys) for (const product of index.byUniqueName.get(key) ?? []) withEvidence.add(product);
  for (const file of siblings) for (const product of index.byMarker.get(file) ?? []) withEvidence.add(product);
  const dependencies = input.dependencies ?? [];
  if (withEvidence.size === 0 && dependencies.length === 0) return [];
  const out: Detection[] = [];
  const byName: Detection[] = [];
  for (const [product, profiles] of index.products) {
    const declared = dependencies.length > 0 ? detectFromManifests(profiles, dependencies) : [];
    if (declared.length > 0) {
      out.push(...declared);
      continue;
    }
    if (!withEvidence.has(product)) continue;
    const found = detectProduct(product, profiles, keys, siblings);
    // A catalog service found by names alone counts only when confident: one shared-looking
    // name (SMTP_HOST) must not bind it, nor lower the certainty of a product found beside it.
    if (profiles.every((p) => p.catalog)) byName.push(...found.filter((d) => d.confidence === 'confident'));
    else out.push(...found);
  }
  return [...out, ...byName];
}

interface DetectionIndex {
  /** Detectable profiles by product, products sorted. */
  products: [string, ResolvedSchema[]][];
  /** Products by a unique (non-generic) variable name of one of their profiles. */
  byUniqueName: Map<string, string[]>;
  /** Products by a marker file name of one of their profiles. */
  byMarker: Map<string, string[]>;
}

const indexes = new WeakMap<ReadonlyMap<string, ResolvedSchema>, DetectionIndex>();

function indexOf(schemas: ReadonlyMap<string, ResolvedSchema>): DetectionIndex {
  let index = indexes.get(schemas);
  if (!index) {
    index = buildIndex(schemas.values());
    indexes.set(schemas, index);
  }
  return index;
}

function buildIndex(schemas: Iterable<ResolvedSchema>): DetectionIndex {
  const byProduct = new Map<string, ResolvedSchema[]>();
  const byUniqueName = new Map<string, string[]>();
  const byMarker = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, name: string, product: string) => {
    const list = map.get(name) ?? [];
    if (!list.includes(product)) list.push(product);
    map.set(name, list);
  };
  for (const schema of schemas) {
    if (!schema.detect || schema.fragment) continue;
    const list = byProduct.get(schema.product) ?? [];
    list.push(schema);
    byProduct.set(schema.product, list);
    for (const name of schema.detect.uniqueVariables ?? []) if (!isGenericName(name)) add(byUniqueName, name, schema.product);
    for (const marker of schema.detect.markers ?? []) add(byMarker, marker, schema.product);
  }
  return { products: [...byProduct].sort(([a], [b]) => compareIds(a, b)), byUniqueName, byMarker };
}

/**
 * The catalog schemas whose detect.packages name a dependency of the app: the app declares the
 * service, so the detection is confident (and marked `declared`). Product profiles never match here.
 */
function detectFromManifests(profiles: readonly ResolvedSchema[], dependencies: readonly DeclaredDependencies[]): Detection[] {
  const out: Detection[] = [];
  for (const schema of profiles) {
    const packages = schema.detect?.packages;
    if (!schema.catalog || !packages) continue;
    const hits: string[] = [];
    for (const declared of dependencies) {
      for (const name of packages[declared.ecosystem] ?? []) {
        if (declared.names.has(declared.ecosystem === 'pypi' ? normalisePythonName(name) : name)) hits.push(`${name} in ${declared.manifest}`);
      }
    }
    const listed = `${hits.slice(0, 2).join(', ')}${hits.length > 2 ? ` and ${hits.length - 2} more` : ''}`;
    if (hits.length > 0) out.push({ id: schema.id, confidence: 'confident', declared: true, evidence: 'manifest', reason: `the app depends on ${listed}`, short: listed });
  }
  return out;
}

/** PEP 503: `Django`, `django_environ` and `django.environ` name the distributions `django`, `django-environ`. */
export function normalisePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

interface Candidate {
  schema: ResolvedSchema;
  unique: Set<string>;
  known: Set<string>;
  markers: string[];
}

function detectProduct(product: string, profiles: ResolvedSchema[], keys: Set<string>, siblings: Set<string>): Detection[] {
  const candidates: Candidate[] = profiles.map((schema) => ({
    schema,
    unique: new Set((schema.detect?.uniqueVariables ?? []).filter((n) => keys.has(n) && !isGenericName(n))),
    known: new Set([...keys].filter((k) => schemaKnows(schema, k))),
    markers: (schema.detect?.markers ?? []).filter((m) => siblings.has(m)),
  }));
  if (profiles.some((p) => (p.detect?.otherComponents ?? []).some((o) => o.variables.some((n) => keys.has(n) && !isGenericName(n))))) return [];
  const productUnique = new Set(candidates.flatMap((c) => [...c.unique]));
  const marked = candidates.filter((c) => c.markers.length > 0);
  if (productUnique.size === 0 && marked.length === 0) return [];

  // A marker file with no product name in the file: the marked profile(s), confident once the file holds any of their variables.
  if (productUnique.size === 0) {
    return marked.map((c) => ({
      id: c.schema.id,
      confidence: c.known.size > 0 ? 'confident' : 'weak',
      evidence: 'marker',
      short: `${c.markers.join(', ')} beside the file`,
      reason: `${c.markers.join(', ')} beside the file${c.known.size > 0 ? ` and ${c.known.size} of its variables are ${product}'s` : ', but none of its variables is ' + product + "'s"}`,
    }));
  }

  const ranked = [...candidates].sort(
    (a, b) =>
      b.known.size - a.known.size ||
      b.unique.size - a.unique.size ||
      b.markers.length - a.markers.length ||
      variableCountOf(a.schema) - variableCountOf(b.schema) ||
      compareIds(a.schema.id, b.schema.id),
  );
  const chosen = [ranked[0]];
  const covered = new Set(ranked[0].known);
  for (const candidate of ranked.slice(1)) {
    const extra = [...candidate.unique].filter((n) => !covered.has(n));
    if (extra.length >= 2) {
      chosen.push(candidate);
      for (const k of candidate.known) covered.add(k);
    }
  }
  const minimum = Math.max(1, Math.min(...chosen.map((c) => c.schema.detect?.minimumMatches ?? 2)));
  const hasMarker = marked.length > 0;
  const confident = productUnique.size >= minimum || hasMarker;
  const names = [...productUnique].sort();
  return chosen.map((c) => ({
    id: c.schema.id,
    confidence: confident ? 'confident' : 'weak',
    evidence: 'names',
    short: `${names.slice(0, 2).join(', ')}${names.length > 2 ? ` and ${names.length - 2} more` : ''} in the file${hasMarker ? `, ${marked.flatMap((m) => m.markers).join(', ')} beside it` : ''}`,
    reason:
      `${names.slice(0, 4).join(', ')}${names.length > 4 ? ` and ${names.length - 4} more` : ''} ${names.length === 1 ? 'is a name' : 'are names'} only ${product} uses` +
      `${hasMarker ? `, ${marked.flatMap((m) => m.markers).join(', ')} beside the file` : ''}; ${c.known.size} of the file's variables are ${c.schema.id}'s`,
  }));
}
