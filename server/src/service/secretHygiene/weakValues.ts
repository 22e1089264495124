/**
 * Whether the value of a secret (a variable sensitivity.ts calls sensitive) is no secret at all:
 * a published demo key, a placeholder, zeros, one character repeated, or a few characters.
 * Pure and bounded: values longer than MAX_WEAK_CHECKED are not judged (nobody types a
 * placeholder that long), and every test below is linear in the value.
 */
import { DEMO_KEYS, DEMO_SHAPES } from './knownValues';
import { placeholderOf } from '../placeholders';

export type WeakKind = 'demoKey' | 'placeholder' | 'allZero' | 'oneCharacter' | 'short';

export interface Weakness {
  kind: WeakKind;
  /** For demo keys: whose ("Supabase's published self-hosting default"). */
  what?: string;
  /** A demo key that is not published, only marked insecure by its maker (Django's django-insecure- keys). */
  unpublished?: true;
  /** The data entry's source, when it has one. */
  source?: string;
}

/** Shorter than this is no key: 8 characters is the shortest password NIST SP 800-63B allows. */
export const MIN_SECRET_LENGTH = 8;
const MAX_WEAK_CHECKED = 200;

const DEMO = new Map(DEMO_KEYS.map((d) => [d.value, d]));

/**
 * The last word of names that hold a setting about a secret rather than the secret
 * (`JWT_SECRET_ALGORITHM`, `SESSION_COOKIE_NAME`, `PASSWORD_MIN_LENGTH`): the name looks secret,
 * the value is a setting.
 */
const SETTING_WORDS = new Set([
  'NAME', 'DOMAIN', 'PATH', 'FILE', 'DIR', 'SAMESITE', 'SECURE', 'HTTPONLY', 'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRE', 'IN',
  'AGE', 'LENGTH', 'LEN', 'SIZE', 'ALGORITHM', 'ALGORITHMS', 'ALG', 'ALGO', 'HEADER', 'PREFIX', 'ENABLED', 'ENABLE', 'DISABLED',
  'DISABLE', 'TIMEOUT', 'URL', 'URI', 'HOST', 'PORT', 'TYPE', 'MODE', 'VERSION', 'FORMAT', 'ROTATION', 'COUNT', 'MIN', 'MAX',
  'LIMIT', 'REQUIRED', 'FIELD', 'PARAM', 'ENCODING', 'REGION', 'PROVIDER', 'STRATEGY', 'METHOD', 'ID', 'ISSUER', 'AUDIENCE',
  'SCOPE', 'SCOPES', 'LOCATION', 'BACKEND', 'STORE', 'POLICY', 'HASHER', 'ROUNDS', 'COST', 'INTERVAL', 'DAYS', 'HOURS',
  'MINUTES', 'SECONDS', 'USER', 'USERNAME', 'LOGIN', 'EMAIL', 'ENV', 'KIND',
]);

/** Values that are settings, whatever the name says: booleans, small numbers, durations, paths, URLs. */
function isSettingValue(value: string): boolean {
  if (/^(?:true|false|yes|no|on|off|enabled|disabled)$/i.test(value)) return true;
  if (/^-?\d{1,6}(?:\.\d+)?$/.test(value)) return true;
  if (/^\d+(?:ms|s|m|h|d|w|y)$/i.test(value)) return true;
  if (value.includes('://')) return true;
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value) || /\.(?:pem|key|crt|cer|der|p12|pfx|jks|json|txt|asc|gpg)$/i.test(value)) return true;
  return false;
}

/** What is weak about `value` as the secret `name` holds, or undefined when it may well be a secret. */
export function weaknessOf(name: string, value: string): Weakness | undefined {
  const demo = demoKeyOf(value);
  if (demo) return demo;
  if (value.length > MAX_WEAK_CHECKED) return undefined;
  const lastWord = name.slice(name.lastIndexOf('_') + 1).toUpperCase();
  if (SETTING_WORDS.has(lastWord) || isSettingValue(value)) return undefined;
  const placeholder = placeholderOf(value, name);
  if (placeholder) return { kind: 'placeholder', ...(placeholder.source ? { source: placeholder.source } : {}) };
  const bare = value.replace(/^0x/i, '').replace(/[-_:. ]/g, '');
  if (bare.length > 0 && /^0+$/.test(bare)) return { kind: 'allZero' };
  if (value.length > 1 && [...value].every((c) => c === value[0])) return { kind: 'oneCharacter' };
  if (value.length < MIN_SECRET_LENGTH) return { kind: 'short' };
  return undefined;
}

/**
 * A published demo key or a placeholder, whatever the name: a detector's match on such a value
 * (`ghp_xxxx…`, AWS's documented example key) is no live credential.
 */
export function isPlaceholderOrDemo(name: string, value: string): boolean {
  return demoKeyOf(value) !== undefined || placeholderOf(value, name) !== undefined;
}

function demoKeyOf(value: string): Weakness | undefined {
  const demo = DEMO.get(value) ?? DEMO_SHAPES.find((s) => s.test(value));
  if (!demo) return undefined;
  return { kind: 'demoKey', what: demo.what, source: demo.source, ...('unpublished' in demo && demo.unpublished ? { unpublished: true as const } : {}) };
}
