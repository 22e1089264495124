/**
 * The schemas shipped with envls. Required as JSON modules so esbuild bundles them
 * (no file system access at run time); the `require` calls sit inside functions, so the
 * bundles evaluate the raw files only when a user schema file must be composed with them
 * (the composed builtins come from the build-time snapshot). Add a new file in the lists below.
 */
import { composeSchemas, type SchemaSource } from './compose';
import { PREBUILT_BUILTIN_SCHEMAS } from './prebuilt';
import { fromSnapshot } from './snapshot';
import type { ResolvedSchema } from './types';

/** Product schemas and fragments. */
const productFiles = (): unknown[] => [
  require('../../../../schemas/fragments/authjs.json'), require('../../../../schemas/fragments/node-tls.json'), require('../../../../schemas/fragments/otel.json'),
  require('../../../../schemas/neosync/api.json'), require('../../../../schemas/neosync/migrations.json'), require('../../../../schemas/neosync/app.json'), require('../../../../schemas/neosync/worker.json'), require('../../../../schemas/neosync/cli.json'),
  require('../../../../schemas/flux/app.json'), require('../../../../schemas/flux/cli.json'), require('../../../../schemas/flux/postgrest.json'), require('../../../../schemas/flux/flux.json'),
  require('../../../../schemas/flagsmith/api.json'), require('../../../../schemas/flagsmith/frontend.json'), require('../../../../schemas/flagsmith/flagsmith.json'),
];

/** The catalog of common services and frameworks (schemas/catalog/), in id order. */
const catalogFiles = (): unknown[] => [
  require('../../../../schemas/catalog/algolia.json'),
  require('../../../../schemas/catalog/anthropic.json'),
  require('../../../../schemas/catalog/apple.json'),
  require('../../../../schemas/catalog/atlassian.json'),
  require('../../../../schemas/catalog/auth0.json'),
  require('../../../../schemas/catalog/authjs-v4.json'),
  require('../../../../schemas/catalog/authjs-v5.json'),
  require('../../../../schemas/catalog/aws.json'),
  require('../../../../schemas/catalog/azure-identity.json'),
  require('../../../../schemas/catalog/azure-openai.json'),
  require('../../../../schemas/catalog/azure-storage.json'),
  require('../../../../schemas/catalog/better-auth.json'),
  require('../../../../schemas/catalog/brevo.json'),
  require('../../../../schemas/catalog/celery.json'),
  require('../../../../schemas/catalog/clerk.json'),
  require('../../../../schemas/catalog/clickhouse.json'),
  require('../../../../schemas/catalog/cloudflare.json'),
  require('../../../../schemas/catalog/cloudflare-r2.json'),
  require('../../../../schemas/catalog/cloudflare-turnstile.json'),
  require('../../../../schemas/catalog/cloudinary.json'),
  require('../../../../schemas/catalog/cohere.json'),
  require('../../../../schemas/catalog/create-react-app.json'),
  require('../../../../schemas/catalog/datadog.json'),
  require('../../../../schemas/catalog/deepseek.json'),
  require('../../../../schemas/catalog/discord.json'),
  require('../../../../schemas/catalog/django.json'),
  require('../../../../schemas/catalog/docker-compose.json'),
  require('../../../../schemas/catalog/dropbox.json'),
  require('../../../../schemas/catalog/elasticsearch.json'),
  require('../../../../schemas/catalog/expo.json'),
  require('../../../../schemas/catalog/facebook.json'),
  require('../../../../schemas/catalog/figma.json'),
  require('../../../../schemas/catalog/firebase.json'),
  require('../../../../schemas/catalog/flask.json'),
  require('../../../../schemas/catalog/gemini.json'),
  require('../../../../schemas/catalog/github.json'),
  require('../../../../schemas/catalog/gitlab.json'),
  require('../../../../schemas/catalog/google.json'),
  require('../../../../schemas/catalog/google-cloud.json'),
  require('../../../../schemas/catalog/groq.json'),
  require('../../../../schemas/catalog/gunicorn.json'),
  require('../../../../schemas/catalog/hcaptcha.json'),
  require('../../../../schemas/catalog/hubspot.json'),
  require('../../../../schemas/catalog/huggingface.json'),
  require('../../../../schemas/catalog/inngest.json'),
  require('../../../../schemas/catalog/kamal.json'),
  require('../../../../schemas/catalog/keycloak.json'),
  require('../../../../schemas/catalog/langsmith.json'),
  require('../../../../schemas/catalog/laravel.json'),
  require('../../../../schemas/catalog/laravel-cashier.json'),
  require('../../../../schemas/catalog/laravel-debugbar.json'),
  require('../../../../schemas/catalog/laravel-horizon.json'),
  require('../../../../schemas/catalog/laravel-octane.json'),
  require('../../../../schemas/catalog/laravel-passport.json'),
  require('../../../../schemas/catalog/laravel-reverb.json'),
  require('../../../../schemas/catalog/laravel-sail.json'),
  require('../../../../schemas/catalog/laravel-scout.json'),
  require('../../../../schemas/catalog/laravel-telescope.json'),
  require('../../../../schemas/catalog/ldap.json'),
  require('../../../../schemas/catalog/lemonsqueezy.json'),
  require('../../../../schemas/catalog/linkedin.json'),
  require('../../../../schemas/catalog/livekit.json'),
  require('../../../../schemas/catalog/mailchimp.json'),
  require('../../../../schemas/catalog/mailgun.json'),
  require('../../../../schemas/catalog/mapbox.json'),
  require('../../../../schemas/catalog/mariadb.json'),
  require('../../../../schemas/catalog/meilisearch.json'),
  require('../../../../schemas/catalog/microsoft-entra-id.json'),
  require('../../../../schemas/catalog/minio.json'),
  require('../../../../schemas/catalog/mistral.json'),
  require('../../../../schemas/catalog/mongodb.json'),
  require('../../../../schemas/catalog/mysql.json'),
  require('../../../../schemas/catalog/newrelic.json'),
  require('../../../../schemas/catalog/nextjs.json'),
  require('../../../../schemas/catalog/node.json'),
  require('../../../../schemas/catalog/notion.json'),
  require('../../../../schemas/catalog/nuxt.json'),
  require('../../../../schemas/catalog/oidc.json'),
  require('../../../../schemas/catalog/okta.json'),
  require('../../../../schemas/catalog/ollama.json'),
  require('../../../../schemas/catalog/openai.json'),
  require('../../../../schemas/catalog/openrouter.json'),
  require('../../../../schemas/catalog/opensearch.json'),
  require('../../../../schemas/catalog/opentelemetry.json'),
  require('../../../../schemas/catalog/paddle.json'),
  require('../../../../schemas/catalog/payload.json'),
  require('../../../../schemas/catalog/perplexity.json'),
  require('../../../../schemas/catalog/pinecone.json'),
  require('../../../../schemas/catalog/plaid.json'),
  require('../../../../schemas/catalog/posix.json'),
  require('../../../../schemas/catalog/postgres.json'),
  require('../../../../schemas/catalog/posthog.json'),
  require('../../../../schemas/catalog/postmark.json'),
  require('../../../../schemas/catalog/prisma.json'),
  require('../../../../schemas/catalog/pusher.json'),
  require('../../../../schemas/catalog/python.json'),
  require('../../../../schemas/catalog/qdrant.json'),
  require('../../../../schemas/catalog/rabbitmq.json'),
  require('../../../../schemas/catalog/rails.json'),
  require('../../../../schemas/catalog/recaptcha.json'),
  require('../../../../schemas/catalog/reddit.json'),
  require('../../../../schemas/catalog/redis.json'),
  require('../../../../schemas/catalog/replicate.json'),
  require('../../../../schemas/catalog/resend.json'),
  require('../../../../schemas/catalog/s3.json'),
  require('../../../../schemas/catalog/salesforce.json'),
  require('../../../../schemas/catalog/saml.json'),
  require('../../../../schemas/catalog/sendgrid.json'),
  require('../../../../schemas/catalog/sentry.json'),
  require('../../../../schemas/catalog/slack.json'),
  require('../../../../schemas/catalog/smtp.json'),
  require('../../../../schemas/catalog/spotify.json'),
  require('../../../../schemas/catalog/stripe.json'),
  require('../../../../schemas/catalog/supabase.json'),
  require('../../../../schemas/catalog/sveltekit-adapter-node.json'),
  require('../../../../schemas/catalog/telegram.json'),
  require('../../../../schemas/catalog/together.json'),
  require('../../../../schemas/catalog/trigger-dev.json'),
  require('../../../../schemas/catalog/turborepo.json'),
  require('../../../../schemas/catalog/twilio.json'),
  require('../../../../schemas/catalog/twitch.json'),
  require('../../../../schemas/catalog/twitter.json'),
  require('../../../../schemas/catalog/uploadthing.json'),
  require('../../../../schemas/catalog/upstash.json'),
  require('../../../../schemas/catalog/uvicorn.json'),
  require('../../../../schemas/catalog/vercel.json'),
  require('../../../../schemas/catalog/vercel-storage.json'),
  require('../../../../schemas/catalog/vite.json'),
  require('../../../../schemas/catalog/weaviate.json'),
  require('../../../../schemas/catalog/xai.json'),
  require('../../../../schemas/catalog/zoom.json'),
];

let files: readonly SchemaSource[] | undefined;

/** Every builtin schema file, fragments and catalog included, with origin `builtin:<id>` (read on first call). */
export function builtinSchemaFiles(): readonly SchemaSource[] {
  files ??= [
    ...productFiles().map((json) => ({ origin: `builtin:${(json as { id: string }).id}`, json })),
    ...catalogFiles().map((json) => ({ origin: `builtin:${(json as { id: string }).id}`, json, catalog: true })),
  ];
  return files;
}

let composed: Map<string, ResolvedSchema> | undefined;

/** The builtin schemas: composed at build time in the bundles, else once on first use. */
export function builtinSchemas(): Map<string, ResolvedSchema> {
  if (!composed) composed = PREBUILT_BUILTIN_SCHEMAS !== undefined ? fromSnapshot(PREBUILT_BUILTIN_SCHEMAS) : composeSchemas(builtinSchemaFiles()).schemas;
  return composed;
}
