/**
 * Credential-shaped strings that are obviously fake (counting sequences) yet match secretlint's
 * recommended detectors, and public-by-design keys of the same shapes, for the secret hygiene tests.
 * AWS's documented example keys (AKIAIOSFODNN7EXAMPLE, wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY) are
 * ignored by secretlint's AWS rule, so the AWS case here uses a made-up 40-character value.
 */
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: unknown) => `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}.${'s1gnature0123456789abcdefghijABCDEFGHIJ0'}`;

/** [detector, variable name, value] */
export const FAKE_CREDENTIALS: readonly [string, string, string][] = [
  ['github', 'GITHUB_TOKEN', 'ghp_0123456789abcdefghijABCDEFGHIJ012345'],
  ['stripe', 'STRIPE_SECRET_KEY', 'sk_live_0123456789abcdefghijklmn'],
  ['openai', 'OPENAI_API_KEY', 'sk-abcdefghij0123456789T3BlbkFJABCDEFGHIJ0123456789'],
  ['slack', 'SLACK_BOT_TOKEN', 'xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
  ['aws', 'AWS_SECRET_ACCESS_KEY', 'abcdEFGHijklMNOPqrstUVWXyz0123456789/+AB'],
  ['npm', 'NPM_TOKEN', 'npm_0123456789abcdefghijABCDEFGHIJ012345'],
  ['gitlab', 'GITLAB_TOKEN', 'glpat-0123456789abcdefghij'],
  ['sendgrid', 'SENDGRID_API_KEY', 'SG.abcdefghij0123456789AB.ABCDEFGHIJabcdefghij0123456789abcdefghijABC'],
  ['privatekey', 'GITHUB_APP_PRIVATE_KEY', `-----BEGIN RSA PRIVATE KEY-----\nMII${'ABCDEFGHIJ0123456789'.repeat(8)}\n-----END RSA PRIVATE KEY-----`],
];

/** Keys meant for the browser, each with its documentation's word that it is public. */
export const PUBLIC_KEYS: readonly [string, string][] = [
  ['NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY', 'pk_live_0123456789abcdefghijklmn'],
  ['VITE_CLERK_PUBLISHABLE_KEY', 'pk_test_0123456789abcdefghijklmn'],
  ['NEXT_PUBLIC_SUPABASE_ANON_KEY', jwt({ iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'anon', iat: 1700000000, exp: 2000000000 })],
  ['NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY', 'sb_publishable_0123456789abcdefghijkl_ABCDEFGH'],
  ['NEXT_PUBLIC_SENTRY_DSN', 'https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/1234567'],
  ['NEXT_PUBLIC_POSTHOG_KEY', 'phc_0123456789abcdefghijABCDEFGHIJ0123456789a'],
  ['VITE_FIREBASE_API_KEY', 'AIzaSyA0123456789abcdefghijABCDEFGHIJ0'],
];

/** The Supabase CLI's demo JWTs carry the issuer supabase-demo (signed with its published secret). */
export const SUPABASE_DEMO_ANON = jwt({ iss: 'supabase-demo', role: 'anon', exp: 1983812996 });
