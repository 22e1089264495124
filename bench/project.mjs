// The project model's cost, as ratios to the single-file analysis measured in the same run:
// `node bench/project.mjs` (part of `npm run bench`).
//
// Reference: parseEnv + validate of one 40-line .env file, no schema (what envls does for one file today).
// 1. Pure model build for a generated monorepo of 1,000 apps and 5,000 env files held in memory:
//    structure only (apps, conventions, load orders; env files not read), and structure plus every
//    mode's merged values (every env file parsed).
// 2. The node scan of the same tree written to a temporary folder (ProjectWorkspace.scan), then the structure.
// 3. Per keystroke with ten layers: one of ten files loaded together changes (setFile), then the
//    effective values of its mode and what one of its keys overrides are asked again.
//
// Like bench/run.mjs, the TypeScript sources are bundled with esbuild into a temporary CommonJS
// file first, so this file needs no TypeScript loader.
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const work = mkdtempSync(join(tmpdir(), 'envls-bench-project-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
/** Median ms of `fn` over `iterations` runs after `warmup` runs; fast functions are timed in batches of `batch`. */
function measure(fn, { warmup = 3, iterations = 11, batch = 1 } = {}) {
  for (let i = 0; i < warmup; i++) for (let b = 0; b < batch; b++) fn();
  const times = [];
  for (let i = 0; i < iterations; i++) {
    const start = nowMs();
    for (let b = 0; b < batch; b++) fn();
    times.push((nowMs() - start) / batch);
  }
  return median(times);
}

async function loadService() {
  const entry = join(work, 'entry.ts');
  const outfile = join(work, 'service.cjs');
  const src = (path) => JSON.stringify(join(repoRoot, path));
  writeFileSync(entry, [
    `export { parseEnv } from ${src('server/src/service/parser/parse.ts')};`,
    `export { validate } from ${src('server/src/service/validate.ts')};`,
    `export { ProjectModel } from ${src('server/src/service/project/model.ts')};`,
    `export { ProjectWorkspace } from ${src('server/src/node/projectScan.ts')};`,
    `export { seededRandom } from ${src('test/support/randomEnv.ts')};`,
  ].join('\n'));
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', nodePaths: [join(repoRoot, 'node_modules')] });
  return require(outfile);
}

const service = await loadService();
const random = service.seededRandom(11);
const token = (n) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
const WORDS = ['DATABASE', 'URL', 'HOST', 'PORT', 'API', 'KEY', 'SECRET', 'TOKEN', 'REDIS', 'SMTP', 'LOG', 'LEVEL', 'FEATURE', 'FLAG'];

/** A 40-line .env text: comments, blank lines, plain and quoted assignments, references. */
function envText(lines = 40, keyCount = 30) {
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const key = `${WORDS[i % WORDS.length]}_${WORDS[(i * 7) % WORDS.length]}_${i % keyCount}`;
    const r = random();
    if (r < 0.1) out.push(`# ${token(12)}`);
    else if (r < 0.15) out.push('');
    else if (r < 0.7) out.push(`${key}=${token(16)}`);
    else if (r < 0.9) out.push(`${key}="${token(8)} ${token(8)}"`);
    else out.push(`${key}=https://\${HOST_${i}}/${token(4)}`);
  }
  return out.join('\n') + '\n';
}

// ---------------------------------------------------------------- reference: one file's analysis

const oneFile = envText();
const single = measure(() => service.validate({ doc: service.parseEnv(oneFile), schemas: [], settings: {} }), { warmup: 200, iterations: 31, batch: 200 });

// ---------------------------------------------------------------- 1. the model over a generated monorepo

const APPS = 1000;
const FRAMEWORKS = [{ next: '15.0.0' }, { vite: '6.0.0' }, { dotenv: '17.0.0' }, { '@sveltejs/kit': '2.0.0' }];
const ENV_NAMES = ['.env', '.env.local', '.env.development', '.env.production', '.env.example'];
const monorepo = [{ path: 'package.json', text: '{"private":true}' }];
for (let i = 0; i < APPS; i++) {
  const folder = `packages/group-${i % 20}/app-${i}`;
  monorepo.push({ path: `${folder}/package.json`, text: JSON.stringify({ name: `app-${i}`, dependencies: FRAMEWORKS[i % FRAMEWORKS.length] }) });
  for (const name of ENV_NAMES) monorepo.push({ path: `${folder}/${name}`, text: envText(20, 15) });
}
const envCount = monorepo.filter((f) => f.path.includes('.env')).length;

const buildStructure = () => {
  const model = new service.ProjectModel(monorepo);
  return model.allApps().length;
};
const buildAndMerge = () => {
  const model = new service.ProjectModel(monorepo);
  let keys = 0;
  for (const app of model.allApps()) for (const mode of app.orders.keys()) keys += model.effectiveValues(app.folder, mode).size;
  return keys;
};
const structureMs = measure(buildStructure, { warmup: 2, iterations: 9 });
const mergedMs = measure(buildAndMerge, { warmup: 2, iterations: 9 });

// ---------------------------------------------------------------- 2. the node scan of the same tree

const root = join(work, 'monorepo');
for (const file of monorepo) {
  mkdirSync(dirname(join(root, file.path)), { recursive: true });
  writeFileSync(join(root, file.path), file.text);
}
const scanMs = measure(() => service.ProjectWorkspace.scan(root, { respectGitignore: false }).model.allApps().length, { warmup: 1, iterations: 7 });

// ---------------------------------------------------------------- 3. per keystroke, ten layers

const layers = Array.from({ length: 10 }, (_, i) => `.env.layer${i}`);
const layered = new service.ProjectModel(
  [{ path: 'package.json', text: '{}' }, ...layers.map((path) => ({ path, text: envText() }))],
  { loadOrder: { '.': layers } },
);
const edited = layers[4];
const editedKey = service.parseEnv(layered.document(edited).text).entries[0].key;
let version = 0;
const keystroke = () => {
  const text = `${envText()}EDIT=${version++}\n`;
  layered.setFile({ path: edited, text });
  const values = layered.effectiveValues('', 'default');
  const overrides = layered.overridesOf(edited, editedKey);
  return values.size + overrides.length;
};
layered.effectiveValues('', 'default');
const keystrokeMs = measure(keystroke, { warmup: 50, iterations: 31, batch: 20 });
// What a keystroke costs today: the edited file's own analysis (text generation included in both).
const singleWithText = measure(() => service.validate({ doc: service.parseEnv(`${envText()}EDIT=${version++}\n`), schemas: [], settings: {} }), { warmup: 50, iterations: 31, batch: 20 });

const ratio = (ms, base) => `${(ms / base).toFixed(1)}x`;
console.log(`envls project bench — node ${process.version}, ${process.platform}/${process.arch}`);
console.log(`\nReference: parseEnv + validate of one 40-line file: ${(single * 1000).toFixed(1)} µs`);
console.log(`\nMonorepo: ${APPS.toLocaleString('en-US')} apps, ${envCount.toLocaleString('en-US')} env files (median)`);
console.log(table(['what', 'ms', 'per env file µs', 'vs one file\'s analysis'], [
  ['model build, structure (pure)', structureMs.toFixed(1), ((structureMs / envCount) * 1000).toFixed(1), ratio(structureMs, single)],
  ['model build + every mode merged (pure)', mergedMs.toFixed(1), ((mergedMs / envCount) * 1000).toFixed(1), ratio(mergedMs, single)],
  ['node scan + structure (temp dir)', scanMs.toFixed(1), ((scanMs / envCount) * 1000).toFixed(1), ratio(scanMs, single)],
]));
console.log('\nPer keystroke, ten layers loaded together (median)');
console.log(table(['what', 'µs', 'vs the file\'s own analysis'], [
  ['the edited file\'s own analysis (today)', (singleWithText * 1000).toFixed(1), '1.0x'],
  ['setFile + merged values + overrides of one key', (keystrokeMs * 1000).toFixed(1), ratio(keystrokeMs, singleWithText)],
]));
console.log(`\nSummary: building the model for ${envCount.toLocaleString('en-US')} env files costs ${(structureMs / single).toFixed(0)} single-file analyses ` +
  `(${(mergedMs / single).toFixed(0)} with every mode merged, ${(scanMs / single).toFixed(0)} from disk); a keystroke with ten layers costs ${(keystrokeMs / singleWithText).toFixed(2)}x the file's own analysis.`);
