/**
 * Catalog schemas added for the services real apps configure (issue 11, part C: OAuth providers,
 * mail, databases and search, LLM providers, hosted services, frameworks). Every file cites an
 * https source per variable, declares the packages that imply it, and is detected from a manifest
 * of its own ecosystem but never from another app's manifest; names only its service uses bind it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { detectSchemas, type DeclaredDependencies } from '../server/src/service/schema/detect';
import type { PackageHints, ResolvedSchema } from '../server/src/service/schema/types';
import { diagnose } from './support/testSchema';

const catalogDir = path.resolve(__dirname, '..', 'schemas', 'catalog');

/** The schemas of part C, one file each. */
const ids = [
  'apple', 'auth0', 'discord', 'facebook', 'github', 'gitlab', 'google', 'keycloak', 'microsoft-entra-id', 'okta', 'slack', 'twitter',
  'azure-openai', 'cohere', 'deepseek', 'gemini', 'groq', 'huggingface', 'langsmith', 'mistral', 'ollama', 'openrouter', 'perplexity',
  'pinecone', 'qdrant', 'replicate', 'together', 'weaviate', 'xai',
  'brevo', 'mailchimp', 'mailgun', 'postmark', 'pusher', 'resend', 'sendgrid',
  'clickhouse', 'elasticsearch', 'mariadb', 'meilisearch', 'minio', 'mongodb', 'mysql', 'opensearch', 'rabbitmq',
  'algolia', 'azure-identity', 'azure-storage', 'clerk', 'cloudflare', 'cloudflare-r2', 'cloudflare-turnstile', 'cloudinary', 'firebase',
  'google-cloud', 'hcaptcha', 'lemonsqueezy', 'livekit', 'mapbox', 'paddle', 'recaptcha', 'twilio', 'uploadthing', 'upstash', 'vercel',
  'vercel-storage',
  'laravel-cashier', 'laravel-debugbar', 'laravel-horizon', 'laravel-octane', 'laravel-passport', 'laravel-reverb', 'laravel-sail', 'laravel-scout',
  'laravel-telescope',
  'celery', 'flask', 'gunicorn', 'kamal', 'posix', 'python', 'uvicorn',
  'better-auth', 'create-react-app', 'datadog', 'expo', 'inngest', 'newrelic', 'nuxt', 'payload', 'plaid', 'sveltekit-adapter-node', 'telegram',
  'trigger-dev', 'turborepo',
  'ldap', 'oidc', 'saml',
  'atlassian', 'dropbox', 'figma', 'hubspot', 'linkedin', 'notion', 'reddit', 'salesforce', 'spotify', 'twitch', 'zoom',
];

interface CatalogFile {
  id: string;
  source?: string;
  include?: unknown[];
  variables: Record<string, { source?: string; type?: string; sensitive?: boolean }>;
  detect: { packages?: PackageHints; uniqueVariables?: string[]; minimumMatches?: number };
}

const files = new Map(ids.map((id) => [id, JSON.parse(readFileSync(path.join(catalogDir, `${id}.json`), 'utf8')) as CatalogFile]));
const schemas = () => builtinSchemas();
const detect = (keys: string[], dependencies: DeclaredDependencies[] = []) => detectSchemas({ keys, siblingFiles: [], dependencies }, schemas());

test('catalog C: each file is a builtin catalog schema named after its id; every variable cites its own https source', () => {
  for (const [id, json] of files) {
    assert.equal(json.id, id);
    const schema = schemas().get(id);
    assert.ok(schema?.catalog, `${id} is not a builtin catalog schema`);
    assert.equal(new URL(json.source ?? '').protocol, 'https:', `${id}: schema source`);
    for (const [name, variable] of Object.entries(json.variables)) {
      assert.equal(new URL(variable.source ?? '').protocol, 'https:', `${id} ${name}: ${variable.source}`);
      if (variable.type === 'secret') assert.equal(variable.sensitive, true, `${id} ${name}: a secret is marked sensitive`);
    }
  }
});

test('catalog C: a browser-public variable never names a secret of any bound catalog schema', () => {
  const secrets = new Set<string>();
  for (const schema of schemas().values()) for (const spec of schema.variables) if (schema.catalog && (spec.sensitive || spec.type === 'secret')) secrets.add(spec.name);
  for (const id of ids) {
    for (const spec of schemas().get(id)!.variables) {
      const m = /^(NEXT_PUBLIC_|VITE_|REACT_APP_|PUBLIC_|EXPO_PUBLIC_|NUXT_PUBLIC_|GATSBY_)(.+)$/.exec(spec.name);
      if (m) assert.ok(!secrets.has(m[2]), `${id}: ${spec.name} names the secret ${m[2]}`);
    }
  }
});

const ecosystems: Record<keyof PackageHints, string> = {
  npm: 'package.json', pypi: 'requirements.txt', composer: 'composer.json', gem: 'Gemfile', go: 'go.mod', cargo: 'Cargo.toml',
};

test('catalog C: each package a schema declares binds it, confident and declared, from a manifest of its ecosystem', () => {
  for (const [id, json] of files) {
    const packages = Object.entries(json.detect.packages ?? {}) as [keyof PackageHints, string[]][];
    // cloudflare-r2 has none: apps reach R2 with any S3 client; its names are its own.
    assert.ok(packages.length > 0 || (json.detect.uniqueVariables?.length ?? 0) > 0, `${id}: nothing to detect it by`);
    for (const [ecosystem, names] of packages) {
      for (const name of names) {
        const found = detect([], [{ manifest: ecosystems[ecosystem], ecosystem, names: new Set([ecosystem === 'pypi' ? name.toLowerCase().replace(/[-_.]+/g, '-') : name]) }]);
        const hit = found.find((d) => d.id === id);
        assert.ok(hit && hit.confidence === 'confident' && hit.declared, `${id}: ${name} in ${ecosystems[ecosystem]} → ${JSON.stringify(found)}`);
      }
    }
  }
});

test("catalog C: another app's manifest and files bind none of these schemas", () => {
  const otherApp: DeclaredDependencies[] = [
    { manifest: 'package.json', ecosystem: 'npm', names: new Set(['next', 'react', 'next-auth', '@prisma/client', 'stripe', 'pg', 'zod']) },
    { manifest: 'composer.json', ecosystem: 'composer', names: new Set(['laravel/framework', 'php']) },
  ];
  const laravel = readFileSync(path.resolve(__dirname, 'fixtures', 'catalog', 'laravel.env.example'), 'utf8');
  const keys = [...laravel.matchAll(/^([A-Z_][A-Z0-9_]*)=/gm)].map((m) => m[1]);
  const found = detect(keys, otherApp).map((d) => d.id);
  for (const id of ids) assert.ok(!found.includes(id), `${id} bound to another app: ${found.join(', ')}`);
  // Generic names alone never bind a service (DATABASE_URL, PORT, SECRET_KEY, API_KEY…).
  assert.deepEqual(detect(['DATABASE_URL', 'PORT', 'SECRET_KEY', 'API_KEY', 'CLIENT_ID', 'CLIENT_SECRET', 'APP_URL']), []);
});

test("catalog C: names only the service uses bind it without a manifest (as many as its minimumMatches), one fewer does not", () => {
  for (const [id, json] of files) {
    const unique = json.detect.uniqueVariables ?? [];
    const minimum = json.detect.minimumMatches ?? 2;
    if (unique.length === 0) continue; // detected from manifests only (mysql: envls counts MYSQL_* as generic)
    assert.ok(unique.length >= minimum, `${id}: fewer unique names than its minimum`);
    const found = detect(unique.slice(0, minimum));
    assert.ok(found.some((d) => d.id === id && d.confidence === 'confident'), `${id}: ${unique.slice(0, minimum).join(', ')} → ${JSON.stringify(found)}`);
    if (minimum > 1) assert.ok(!detect(unique.slice(0, minimum - 1)).some((d) => d.id === id), `${id}: one name too few still binds`);
  }
});

const ERROR = 1;

/** Example files written as the providers' documentation and real apps write them: no error may come out. */
const examples: Record<string, string> = {
  github: 'GITHUB_CLIENT_ID=Iv1.8a61f9b3a7aba766\nGITHUB_CLIENT_SECRET=\nGITHUB_ID=\nGITHUB_SECRET=\nGITHUB_TOKEN=ghp_xxx\nGH_HOST=github.example.com\nGITHUB_APP_ID=123456\nGITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\n...\\n-----END RSA PRIVATE KEY-----"\nGITHUB_WEBHOOK_SECRET=development\nGITHUB_CALLBACK_URL=http://localhost:3000/auth/github/callback\n',
  google: 'GOOGLE_CLIENT_ID=1234-abcd.apps.googleusercontent.com\nGOOGLE_CLIENT_SECRET=<your client secret>\nGOOGLE_REDIRECT_URI=http://localhost:3000/api/auth/callback/google\nNEXT_PUBLIC_GOOGLE_CLIENT_ID=\n',
  discord: 'DISCORD_CLIENT_ID=\nDISCORD_CLIENT_SECRET=\nDISCORD_TOKEN=your-token-goes-here\nDISCORD_PUBLIC_KEY=\nDISCORD_WEBHOOK_URL=https://discord.com/api/webhooks/id/token\n',
  gitlab: 'GITLAB_CLIENT_ID=\nGITLAB_CLIENT_SECRET=\nGITLAB_HOST=gitlab.example.com\nGITLAB_URL=https://gitlab.com\n',
  slack: 'SLACK_BOT_TOKEN=xoxb-your-token\nSLACK_SIGNING_SECRET=\nSLACK_APP_TOKEN=xapp-1-...\nSLACK_SCOPES=channels:history,chat:write,commands\nSLACK_WEBHOOK_URL=\n',
  'microsoft-entra-id': 'AZURE_AD_CLIENT_ID=\nAZURE_AD_CLIENT_SECRET=\nAZURE_AD_TENANT_ID=common\nMICROSOFT_TENANT_ID=organizations\n',
  apple: 'APPLE_ID=com.example.web\nAPPLE_SECRET=\nAPPLE_TEAM_ID=ABCDE12345\nAPPLE_KEY_ID=\nAPPLE_PRIVATE_KEY=\n',
  twitter: 'TWITTER_CLIENT_ID=\nTWITTER_CLIENT_SECRET=\nTWITTER_API_KEY=\nTWITTER_BEARER_TOKEN=\n',
  facebook: 'FACEBOOK_CLIENT_ID=\nFACEBOOK_CLIENT_SECRET=\n',
  auth0: "AUTH0_SECRET='use [openssl rand -hex 32] to generate a 32 bytes value'\nAUTH0_BASE_URL='http://localhost:3000'\nAUTH0_ISSUER_BASE_URL='https://{yourDomain}'\nAUTH0_CLIENT_ID='{yourClientId}'\nAUTH0_CLIENT_SECRET='{yourClientSecret}'\nAUTH0_DOMAIN=example.us.auth0.com\nAPP_BASE_URL=http://localhost:3000\n",
  okta: 'OKTA_CLIENT_ID=\nOKTA_CLIENT_SECRET=\nOKTA_ISSUER=https://dev-123456.okta.com/oauth2/default\n',
  keycloak: 'KEYCLOAK_CLIENT_ID=app\nKEYCLOAK_CLIENT_SECRET=\nKEYCLOAK_ISSUER=http://localhost:8080/realms/myrealm\nKC_DB=postgres\nKC_DB_URL=jdbc:postgresql://postgres/keycloak\nKC_HTTP_ENABLED=true\nKC_HOSTNAME=localhost\n',
  'azure-openai': 'AZURE_OPENAI_API_KEY=\nAZURE_OPENAI_ENDPOINT=https://example-resource.openai.azure.com/\nOPENAI_API_VERSION=2024-10-21\nAZURE_OPENAI_DEPLOYMENT=gpt-4o\nAZURE_API_KEY=\nAZURE_RESOURCE_NAME=example-resource\n',
  cohere: 'CO_API_KEY=\nCOHERE_API_KEY=your-cohere-api-key\n',
  deepseek: 'DEEPSEEK_API_KEY=sk-xxx\n',
  gemini: 'GEMINI_API_KEY=\nGOOGLE_GENERATIVE_AI_API_KEY=\nGOOGLE_GENAI_USE_VERTEXAI=true\nGOOGLE_CLOUD_PROJECT=my-project\nGOOGLE_CLOUD_LOCATION=global\n',
  groq: 'GROQ_API_KEY=gsk_xxx\n',
  huggingface: 'HF_TOKEN=hf_xxx\nHF_HOME=/data/.cache/huggingface\nHF_HUB_OFFLINE=1\nHUGGINGFACEHUB_API_TOKEN=\n',
  langsmith: 'LANGSMITH_TRACING=true\nLANGSMITH_API_KEY="<your-langsmith-api-key>"\nLANGSMITH_ENDPOINT="https://eu.api.smith.langchain.com"\nLANGSMITH_PROJECT=default\n',
  mistral: 'MISTRAL_API_KEY=\n',
  ollama: 'OLLAMA_HOST=0.0.0.0:11434\nOLLAMA_BASE_URL=http://localhost:11434\nOLLAMA_KEEP_ALIVE=24h\nOLLAMA_ORIGINS=*\nOLLAMA_NUM_PARALLEL=4\n',
  openrouter: 'OPENROUTER_API_KEY=sk-or-v1-xxx\n',
  perplexity: 'PERPLEXITY_API_KEY=pplx-xxx\n',
  pinecone: 'PINECONE_API_KEY=\nPINECONE_ENVIRONMENT=us-west1-gcp\nPINECONE_INDEX=my-index\n',
  qdrant: 'QDRANT_URL=http://localhost:6333\nQDRANT_API_KEY=\nQDRANT__SERVICE__API_KEY=your_secret_api_key_here\nQDRANT__SERVICE__HTTP_PORT=6333\n',
  replicate: 'REPLICATE_API_TOKEN=r8_xxx\n',
  together: 'TOGETHER_API_KEY=\n',
  weaviate: 'WEAVIATE_URL=http://localhost:8080\nAUTHENTICATION_ANONYMOUS_ACCESS_ENABLED=true\nPERSISTENCE_DATA_PATH=/var/lib/weaviate\nDEFAULT_VECTORIZER_MODULE=none\nENABLE_MODULES=text2vec-openai,generative-openai\nQUERY_DEFAULTS_LIMIT=25\n',
  xai: 'XAI_API_KEY=xai-xxx\n',
  brevo: 'BREVO_API_KEY=xkeysib-xxx\n',
  mailchimp: 'MAILCHIMP_API_KEY=xxx-us19\nMAILCHIMP_SERVER_PREFIX=us19\nMAILCHIMP_AUDIENCE_ID=\n',
  mailgun: 'MAILGUN_DOMAIN=mg.example.com\nMAILGUN_SECRET=\nMAILGUN_ENDPOINT=api.eu.mailgun.net\nMAILGUN_API_KEY=key-xxx\n',
  postmark: 'POSTMARK_API_KEY=\nPOSTMARK_TOKEN=\nPOSTMARK_SERVER_TOKEN=xxxx-xxxx\n',
  // laravel/laravel's .env.example up to 10.x (d2b3ab24).
  pusher: 'PUSHER_APP_ID=\nPUSHER_APP_KEY=\nPUSHER_APP_SECRET=\nPUSHER_HOST=\nPUSHER_PORT=443\nPUSHER_SCHEME=https\nPUSHER_APP_CLUSTER=mt1\n\nVITE_PUSHER_APP_KEY="${PUSHER_APP_KEY}"\nVITE_PUSHER_HOST="${PUSHER_HOST}"\nVITE_PUSHER_PORT="${PUSHER_PORT}"\nVITE_PUSHER_SCHEME="${PUSHER_SCHEME}"\nVITE_PUSHER_APP_CLUSTER="${PUSHER_APP_CLUSTER}"\n',
  resend: 'RESEND_API_KEY=re_123456789\nRESEND_KEY=\nRESEND_FROM="Acme <onboarding@resend.dev>"\n',
  sendgrid: 'SENDGRID_API_KEY=SG.xxx\nSENDGRID_FROM_EMAIL=noreply@example.com\n',
  clickhouse: 'CLICKHOUSE_DB=my_database\nCLICKHOUSE_USER=username\nCLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT=1\nCLICKHOUSE_PASSWORD=password\nCLICKHOUSE_URL=http://localhost:8123\n',
  // Elastic's Docker Compose example .env, and settings passed as variables.
  elasticsearch: 'ELASTIC_PASSWORD=changeme\nKIBANA_PASSWORD=changeme\nES_JAVA_OPTS=-Xms512m -Xmx512m\ndiscovery.type=single-node\nxpack.security.enabled=false\nELASTICSEARCH_URL=http://localhost:9200\n',
  mariadb: 'MARIADB_ROOT_PASSWORD=my-secret-pw\nMARIADB_DATABASE=app\nMARIADB_USER=app\nMARIADB_PASSWORD=\nMARIADB_AUTO_UPGRADE=1\n',
  meilisearch: 'MEILI_MASTER_KEY=\nMEILI_ENV=development\nMEILI_NO_ANALYTICS=true\nMEILI_LOG_LEVEL=INFO\nMEILISEARCH_HOST=http://meilisearch:7700\nMEILISEARCH_KEY=masterKey\nMEILI_HTTP_ADDR=0.0.0.0:7700\n',
  minio: 'MINIO_ROOT_USER=minioadmin\nMINIO_ROOT_PASSWORD=\nMINIO_BROWSER=on\nMINIO_ENDPOINT=localhost\nMINIO_PORT=9000\nMINIO_USE_SSL=false\nMINIO_BUCKET=uploads\n',
  mongodb: 'MONGODB_URI=mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/?retryWrites=true&w=majority\nMONGO_INITDB_ROOT_USERNAME=root\nMONGO_INITDB_ROOT_PASSWORD=\nMONGO_INITDB_DATABASE=app\n',
  mysql: 'MYSQL_ROOT_PASSWORD=\nMYSQL_DATABASE=app\nMYSQL_USER=app\nMYSQL_PASSWORD=\nMYSQL_ALLOW_EMPTY_PASSWORD=yes\nMYSQL_HOST=127.0.0.1\nMYSQL_PORT=3306\n',
  opensearch: 'OPENSEARCH_INITIAL_ADMIN_PASSWORD=\nOPENSEARCH_JAVA_OPTS=-Xms512m -Xmx512m\nDISABLE_SECURITY_PLUGIN=true\nOPENSEARCH_URL=https://localhost:9200\n',
  rabbitmq: 'RABBITMQ_DEFAULT_USER=user\nRABBITMQ_DEFAULT_PASS=\nRABBITMQ_DEFAULT_VHOST=/\nRABBITMQ_URL=amqp://user:password@localhost:5672\nAMQP_URL=\n',
  algolia: 'ALGOLIA_APP_ID=\nALGOLIA_SECRET=\nALGOLIA_SEARCH_API_KEY=\nALGOLIA_ADMIN_KEY=\nNEXT_PUBLIC_ALGOLIA_APP_ID=\nNEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY=\n',
  'azure-identity': 'AZURE_TENANT_ID=\nAZURE_CLIENT_ID=\nAZURE_CLIENT_SECRET=\nAZURE_AUTHORITY_HOST=https://login.microsoftonline.us\n',
  'azure-storage': 'AZURE_STORAGE_CONNECTION_STRING="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=xxx;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;"\nAZURE_STORAGE_CONTAINER=uploads\n',
  // Clerk's environment variables page.
  clerk: 'NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_xxx\nCLERK_SECRET_KEY=sk_test_xxx\nNEXT_PUBLIC_CLERK_SIGN_IN_URL=/sign-in\nNEXT_PUBLIC_CLERK_SIGN_UP_URL=/sign-up\nNEXT_PUBLIC_CLERK_SIGN_IN_FALLBACK_REDIRECT_URL=/\nNEXT_PUBLIC_CLERK_AFTER_SIGN_IN_URL=/dashboard\nCLERK_WEBHOOK_SIGNING_SECRET=whsec_xxx\nNEXT_PUBLIC_CLERK_TELEMETRY_DISABLED=1\n',
  cloudflare: 'CLOUDFLARE_API_TOKEN=\nCLOUDFLARE_ACCOUNT_ID=\nWRANGLER_SEND_METRICS=false\n',
  'cloudflare-r2': 'R2_ACCOUNT_ID=\nR2_ACCESS_KEY_ID=\nR2_SECRET_ACCESS_KEY=\nR2_BUCKET_NAME=uploads\nR2_PUBLIC_URL=https://pub-xxx.r2.dev\n',
  'cloudflare-turnstile': 'NEXT_PUBLIC_TURNSTILE_SITE_KEY=1x00000000000000000000AA\nTURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA\n',
  cloudinary: 'CLOUDINARY_URL=cloudinary://<api_key>:<api_secret>@<cloud_name>\nNEXT_PUBLIC_CLOUDINARY_CLOUD_NAME=demo\nCLOUDINARY_API_SECRET=\n',
  firebase: 'NEXT_PUBLIC_FIREBASE_API_KEY=\nNEXT_PUBLIC_FIREBASE_AUTH_DOMAIN=app.firebaseapp.com\nNEXT_PUBLIC_FIREBASE_PROJECT_ID=app\nFIREBASE_CLIENT_EMAIL=\nFIREBASE_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"\nFIRESTORE_EMULATOR_HOST=localhost:8080\n',
  'google-cloud': 'GOOGLE_APPLICATION_CREDENTIALS=./service-account.json\nGOOGLE_CLOUD_PROJECT=my-project\nPUBSUB_EMULATOR_HOST=localhost:8085\nGCS_BUCKET_NAME=uploads\n',
  hcaptcha: 'HCAPTCHA_SITE_KEY=10000000-ffff-ffff-ffff-000000000001\nHCAPTCHA_SECRET=0x0000000000000000000000000000000000000000\n',
  lemonsqueezy: 'LEMONSQUEEZY_API_KEY=\nLEMONSQUEEZY_STORE_ID=12345\nLEMONSQUEEZY_WEBHOOK_SECRET=\n',
  livekit: 'LIVEKIT_URL=wss://project.livekit.cloud\nLIVEKIT_API_KEY=\nLIVEKIT_API_SECRET=\n',
  mapbox: 'NEXT_PUBLIC_MAPBOX_TOKEN=pk.xxx\nMAPBOX_ACCESS_TOKEN=\n',
  paddle: 'PADDLE_CLIENT_SIDE_TOKEN=your-paddle-client-side-token\nPADDLE_API_KEY=your-paddle-api-key\nPADDLE_WEBHOOK_SECRET="your-paddle-webhook-secret"\nPADDLE_SANDBOX=true\n',
  recaptcha: 'RECAPTCHA_SITE_KEY=\nRECAPTCHA_SECRET_KEY=\nNEXT_PUBLIC_RECAPTCHA_SITE_KEY=\n',
  twilio: 'TWILIO_ACCOUNT_SID=ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nTWILIO_AUTH_TOKEN=your_auth_token\nTWILIO_PHONE_NUMBER=+15017122661\n',
  uploadthing: 'UPLOADTHING_TOKEN=\n',
  upstash: 'UPSTASH_REDIS_REST_URL=https://example.upstash.io\nUPSTASH_REDIS_REST_TOKEN=\nQSTASH_TOKEN=\nQSTASH_CURRENT_SIGNING_KEY=\nQSTASH_NEXT_SIGNING_KEY=\n',
  vercel: 'VERCEL_ENV=development\nVERCEL_URL=my-app.vercel.app\nNEXT_PUBLIC_VERCEL_URL=\nVERCEL_TOKEN=\nVERCEL_ORG_ID=\nVERCEL_PROJECT_ID=\n',
  'vercel-storage': 'POSTGRES_URL="************"\nPOSTGRES_PRISMA_URL="************"\nPOSTGRES_URL_NON_POOLING="************"\nKV_URL="************"\nKV_REST_API_URL="************"\nKV_REST_API_TOKEN="************"\nKV_REST_API_READ_ONLY_TOKEN="************"\nBLOB_READ_WRITE_TOKEN="************"\nEDGE_CONFIG="************"\n',
  'laravel-cashier': 'STRIPE_KEY=pk_test_example\nSTRIPE_SECRET=sk_test_example\nSTRIPE_WEBHOOK_SECRET=\nCASHIER_CURRENCY=eur\nCASHIER_CURRENCY_LOCALE=nl_BE\n',
  'laravel-debugbar': 'DEBUGBAR_ENABLED=false\nDEBUGBAR_EDITOR=vscode\n',
  'laravel-horizon': 'HORIZON_PATH=horizon\nHORIZON_PREFIX=app_horizon:\n',
  'laravel-octane': 'OCTANE_SERVER=frankenphp\nOCTANE_HTTPS=false\n',
  'laravel-passport': 'PASSPORT_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\n<private key here>\n-----END RSA PRIVATE KEY-----"\nPASSPORT_PUBLIC_KEY=\n',
  // The Reverb section `php artisan install:broadcasting` writes.
  'laravel-reverb': 'REVERB_APP_ID=my-app-id\nREVERB_APP_KEY=my-app-key\nREVERB_APP_SECRET=my-app-secret\nREVERB_HOST="localhost"\nREVERB_PORT=8080\nREVERB_SCHEME=http\n\nVITE_REVERB_APP_KEY="${REVERB_APP_KEY}"\nVITE_REVERB_HOST="${REVERB_HOST}"\nVITE_REVERB_PORT="${REVERB_PORT}"\nVITE_REVERB_SCHEME="${REVERB_SCHEME}"\n',
  'laravel-sail': 'APP_PORT=8080\nFORWARD_DB_PORT=3307\nWWWUSER=1000\nWWWGROUP=1000\nSAIL_XDEBUG_MODE=develop,debug\n',
  'laravel-scout': 'SCOUT_DRIVER=meilisearch\nSCOUT_QUEUE=true\nMEILISEARCH_HOST=http://meilisearch:7700\nMEILISEARCH_KEY=masterKey\nTYPESENSE_API_KEY=xyz\nTYPESENSE_HOST=typesense\n',
  'laravel-telescope': 'TELESCOPE_ENABLED=true\nTELESCOPE_PATH=telescope\nTELESCOPE_QUERY_WATCHER=false\n',
  celery: 'CELERY_BROKER_URL=redis://localhost:6379/0\nCELERY_RESULT_BACKEND=redis://localhost:6379/1\n',
  flask: 'FLASK_APP=app:create_app\nFLASK_DEBUG=1\nFLASK_RUN_PORT=8000\nFLASK_SECRET_KEY=\n',
  gunicorn: 'GUNICORN_CMD_ARGS="--bind=0.0.0.0:8000 --workers=3"\nWEB_CONCURRENCY=4\nFORWARDED_ALLOW_IPS=*\n',
  kamal: 'KAMAL_REGISTRY_PASSWORD=\n',
  posix: 'TZ=Europe/Paris\nLANG=en_US.UTF-8\nLC_ALL=C.UTF-8\nTMPDIR=/tmp\n',
  python: 'PYTHONUNBUFFERED=1\nPYTHONDONTWRITEBYTECODE=1\nPYTHONPATH=/app\nPYTHONHASHSEED=random\n',
  uvicorn: 'UVICORN_HOST=0.0.0.0\nUVICORN_PORT=8000\nUVICORN_WORKERS=4\nUVICORN_LOG_LEVEL=info\n',
  'better-auth': 'BETTER_AUTH_SECRET=\nBETTER_AUTH_URL=http://localhost:3000\n',
  'create-react-app': 'GENERATE_SOURCEMAP=false\nSKIP_PREFLIGHT_CHECK=true\nPORT=3001\nBROWSER=none\nREACT_APP_API_URL=http://localhost:8080\n',
  datadog: 'DD_API_KEY=\nDD_SITE=datadoghq.eu\nDD_ENV=production\nDD_SERVICE=api\nDD_VERSION=1.0.0\nDD_AGENT_HOST=datadog-agent\n',
  expo: 'EXPO_PUBLIC_API_URL=https://api.example.com\nEXPO_TOKEN=\nEXPO_NO_TELEMETRY=1\n',
  inngest: 'INNGEST_EVENT_KEY=\nINNGEST_SIGNING_KEY=\nINNGEST_DEV=1\n',
  newrelic: 'NEW_RELIC_LICENSE_KEY=\nNEW_RELIC_APP_NAME=my-app\nNEW_RELIC_ENABLED=false\n',
  nuxt: 'NUXT_APP_BASE_URL=/app/\nNUXT_TELEMETRY_DISABLED=1\nNITRO_PORT=3000\nNUXT_PUBLIC_API_BASE=https://api.example.com\n',
  // payloadcms/payload's website template .env.example.
  payload: 'DATABASE_URI=mongodb://127.0.0.1/your-database-name\nPAYLOAD_SECRET=YOUR_SECRET_HERE\nNEXT_PUBLIC_SERVER_URL=http://localhost:3000\nCRON_SECRET=YOUR_CRON_SECRET_HERE\nPREVIEW_SECRET=YOUR_SECRET_HERE\n',
  // plaid/quickstart's .env.example.
  plaid: 'PLAID_CLIENT_ID=\nPLAID_SECRET=\nPLAID_ENV=sandbox\nPLAID_PRODUCTS=transactions\nPLAID_COUNTRY_CODES=US,CA\nPLAID_REDIRECT_URI=\n',
  'sveltekit-adapter-node': 'PORT=3000\nHOST=127.0.0.1\nORIGIN=https://my.site\nPROTOCOL_HEADER=x-forwarded-proto\nHOST_HEADER=x-forwarded-host\nBODY_SIZE_LIMIT=Infinity\n',
  telegram: 'TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11\nTELEGRAM_CHAT_ID=@channelusername\n',
  'trigger-dev': 'TRIGGER_SECRET_KEY=tr_dev_xxx\nTRIGGER_API_URL=https://api.trigger.dev\n',
  turborepo: 'TURBO_TOKEN=\nTURBO_TEAM=my-team\nTURBO_TELEMETRY_DISABLED=1\n',
  ldap: 'LDAP_URL=ldaps://ldap.example.com:636\nLDAP_BIND_DN=cn=admin,dc=example,dc=com\nLDAP_BIND_PASSWORD=\nLDAP_BASE_DN=ou=people,dc=example,dc=com\nLDAP_USER_FILTER=(uid={{username}})\n',
  oidc: 'OIDC_CLIENT_ID=\nOIDC_CLIENT_SECRET=\nOIDC_ISSUER=https://accounts.example.com\nOIDC_SCOPES=openid profile email\n',
  saml: 'SAML_ENTRY_POINT=https://idp.example.com/sso\nSAML_ISSUER=my-app\nSAML_CERT=\nSAML_CALLBACK_URL=https://app.example.com/auth/saml/callback\n',
  atlassian: 'JIRA_API_TOKEN=\nATLASSIAN_CLIENT_ID=\n',
  dropbox: 'DROPBOX_APP_KEY=\nDROPBOX_APP_SECRET=\nDROPBOX_REFRESH_TOKEN=\n',
  figma: 'FIGMA_ACCESS_TOKEN=\n',
  hubspot: 'HUBSPOT_ACCESS_TOKEN=\nHUBSPOT_CLIENT_ID=\n',
  linkedin: 'LINKEDIN_CLIENT_ID=\nLINKEDIN_CLIENT_SECRET=\n',
  notion: 'NOTION_API_KEY=secret_xxx\nNOTION_DATABASE_ID=\n',
  reddit: 'REDDIT_CLIENT_ID=\nREDDIT_CLIENT_SECRET=\n',
  salesforce: 'SALESFORCE_CLIENT_ID=\nSALESFORCE_CLIENT_SECRET=\nSALESFORCE_LOGIN_URL=https://login.salesforce.com\n',
  spotify: 'SPOTIFY_CLIENT_ID=\nSPOTIFY_CLIENT_SECRET=\nSPOTIFY_REDIRECT_URI=http://127.0.0.1:3000/callback\n',
  twitch: 'TWITCH_CLIENT_ID=\nTWITCH_CLIENT_SECRET=\n',
  zoom: 'ZOOM_ACCOUNT_ID=\nZOOM_CLIENT_ID=\nZOOM_CLIENT_SECRET=\n',
};

test('catalog C: example files bound to their schema give no error-severity diagnostic', () => {
  for (const id of ids) {
    const schema: ResolvedSchema = schemas().get(id)!;
    assert.ok(examples[id], `${id}: an example file in this test`);
    const errors = diagnose(examples[id], [schema]).filter((d) => d.severity === ERROR);
    assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], id);
  }
});

test("Laravel's env() literals: null and empty pass where a port, an integer or a URL is expected; other words do not", () => {
  // snipe-it's .env.example sets APP_URL=null, REDIS_PORT=null and MEMCACHED_PORT=null: Laravel reads PHP null.
  const laravel = schemas().get('laravel')!;
  const errorsOf = (text: string) => diagnose(`APP_KEY=base64:x\n${text}`, [laravel]).filter((d) => d.severity === ERROR).map((d) => d.range.start.line - 1);
  assert.deepEqual(errorsOf('APP_URL=null\nREDIS_PORT=null\nMEMCACHED_PORT=(null)\nSESSION_LIFETIME=empty\nDB_PORT=3306\nAWS_URL=http://localhost:9000\n'), []);
  assert.deepEqual(errorsOf('APP_URL=localhost\nDB_PORT=mysql\nSESSION_LIFETIME=two hours\n'), [0, 1, 2]);
});

test('an app on a Node.js server framework gets the node schema; OPENAI_API_KEY alone binds openai', () => {
  const npm = (...names: string[]): DeclaredDependencies => ({ manifest: 'package.json', ecosystem: 'npm', names: new Set(names) });
  assert.ok(detect([], [npm('express')]).some((d) => d.id === 'node' && d.declared));
  assert.ok(detect([], [npm('@nestjs/core', '@nestjs/common')]).some((d) => d.id === 'node' && d.declared));
  assert.ok(!detect([], [npm('react', 'react-dom')]).some((d) => d.id === 'node'));
  assert.deepEqual(detect(['OPENAI_API_KEY', 'PORT']).map((d) => d.id), ['openai']);
});
