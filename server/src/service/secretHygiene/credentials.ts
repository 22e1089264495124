/**
 * Provider-shaped credentials (a GitHub token, a Stripe secret key, an OpenAI key, a private key…),
 * found by secretlint's recommended rules (@secretlint/secretlint-rule-preset-recommend), a maintained
 * detector set, rather than by patterns of our own.
 *
 * Each rule is a creator whose `create(context)` returns handlers; its `file(source)` handler reports
 * through `context.report({ message, range })`. We give each rule the line `NAME=value` as a source
 * (the AWS rule needs the name: it matches `AWS_SECRET_ACCESS_KEY=…`, not a bare 40-character value)
 * and keep the reports whose range touches the value. The rules' messages quote what they found:
 * we never build them (our translator returns the message id only) and never pass them on.
 *
 * The preset (~230 kB) is required on first use: the bundles keep it in dist/secretlint.js
 * (scripts/build.mjs), so a server that never sees a value pays nothing at start.
 * Work is bounded: only values up to MAX_CHECKED characters are checked, and each checked line's
 * answer is cached (bounded), so a keystroke re-checks only the line it changed.
 */

/** Longest value scanned: a PEM private key of 4096 bits is about 3.3 kB. */
export const MAX_CHECKED = 8192;
const MAX_NAME = 256;
/** Lines remembered (the oldest goes first), and the longest remembered: at most ~8 MB of keys. */
const CACHE_LIMIT = 4096;
const MAX_CACHED_LINE = 2048;

export interface CredentialHit {
  /** secretlint's rule, without its package prefix (`github`, `stripe`, `privatekey`…). */
  detector: string;
  /** What it is, for messages: "a GitHub token". */
  kind: string;
}

interface SecretlintReport {
  range: readonly [number, number];
}

interface SecretlintContext {
  createTranslator(messages: unknown): (messageId: string, data?: unknown) => { message: string; messageId: string };
  report(descriptor: SecretlintReport): void;
  ignore(descriptor: unknown): void;
}

interface SecretlintSource {
  content: string;
  filePath?: string;
  ext: string;
  contentType: 'text';
}

interface SecretlintRule {
  meta: { id: string; type?: string };
  create(context: SecretlintContext, options: Record<string, unknown>): { file?(source: SecretlintSource): unknown };
}

const PACKAGE_PREFIX = '@secretlint/secretlint-rule-';

/**
 * Rules of the preset we do not run, and why: `filter-comments` is not a detector (it honours
 * `secretlint-disable` comments; envls has its own suppression comments); `gcp` only inspects
 * `.p12` and `.json` files (it reads the .p12 from disk), never an env value.
 */
const NOT_RUN = new Set(['filter-comments', 'gcp']);

/**
 * Detectors of a password inside a URL. An example's `postgres://app:examplepw@localhost/app` is the
 * documented local default far more often than a leak: in examples, these are not reported.
 */
export const URL_PASSWORD_DETECTORS: ReadonlySet<string> = new Set(['basicauth', 'database-connection-string']);

/** What each detector finds, in words for a message (short: a message stays within 160 characters). */
const KINDS: Readonly<Record<string, string>> = {
  '1password': 'a 1Password service account token',
  anthropic: 'an Anthropic API key',
  aws: 'an AWS secret access key',
  basicauth: 'a password in a URL',
  cloudflare: 'a Cloudflare API token',
  'database-connection-string': 'a database password in a URL',
  databricks: 'a Databricks token',
  docker: 'a Docker Hub access token',
  figma: 'a Figma access token',
  github: 'a GitHub token',
  gitlab: 'a GitLab token',
  grafana: 'a Grafana token',
  groq: 'a Groq API key',
  'hashicorp-vault': 'a Vault token',
  huggingface: 'a Hugging Face token',
  linear: 'a Linear API key',
  notion: 'a Notion token',
  npm: 'an npm token',
  openai: 'an OpenAI API key',
  privatekey: 'a private key',
  sendgrid: 'a SendGrid API key',
  shopify: 'a Shopify access token',
  slack: 'a Slack token or webhook',
  stripe: 'a Stripe secret key',
  tailscale: 'a Tailscale key',
  vercel: 'a Vercel token',
};

/**
 * Credential families that are public by design: a match inside one is not a leak. None of the
 * recommended rules matches them today (Stripe's rule covers sk_/rk_ keys, not pk_); this keeps a
 * future detector from turning a browser key into a warning.
 */
export const PUBLIC_BY_DESIGN: readonly { pattern: RegExp; what: string; source: string }[] = [
  { pattern: /^pk_(live|test)_/, what: 'Stripe and Clerk publishable keys', source: 'https://docs.stripe.com/keys#obtain-api-keys' },
  { pattern: /^sb_publishable_/, what: 'Supabase publishable keys', source: 'https://supabase.com/docs/guides/api/api-keys' },
  { pattern: /^phc_/, what: 'PostHog project API keys', source: 'https://posthog.com/docs/api#authentication' },
  { pattern: /^AIza[0-9A-Za-z_-]{35}$/, what: 'Firebase web API keys', source: 'https://firebase.google.com/docs/projects/api-keys' },
  { pattern: /^pk\.eyJ/, what: 'Mapbox public tokens', source: 'https://docs.mapbox.com/help/glossary/access-token/' },
];

let rules: readonly SecretlintRule[] | undefined;
const cache = new Map<string, CredentialHit | null>();
let scans = 0;

/** How many lines the detectors have scanned so far (tests count cache misses with it). */
export function credentialScans(): number {
  return scans;
}

function loadedRules(): readonly SecretlintRule[] {
  if (!rules) {
    // Bundled apart (dist/secretlint.js), required on first use.
    const preset = require('@secretlint/secretlint-rule-preset-recommend') as { rules: SecretlintRule[] };
    rules = preset.rules.filter((rule) => !NOT_RUN.has(shortId(rule.meta.id)));
  }
  return rules;
}

function shortId(id: string): string {
  return id.startsWith(PACKAGE_PREFIX) ? id.slice(PACKAGE_PREFIX.length) : id;
}

/** The ids of the detectors envls runs (for tests and docs). */
export function credentialDetectors(): string[] {
  return loadedRules().map((rule) => shortId(rule.meta.id));
}

/** The words a message uses for a detector's finding. */
export function credentialKind(detector: string): string {
  return KINDS[detector] ?? `a ${detector} credential`;
}

/** The credential `value` holds, if a detector recognises one; undefined for values too long to check. */
export function credentialIn(name: string, value: string): CredentialHit | undefined {
  if (value.length === 0 || value.length > MAX_CHECKED || name.length > MAX_NAME) return undefined;
  const line = `${name}=${value}`;
  const cached = cache.get(line);
  if (cached !== undefined) return cached ?? undefined;
  const hit = scan(line, name.length + 1, value);
  if (line.length <= MAX_CACHED_LINE) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(line, hit ?? null);
  }
  return hit;
}

function scan(content: string, valueStart: number, value: string): CredentialHit | undefined {
  scans++;
  if (PUBLIC_BY_DESIGN.some((p) => p.pattern.test(value))) return undefined;
  const source: SecretlintSource = { content, ext: '.env', filePath: '.env', contentType: 'text' };
  for (const rule of loadedRules()) {
    let found = false;
    const context: SecretlintContext = {
      // Only the id: the rules' own messages quote the secret.
      createTranslator: () => (messageId) => ({ message: messageId, messageId }),
      report: ({ range }) => {
        if (range[1] > valueStart) found = true;
      },
      ignore: () => undefined,
    };
    const result = rule.create(context, {}).file?.(source);
    // No recommended text rule is asynchronous; should one become so, its late answer is dropped.
    if (result instanceof Promise) result.catch(() => undefined);
    if (found) {
      const detector = shortId(rule.meta.id);
      return { detector, kind: credentialKind(detector) };
    }
  }
  return undefined;
}
