/**
 * Values that are not secrets although they sit where a secret goes: demo keys a vendor published.
 * Data, with the reason and source of each entry. Placeholders (`changeme`, `<token>`) are
 * ../placeholders.ts's, shared with completion.
 */

import type { KnownValue } from '../placeholders';

const SUPABASE_SELF_HOSTING = 'https://github.com/supabase/supabase/blob/master/docker/.env.example';
const SUPABASE_SELF_HOSTING_DOCS = 'https://supabase.com/docs/guides/self-hosting/docker';
const SUPABASE_CLI = 'https://github.com/supabase/cli/blob/develop/pkg/config/apikeys.go';
const AWS_EXAMPLES = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html';

/** Keys a vendor published as examples or defaults: anyone can use them. Compared exactly. */
export const DEMO_KEYS: readonly (KnownValue & { what: string })[] = [
  { value: 'super-secret-jwt-token-with-at-least-32-characters-long', what: "the Supabase CLI's published JWT secret", reason: 'the JWT secret of every local `supabase start` stack', source: SUPABASE_CLI },
  { value: 'sb_publishable_ACJWlzQHlZjBrEguHvfOxg_3BJgxAaH', what: "the Supabase CLI's published key", reason: 'the publishable key of every local `supabase start` stack', source: SUPABASE_CLI },
  { value: 'sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz', what: "the Supabase CLI's published key", reason: 'the secret key of every local `supabase start` stack', source: SUPABASE_CLI },
  ...[
    'your-super-secret-jwt-token-with-at-least-32-characters-long',
    'your-super-secret-and-long-postgres-password',
    'this_password_is_insecure_and_should_be_updated',
    'UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq',
    'your-32-character-encryption-key',
    'your-encryption-key-32-chars-min',
    'your-super-secret-and-long-logflare-key-public',
    'your-super-secret-and-long-logflare-key-private',
    '625729a08b95bf1b7ff351a663f3a23c',
    '850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907',
  ].map((value) => ({
    value,
    what: "Supabase's published self-hosting default",
    reason: 'a default of the self-hosting example file, which the docs say never to deploy',
    source: SUPABASE_SELF_HOSTING,
  })),
  { value: 'AKIAIOSFODNN7EXAMPLE', what: "AWS's documented example key", reason: 'the access key ID of the AWS documentation examples', source: AWS_EXAMPLES },
  { value: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', what: "AWS's documented example key", reason: 'the secret access key of the AWS documentation examples', source: AWS_EXAMPLES },
];

/** Published keys recognised by their content rather than their exact text. */
export const DEMO_SHAPES: readonly { what: string; reason: string; source: string; unpublished?: true; test(value: string): boolean }[] = [
  {
    what: "a Supabase demo key (issuer supabase-demo)",
    reason: 'the anon and service_role JWTs of the Supabase CLI and of the self-hosting example are signed with published secrets; their issuer is supabase-demo',
    source: SUPABASE_SELF_HOSTING_DOCS,
    test: (value) => jwtIssuer(value) === 'supabase-demo',
  },
  {
    what: "Django's development key",
    reason: "startproject's key, prefixed django-insecure-; Django's deployment check (security.W009) rejects it",
    unpublished: true,
    source: 'https://docs.djangoproject.com/en/stable/ref/checks/#security',
    test: (value) => value.startsWith('django-insecure-'),
  },
];

/** The `iss` claim of a JWT-shaped value (three base64url parts), if it has one. */
function jwtIssuer(value: string): string | undefined {
  if (!value.startsWith('eyJ') || value.length > 4096) return undefined;
  const parts = value.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    const iss = payload && typeof payload === 'object' ? (payload as { iss?: unknown }).iss : undefined;
    return typeof iss === 'string' ? iss : undefined;
  } catch {
    return undefined;
  }
}
