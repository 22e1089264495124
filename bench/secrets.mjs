// Secrets without a schema (insecureValue): what checking every value for a credential costs.
// `node bench/secrets.mjs` (needs no build: the service is bundled from the sources here).
//
// A 1,000-line .env of secret-looking names with long random values, analysed as a file git commits
// (every value goes through secretlint's recommended rules) and as the same file git ignores (no value
// is scanned: the analysis envls ran before this check existed, for these keys). Reported as ratios
// in the same run:
// - cold: the first analysis, every line scanned (the rules' cache empty);
// - keystroke: the analysis after one line changed (one line scanned, the rest from the cache).
// Goal: a keystroke costs within 1.5x of the ignored file's analysis. Also printed: the first scanned
// value's analysis, which loads the detectors (in the bundles, dist/secretlint.js is required then).
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordTarget } from './targets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const work = mkdtempSync(join(tmpdir(), 'envls-bench-secrets-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const src = (path) => JSON.stringify(join(repoRoot, path));
const entry = join(work, 'entry.ts');
writeFileSync(entry, [
  `export { parseEnv } from ${src('server/src/service/parser/parse.ts')};`,
  `export { validate } from ${src('server/src/service/validate.ts')};`,
  `export { ProjectModel } from ${src('server/src/service/project/model.ts')};`,
  `export { projectContextFor } from ${src('server/src/service/project/context.ts')};`,
].join('\n'));
const outfile = join(work, 'service.cjs');
await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', nodePaths: [join(repoRoot, 'node_modules')] });

const started = process.hrtime.bigint();
const { parseEnv, validate, ProjectModel, projectContextFor } = require(outfile);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const randomValue = (n) => Array.from({ length: n }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
const lines = Array.from({ length: 1000 }, (_, i) => `SERVICE_${i}_API_KEY=${randomValue(40)}`);
const text = `${lines.join('\n')}\n`;
const model = new ProjectModel([{ path: '.env', text }]);
const committed = projectContextFor(model, '.env', { ignored: false, tracked: false });
const ignored = projectContextFor(model, '.env', { ignored: true, tracked: false });

const analyse = (t, project) => validate({ doc: parseEnv(t), project });
const time = (fn) => {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

// The detectors load on the first scanned value: time that alone.
const firstLoad = time(() => analyse('X_API_KEY=abc\n', committed));
const cold = time(() => analyse(text, committed));
const ignoredTimes = [];
const keystrokeTimes = [];
for (let i = 0; i < 15; i++) {
  const edited = text.replace(`SERVICE_${i}_API_KEY=`, `SERVICE_${i}_API_KEY=${randomValue(1)}`);
  ignoredTimes.push(time(() => analyse(edited, ignored)));
  keystrokeTimes.push(time(() => analyse(edited, committed)));
}
const base = median(ignoredTimes);
const keystroke = median(keystrokeTimes);
console.log('Secrets without a schema: 1,000 secret-looking lines with random values');
console.log(`  service bundle load                 ${loadMs.toFixed(1)} ms`);
console.log(`  first scanned value (loads rules)   ${firstLoad.toFixed(1)} ms`);
console.log(`  ignored .env (nothing scanned)      ${base.toFixed(1)} ms`);
console.log(`  committed .env, cold (all scanned)  ${cold.toFixed(1)} ms  ${(cold / base).toFixed(2)}x`);
console.log(`  committed .env, one line changed    ${keystroke.toFixed(1)} ms  ${(keystroke / base).toFixed(2)}x`);
recordTarget('secret scan per keystroke (1,000 lines)', keystroke / base, 1.5, 'same file, git-ignored (no scan)');
