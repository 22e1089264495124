/**
 * A rough family for a variable name, from its shape only (a prefix or suffix many apps share), so
 * gaps can be reported as families ("OAuth provider pairs", "S3-compatible storage") without naming
 * the variables of held-out apps. First match wins; `app-specific` is everything else.
 */
const FAMILIES: [family: string, pattern: RegExp][] = [
  ['public browser variables (NEXT_PUBLIC_, VITE_, PUBLIC_, REACT_APP_, EXPO_PUBLIC_, NUXT_PUBLIC_)', /^(NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)/],
  ['Auth.js / NextAuth core', /^(NEXTAUTH_|AUTH_SECRET$|AUTH_URL$|AUTH_TRUST_HOST$)/],
  ['OAuth / OIDC provider pairs (client id and secret, issuer, tenant)', /(_CLIENT_ID|_CLIENT_SECRET|_OAUTH_|^OAUTH_|_ISSUER|_TENANT_ID|_REDIRECT_URI|_CALLBACK_URL|^AUTH_[A-Z]+_(ID|SECRET)$|^OIDC_|^GOOGLE_|^GITHUB_|^GITLAB_|^DISCORD_|^SLACK_|^MICROSOFT_|^AZURE_AD_|^KEYCLOAK_|^AUTH0_|^OKTA_|^APPLE_)/],
  ['SAML / LDAP / SSO', /(^SAML_|^LDAP_|^SSO_|_SAML_|_LDAP_)/],
  ['PostgreSQL / database connection', /^(DATABASE_|POSTGRES_|PG[A-Z]+$|DB_|MYSQL_|MARIADB_|MONGO|CLICKHOUSE_|DIRECT_URL$|SHADOW_DATABASE)/],
  ['Redis / cache / memcached', /^(REDIS|CACHE_|MEMCACHED_|KV_|UPSTASH_|VALKEY_)/],
  ['queues, brokers, sessions, broadcast (framework drivers)', /^(QUEUE_|BROADCAST_|SESSION_|PUSHER_|RABBITMQ_|AMQP_|KAFKA_|CELERY_|BROKER_|SQS_)/],
  ['SMTP and mail providers', /^(SMTP_|MAIL_|EMAIL_|MAILER_|RESEND_|SENDGRID_|POSTMARK_|MAILGUN_|SES_|BREVO_|SENDINBLUE_|MAILCHIMP_|MAILJET_|NODEMAILER_)/],
  ['S3-compatible storage and AWS', /^(S3_|AWS_|STORAGE_|MINIO_|R2_|CLOUDFLARE_R2|GCS_|BLOB_|FILESYSTEM_|UPLOAD|SPACES_|B2_|FILE_STORAGE)/],
  ['payments (Stripe, Lemon Squeezy, Paddle…)', /^(STRIPE_|LEMON|PADDLE_|PAYPAL_|BRAINTREE_|BILLING_)/],
  ['error tracking, analytics, telemetry (Sentry, PostHog, OpenTelemetry…)', /^(SENTRY_|POSTHOG_|OTEL_|DD_|DATADOG_|NEW_RELIC|HONEYCOMB_|PLAUSIBLE_|UMAMI_|GA_|GOOGLE_ANALYTICS|SEGMENT_|MIXPANEL_|AMPLITUDE_|LOGTAIL_|AXIOM_|TELEMETRY|TRACING_|LANGFUSE_|HIGHLIGHT_|LOGFLARE)/],
  ['LLM and AI providers', /^(OPENAI_|ANTHROPIC_|AZURE_OPENAI|GEMINI_|GOOGLE_AI|MISTRAL_|GROQ_|OLLAMA_|COHERE_|HUGGINGFACE|HF_|OPENROUTER_|TOGETHER_|REPLICATE_|DEEPSEEK_|PERPLEXITY_|XAI_|LLM_|EMBEDDING|PINECONE_|QDRANT_|WEAVIATE_|LANGCHAIN_|LANGSMITH_|AI_)/],
  ['Supabase', /^SUPABASE_/],
  ['messaging and notification services (Twilio, Slack webhooks, Telegram…)', /^(TWILIO_|TELEGRAM_|VONAGE_|NOVU_|ONESIGNAL_|FIREBASE_|FCM_|APNS_|WEBPUSH_|VAPID_|MATRIX_|MATTERMOST_|DISCORD_WEBHOOK|SLACK_WEBHOOK)/],
  ['search engines (Meilisearch, Elasticsearch, Typesense, Algolia)', /^(MEILI|ELASTIC|OPENSEARCH_|TYPESENSE_|ALGOLIA_|SCOUT_)/],
  ['framework settings (Laravel APP_/LOG_, Django, Rails, Node runtime)', /^(APP_|LOG_|LOGGING_|DEBUG$|SECRET_KEY(_BASE)?$|ALLOWED_HOSTS$|DJANGO_|RAILS_|RACK_|NODE_|TZ$|LANG$|VITE$|BCRYPT_|HASH_|VIEW_|TRUSTED_PROXIES$|CSRF_|CORS_)/],
  ['server address, ports and URLs of the app itself', /^(PORT$|HOST(NAME)?$|BASE_URL$|PUBLIC_URL$|SITE_URL$|WEB_URL$|API_URL$|FRONTEND_URL$|BACKEND_URL$|SERVER_|URL$|DOMAIN$|WEBAPP_URL$|APP_URL$)/],
  ['secrets and keys of the app itself (encryption, JWT, signing)', /(ENCRYPTION|_SECRET$|^SECRET|JWT|SIGNING|_KEY$|CRYPTO|SALT)/],
  ['feature flags and limits', /(^FEATURE_|^ENABLE_|^DISABLE_|_ENABLED$|_DISABLED$|^FF_|_LIMIT$|^MAX_|^MIN_|_TIMEOUT$)/],
];

export const APP_SPECIFIC = 'app-specific';

export function familyOf(name: string): string {
  const upper = name.toUpperCase();
  for (const [family, pattern] of FAMILIES) if (pattern.test(upper)) return family;
  return APP_SPECIFIC;
}
