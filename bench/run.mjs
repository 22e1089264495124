// Benchmarks, no test framework: `npm run bench` (builds dist/ first), or
// `node bench/run.mjs` on its own.
//
// 1. parseEnv vs dotenv.parse on generated, realistic .env texts of 10,000 and
//    100,000 lines, in the same process and run: warm-up, then the median of
//    several iterations, alternating which parser goes first. Goals: parseEnv
//    at least 3x faster than dotenv.parse on 10,000 lines, and linear growth
//    (100k/10k time close to 10).
// 2. Full analysis on the same 10,000-line text: parseEnv + validate() with a
//    bound 60-variable schema (test/support/testSchema.ts's makeSchema; 40 of its
//    names are keys of the text, the rest required-but-missing or near-misses),
//    as a ratio to dotenv.parse in the same run. Goal: well under 3x
//    dotenv.parse. Also parse + reading every entry's key, value and
//    references (what the lazy model defers), the style rules (off by default)
//    separately, and the time of each rule's check.
// 3. Server start: spawn to `initialize` answered, dist/server.js vs a trivial
//    vscode-languageserver server (built here with esbuild), median of 10 spawns.
//    Skipped when dist/server.js does not exist.
// 4. CLI over many files (section `cli`): `envls check DIR` (dist/cli.js, or the script in
//    ENVLS_BENCH_CLI, e.g. an older build) over 2,000 generated .env files in 40 folders vs a
//    node process that walks the same folders, reads every file and runs dotenv.parse.
//    Median of 5 spawns each, alternating; CPU time (the goal's ratio) and wall time. Goal: within 2x.
//
// `node bench/run.mjs parser analysis` runs only the named sections (parser, cli,
// analysis, server); no names runs all three.
//
// parseEnv and validate are imported through small esbuild bundles of the
// TypeScript sources built into a temporary directory, so this file needs no
// TypeScript loader.
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordTarget } from './targets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const dotenv = require('dotenv');

const work = mkdtempSync(join(tmpdir(), 'envls-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// ---------------------------------------------------------------- helpers

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Bytes allocated on the JS heap while `fn` runs (heap growth plus what each GC in between freed). */
function allocatedBytes(fn) {
  const profiler = new v8.GCProfiler();
  profiler.start();
  const before = v8.getHeapStatistics().used_heap_size;
  fn();
  const after = v8.getHeapStatistics().used_heap_size;
  let freed = 0;
  for (const gc of profiler.stop().statistics) freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
  return after - before + freed;
}

function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

// ---------------------------------------------------------------- realistic .env text

const WORDS = ['DATABASE', 'URL', 'HOST', 'PORT', 'API', 'KEY', 'SECRET', 'TOKEN', 'REDIS', 'SMTP', 'USER', 'PASSWORD', 'AWS', 'REGION', 'LOG', 'LEVEL', 'FEATURE', 'FLAG', 'TIMEOUT', 'NEXT', 'PUBLIC'];

/**
 * A .env file of `lines` lines, shaped like real ones: mostly plain assignments,
 * quoted values, comments and blank lines, some `export`, inline comments,
 * references and multi-line quoted values (PEM keys, JSON).
 */
function realisticEnv(lines, seed = 42) {
  const random = service.seededRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const keys = [];
  const newKey = () => {
    const key = `${pick(WORDS)}_${pick(WORDS)}_${keys.length}`;
    keys.push(key);
    return key;
  };
  const token = (n) => Array.from({ length: n }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 36)]).join('');
  const out = [];
  while (out.length < lines) {
    const r = random();
    if (r < 0.08) out.push(`# ${pick(WORDS).toLowerCase()} settings for ${token(6)}`);
    else if (r < 0.13) out.push('');
    else if (r < 0.45) out.push(`${newKey()}=${token(8 + Math.floor(random() * 24))}`);
    else if (r < 0.6) out.push(`${newKey()}="${token(6)} ${token(10)}"`);
    else if (r < 0.68) out.push(`${newKey()}='${token(20)}'`);
    else if (r < 0.74) out.push(`export ${newKey()}=${token(12)}`);
    else if (r < 0.82) out.push(`${newKey()}=${token(10)} # ${token(8)}`);
    else if (r < 0.9 && keys.length > 1) out.push(`${newKey()}=https://\${${pick(keys)}}:$${pick(keys)}/${token(6)}`);
    else if (r < 0.94) out.push(`${newKey()}=${1000 + Math.floor(random() * 9000)}`);
    else if (r < 0.97) {
      out.push(`${newKey()}="-----BEGIN PUBLIC KEY-----`);
      for (let i = 0; i < 4; i++) out.push(token(64));
      out.push('-----END PUBLIC KEY-----"');
    } else out.push(`${newKey()}='{"${token(4)}": "${token(8)}",`, `  "${token(4)}": [1, 2, 3]}'`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** Bundles a TypeScript entry (and what it imports from the repo and node_modules) to a CommonJS file. */
function bundle(entry, outfile) {
  return build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', nodePaths: [join(repoRoot, 'node_modules')] });
}

/**
 * The service code the bench measures, and the seeded generator the tests use, bundled once from the
 * TypeScript sources into a temporary CommonJS file (so this file needs no TypeScript loader).
 */
async function loadService() {
  const entry = join(work, 'service-entry.ts');
  const outfile = join(work, 'service.cjs');
  const src = (path) => JSON.stringify(join(repoRoot, path));
  writeFileSync(entry, [
    `export { parseEnv } from ${src('server/src/service/parser/parse.ts')};`,
    `export { validate } from ${src('server/src/service/validate.ts')};`,
    `export { ALL_RULES } from ${src('server/src/service/rules/registry.ts')};`,
    `export { schemaSetFor } from ${src('server/src/service/schema/schemaSet.ts')};`,
    `export { buildDocumentIndex } from ${src('server/src/service/rules/entryIndex.ts')};`,
    `export { makeSchema } from ${src('test/support/testSchema.ts')};`,
    `export { seededRandom } from ${src('test/support/randomEnv.ts')};`,
  ].join('\n'));
  await bundle(entry, outfile);
  return require(outfile);
}

/** Set in main, below, before any section runs. */
let service;

// ---------------------------------------------------------------- 1. parser throughput

function timeOnce(fn, text) {
  const start = nowMs();
  fn(text);
  return nowMs() - start;
}

function sameValues(parseEnv, text) {
  const ours = {};
  for (const entry of parseEnv(text).entries) ours[entry.key] = entry.value;
  return JSON.stringify(Object.entries(ours)) === JSON.stringify(Object.entries(dotenv.parse(text)));
}

async function benchParser() {
  const { parseEnv } = service;
  const sizes = [
    { lines: 10_000, warmup: 10, iterations: 31 },
    { lines: 100_000, warmup: 3, iterations: 11 },
  ];
  const results = [];
  for (const { lines, warmup, iterations } of sizes) {
    const text = realisticEnv(lines);
    if (!sameValues(parseEnv, text)) throw new Error(`parseEnv and dotenv.parse disagree on the ${lines}-line bench text`);
    const bytes = Buffer.byteLength(text);
    const contenders = { parseEnv, 'dotenv.parse': (t) => dotenv.parse(t) };
    for (let i = 0; i < warmup; i++) for (const fn of Object.values(contenders)) fn(text);
    const times = { parseEnv: [], 'dotenv.parse': [] };
    for (let i = 0; i < iterations; i++) {
      // Alternate the order so neither always runs on a freshly collected heap.
      const order = i % 2 ? ['dotenv.parse', 'parseEnv'] : ['parseEnv', 'dotenv.parse'];
      for (const name of order) times[name].push(timeOnce(contenders[name], text));
    }
    for (const name of Object.keys(contenders)) {
      const ms = median(times[name]);
      results.push({ name, lines, bytes, ms });
    }
  }

  const rows = results.map(({ name, lines, bytes, ms }) => [
    name,
    lines.toLocaleString('en-US'),
    (bytes / 1e6).toFixed(2),
    ms.toFixed(2),
    (bytes / 1e6 / (ms / 1000)).toFixed(1),
    Math.round(lines / (ms / 1000)).toLocaleString('en-US'),
  ]);
  console.log('\nParser throughput (median)');
  console.log(table(['parser', 'lines', 'MB', 'ms', 'MB/s', 'lines/s'], rows));

  const ms = (name, lines) => results.find((r) => r.name === name && r.lines === lines).ms;
  const summary = [10_000, 100_000].map((lines) => [
    lines.toLocaleString('en-US'),
    `${(ms('dotenv.parse', lines) / ms('parseEnv', lines)).toFixed(2)}x`,
  ]);
  console.log('\nparseEnv speed-up over dotenv.parse (goal: >= 3x at 10,000 lines)');
  console.log(table(['lines', 'speed-up'], summary));
  const growthOf = (name) => ms(name, 100_000) / ms(name, 10_000);
  const growth = ['parseEnv', 'dotenv.parse'].map((name) => [name, growthOf(name).toFixed(2), (growthOf(name) / growthOf('dotenv.parse')).toFixed(2)]);
  // dotenv's global regex is linear, yet it grows past 10 too: 100k lines no longer fit the
  // caches and the young generation. Relative to it, the growth shows what the algorithm adds.
  console.log('\nGrowth 10k -> 100k lines (time ratio; linear = 10)');
  console.log(table(['parser', 'growth', 'vs dotenv.parse'], growth));
  return {
    speedup10k: ms('dotenv.parse', 10_000) / ms('parseEnv', 10_000),
    growth: growthOf('parseEnv'),
    relativeGrowth: growthOf('parseEnv') / growthOf('dotenv.parse'),
  };
}


// ---------------------------------------------------------------- 2. full analysis

/**
 * 60 variables: 40 keys of the text (every 40th key or so, typed after their
 * values: ports for numbers, secrets with a minimum length, enums that the value
 * breaks, urls, plain strings), 10 required names the text lacks, and 10 names
 * one edit away from keys of the text (near-miss suggestions).
 */
function benchSchema(makeSchema, values) {
  const keys = Object.keys(values);
  const step = Math.max(1, Math.floor(keys.length / 40));
  const variables = [];
  for (let i = 0; i < 40; i++) {
    const name = keys[(i * step) % keys.length];
    const value = values[name];
    if (/^\d+$/.test(value)) variables.push({ name, type: 'port' });
    else if (value.includes('://')) variables.push({ name, type: 'url', schemes: ['https'] });
    else if (i % 4 === 0) variables.push({ name, type: 'secret', sensitive: true, constraints: { minLength: 24 } });
    else if (i % 4 === 1) variables.push({ name, type: 'enum', values: ['debug', 'info', 'warn', 'error'] });
    else if (i % 4 === 2) variables.push({ name, type: 'string', required: { kind: 'always' } });
    else variables.push({ name, type: 'string', constraints: { pattern: '^[a-z0-9 ]+$' } });
  }
  for (let i = 0; i < 10; i++) variables.push({ name: `BENCH_REQUIRED_${i}`, type: 'string', required: { kind: 'always' } });
  for (let i = 0; i < 10; i++) {
    const key = keys[(i * 97 + 13) % keys.length];
    variables.push({ name: `${key.slice(0, -1)}X${key.slice(-1)}`, type: 'string' });
  }
  return makeSchema('bench/api', variables);
}

async function benchAnalysis() {
  const { parseEnv, validate, ALL_RULES, schemaSetFor, buildDocumentIndex, makeSchema } = service;
  const lines = 10_000;
  const text = realisticEnv(lines);
  const schema = benchSchema(makeSchema, dotenv.parse(text));
  const schemas = [schema];
  const touch = (t) => {
    let sum = 0;
    for (const e of parseEnv(t).entries) sum += e.key.length + e.value.length + e.references.length;
    return sum;
  };
  let diagnosticCount = 0;
  let styleCount = 0;
  const contenders = {
    'dotenv.parse': (t) => dotenv.parse(t),
    parseEnv: (t) => parseEnv(t),
    'parseEnv + read key, value, references': touch,
    'parseEnv + validate (full analysis)': (t) => (diagnosticCount = validate({ doc: parseEnv(t), schemas, settings: {} }).length),
    'parseEnv + validate, style rules on': (t) => (styleCount = validate({ doc: parseEnv(t), schemas, settings: { styleRules: true } }).length),
  };
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < 5; i++) for (const name of names) contenders[name](text);
  const iterations = 31;
  for (let i = 0; i < iterations; i++) {
    // Rotate the order so that no contender always runs on a freshly collected heap.
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      times[name].push(timeOnce(contenders[name], text));
    }
  }
  const base = median(times['dotenv.parse']);
  const rows = names.map((name) => [name, median(times[name]).toFixed(2), `${(median(times[name]) / base).toFixed(2)}x`]);
  console.log(`\nFull analysis, ${lines.toLocaleString('en-US')} lines, schema of ${schema.variables.length} variables (median of ${iterations}; ${diagnosticCount} diagnostics, ${styleCount} with style rules)`);
  console.log(table(['what', 'ms', 'vs dotenv.parse'], rows));

  // Allocation of one analysis (one keystroke's work), as a multiple of the text's length: what the heap
  // grew by plus what every garbage collection during the call freed (v8.GCProfiler sees each one).
  const allocRows = ['dotenv.parse', 'parseEnv + validate (full analysis)', 'parseEnv + validate, style rules on'].map((name) => {
    const bytes = median(Array.from({ length: 5 }, () => allocatedBytes(() => contenders[name](text))));
    return [name, (bytes / 1e6).toFixed(1), `${(bytes / text.length).toFixed(1)}x`];
  });
  console.log(`\nAllocation per analysis (median of 5; text ${(text.length / 1e6).toFixed(2)} M characters)`);
  console.log(table(['what', 'MB', 'vs text length'], allocRows));

  // Each rule's check alone, on a fresh document each time (the shared index is built before the rules, as validate() does).
  // Project and code rules need the file's project (validate() skips them without one): not measured here.
  const fileRules = ALL_RULES.filter((rule) => rule.group !== 'project' && rule.group !== 'code');
  const ruleTimes = new Map(fileRules.map((rule) => [rule.code, []]));
  const schemaSet = schemaSetFor(schemas);
  for (let i = 0; i < 11; i++) {
    const doc = parseEnv(text);
    // validate() builds this once per analysis and every rule shares it.
    const index = buildDocumentIndex(doc, schemaSet);
    for (const rule of fileRules) {
      let findings = 0;
      const ctx = { doc, index, schemas, schemaSet, certainty: 'explicit', anchor: undefined, unknownSchemaIds: [], reportAllUnknown: false, report: () => findings++ };
      const start = nowMs();
      rule.check(ctx);
      ruleTimes.get(rule.code).push(nowMs() - start);
    }
  }
  const ruleRows = fileRules.map((rule) => [rule.code, rule.group, median(ruleTimes.get(rule.code)).toFixed(3)])
    .sort((a, b) => Number(b[2]) - Number(a[2]));
  console.log('\nRules: check() alone (median ms; style rules are off unless envls.styleRules)');
  console.log(table(['rule', 'group', 'ms'], ruleRows));
  return { ratio: median(times['parseEnv + validate (full analysis)']) / base };
}

// ---------------------------------------------------------------- 3. server start

const TRIVIAL_SERVER = `
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
const connection = createConnection(ProposedFeatures.all);
connection.onInitialize(() => ({ capabilities: {} }));
connection.listen();
`;

async function buildTrivialServer() {
  const source = join(work, 'trivial-server.ts');
  const outfile = join(work, 'trivial-server.js');
  writeFileSync(source, TRIVIAL_SERVER);
  await bundle(source, outfile);
  return outfile;
}

function frame(message) {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

/** Spawn `node <script> --stdio`, send initialize, resolve with ms until the answer arrives. */
function initializeRoundTrip(script) {
  return new Promise((resolvePromise, reject) => {
    const start = nowMs();
    const child = spawn(process.execPath, [script, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let buffer = Buffer.alloc(0);
    let stderr = '';
    let done = false;
    const finish = (error, ms) => {
      if (done) return;
      done = true;
      child.kill();
      if (error) reject(error);
      else resolvePromise(ms);
    };
    child.on('error', (error) => finish(error));
    child.on('exit', (code) => finish(new Error(`${script} exited (${code}) before answering initialize: ${stderr.slice(0, 500)}`)));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd === -1) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.id === 1) return finish(undefined, nowMs() - start);
      }
    });
    child.stdin.write(frame({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null },
    }));
  });
}

async function benchServerStart() {
  const server = join(repoRoot, 'dist', 'server.js');
  if (!existsSync(server)) {
    console.log('\nServer start: skipped, dist/server.js is missing (run `npm run bench`, which builds first).');
    return;
  }
  const trivial = await buildTrivialServer();
  const spawns = 10;
  const times = { 'dist/server.js': [], 'trivial vscode-languageserver': [] };
  await initializeRoundTrip(trivial); // first spawn warms the file cache
  await initializeRoundTrip(server);
  for (let i = 0; i < spawns; i++) {
    times['dist/server.js'].push(await initializeRoundTrip(server));
    times['trivial vscode-languageserver'].push(await initializeRoundTrip(trivial));
  }
  const base = median(times['trivial vscode-languageserver']);
  const rows = Object.entries(times).map(([name, values]) => [
    name,
    median(values).toFixed(1),
    Math.min(...values).toFixed(1),
    Math.max(...values).toFixed(1),
    `${(median(values) / base).toFixed(2)}x`,
  ]);
  console.log(`\nServer start: spawn to initialize answered (${spawns} spawns each)`);
  console.log(table(['server', 'median ms', 'min', 'max', 'vs trivial'], rows));
}

// ---------------------------------------------------------------- 4. CLI over many files

async function benchCli() {
  const cli = process.env.ENVLS_BENCH_CLI ? resolve(process.env.ENVLS_BENCH_CLI) : join(repoRoot, 'dist', 'cli.js');
  if (!existsSync(cli)) {
    console.log(`\nCLI: skipped, ${cli} is missing (run \`npm run bench\`, which builds first).`);
    return undefined;
  }
  const root = join(work, 'cli-files');
  const files = 2000;
  for (let i = 0; i < files; i++) {
    const dir = join(root, `service-${i % 40}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${i}.env`), realisticEnv(40, i + 1));
  }
  const reference = join(work, 'read-and-parse.cjs');
  writeFileSync(reference, [
    `const dotenv = require(${JSON.stringify(require.resolve('dotenv'))});`,
    "const { readdirSync, readFileSync } = require('node:fs');",
    "const { join } = require('node:path');",
    'let keys = 0;',
    'const walk = (dir) => { for (const e of readdirSync(dir, { withFileTypes: true })) {',
    '  const path = join(dir, e.name);',
    "  if (e.isDirectory()) walk(path); else if (e.name.endsWith('.env')) keys += Object.keys(dotenv.parse(readFileSync(path, 'utf8'))).length;",
    '} };',
    'walk(process.argv[2]);',
    'process.stdout.write(`${keys} keys\\n`);',
  ].join('\n'));
  // CPU time (user + system, reported by the child itself at exit) as well as wall time: this
  // machine is often shared, and a spawn's wall time then measures the scheduler more than the work.
  const cpuProbe = join(work, 'cpu-at-exit.cjs');
  writeFileSync(cpuProbe, "process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeSync(2, `\\nCPU_US ${u.user + u.system}\\n`); });\n");
  const timeSpawn = (args) => {
    const start = nowMs();
    const run = spawnSync(process.execPath, ['--require', cpuProbe, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const wall = nowMs() - start;
    if (run.status !== 0 && run.status !== 1) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr.slice(0, 500)}`);
    return { wall, cpu: Number(/CPU_US (\d+)/.exec(run.stderr)[1]) / 1000 };
  };
  const commands = { 'envls check DIR': [cli, 'check', root], 'read + dotenv.parse (node)': [reference, root] };
  for (const args of Object.values(commands)) timeSpawn(args); // warm the file cache
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, { wall: [], cpu: [] }]));
  for (let i = 0; i < 5; i++) {
    const order = i % 2 ? Object.entries(commands).reverse() : Object.entries(commands);
    for (const [name, args] of order) {
      const { wall, cpu } = timeSpawn(args);
      times[name].wall.push(wall);
      times[name].cpu.push(cpu);
    }
  }
  const baseName = 'read + dotenv.parse (node)';
  console.log(`\nCLI: ${files} generated .env files (40 lines each) in 40 folders, ${cli.startsWith(repoRoot) ? cli.slice(repoRoot.length + 1) : cli}`);
  console.log(table(['command', 'CPU ms (median)', 'vs read+parse', 'wall ms (median)', 'vs read+parse'], Object.entries(times).map(([name, t]) => [
    name,
    median(t.cpu).toFixed(0),
    `${(median(t.cpu) / median(times[baseName].cpu)).toFixed(2)}x`,
    median(t.wall).toFixed(0),
    `${(median(t.wall) / median(times[baseName].wall)).toFixed(2)}x`,
  ])));
  return { ratio: median(times['envls check DIR'].cpu) / median(times[baseName].cpu), oneFile: benchCliOneFile(cli, timeSpawn) };
}

/** `envls check` on one small file vs `node -e 0`: what a pre-commit hook pays per run (startup, builtin schemas). */
function benchCliOneFile(cli, timeSpawn) {
  const file = join(work, 'one', '.env');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, realisticEnv(10, 1));
  const commands = { 'envls check FILE': [cli, 'check', file], 'node -e 0': ['-e', '0'] };
  for (const args of Object.values(commands)) timeSpawn(args);
  const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < 10; i++) {
    const order = i % 2 ? Object.entries(commands).reverse() : Object.entries(commands);
    for (const [name, args] of order) times[name].push(timeSpawn(args).wall);
  }
  const base = median(times['node -e 0']);
  console.log(`\nCLI on one small file (10 lines), wall time, median of 10 spawns each`);
  console.log(table(['command', 'wall ms (median)', 'vs node -e 0'], Object.entries(times).map(([name, t]) => [name, median(t).toFixed(1), `${(median(t) / base).toFixed(2)}x`])));
  return median(times['envls check FILE']) / base;
}

// ---------------------------------------------------------------- main

const sections = process.argv.slice(2);
const wanted = (name) => sections.length === 0 || sections.includes(name);
console.log(`envls bench — node ${process.version}, ${process.platform}/${process.arch}`);
service = await loadService();
const parser = wanted('parser') ? await benchParser() : undefined;
const analysis = wanted('analysis') ? await benchAnalysis() : undefined;
if (wanted('server')) await benchServerStart();
const cliRun = wanted('cli') ? await benchCli() : undefined;
const goals = [];
if (parser) {
  goals.push(
    `speed-up at 10k lines ${parser.speedup10k.toFixed(2)}x (>= 3x: ${parser.speedup10k >= 3 ? 'met' : 'NOT met'})`,
    `parseEnv growth 10k->100k ${parser.growth.toFixed(2)} (linear ~10: ${parser.growth <= 12 ? 'met' : 'NOT met'}), ` +
      `${parser.relativeGrowth.toFixed(2)}x dotenv.parse's own growth (<= 1.2: ${parser.relativeGrowth <= 1.2 ? 'met' : 'NOT met'})`,
  );
}
if (analysis) goals.push(`full analysis ${analysis.ratio.toFixed(2)}x dotenv.parse (< 3x: ${analysis.ratio < 3 ? 'met' : 'NOT met'})`);
if (cliRun) goals.push(`envls check over 2,000 files ${cliRun.ratio.toFixed(2)}x read + dotenv.parse in CPU time (<= 2x: ${cliRun.ratio <= 2 ? 'met' : 'NOT met'})`);
if (cliRun) goals.push(`envls check on one file ${cliRun.oneFile.toFixed(2)}x node -e 0 (<= 2x: ${cliRun.oneFile <= 2 ? 'met' : 'NOT met'})`);
console.log(`\nGoals: ${goals.join('; ')}`);
if (parser) recordTarget('100,000-line file linear: parse growth 10k → 100k', parser.relativeGrowth, 1.2, "dotenv.parse's own growth");
if (analysis) recordTarget('full analysis, 10,000 lines', analysis.ratio, 3, 'dotenv.parse');
if (cliRun) recordTarget('envls check, 2,000 files (CPU)', cliRun.ratio, 2, 'read + dotenv.parse (node)');
if (cliRun) recordTarget('envls check, one small file (wall)', cliRun.oneFile, 2, 'node -e 0');
