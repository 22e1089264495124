// Benchmarks, no test framework: `npm run bench` (builds dist/ first), or
// `node bench/run.mjs` on its own.
//
// 1. parseEnv vs dotenv.parse on generated, realistic .env texts of 10,000 and
//    100,000 lines, in the same process and run: warm-up, then the median of
//    several iterations, alternating which parser goes first. Goals: parseEnv
//    at least 3x faster than dotenv.parse on 10,000 lines, and linear growth
//    (100k/10k time close to 10).
// 2. Server start: spawn to `initialize` answered, dist/server.js vs a trivial
//    vscode-languageserver server (built here with esbuild), median of 10 spawns.
//    Skipped when dist/server.js does not exist.
//
// parseEnv is imported through a small esbuild bundle of the TypeScript source
// built into a temporary directory, so this file needs no TypeScript loader.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

function nowMs() {
  return Number(process.hrtime.bigint()) / 1e6;
}

function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map(String));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Mulberry32, as in test/support/randomEnv.ts: the same texts on every run. */
function seededRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- realistic .env text

const WORDS = ['DATABASE', 'URL', 'HOST', 'PORT', 'API', 'KEY', 'SECRET', 'TOKEN', 'REDIS', 'SMTP', 'USER', 'PASSWORD', 'AWS', 'REGION', 'LOG', 'LEVEL', 'FEATURE', 'FLAG', 'TIMEOUT', 'NEXT', 'PUBLIC'];

/**
 * A .env file of `lines` lines, shaped like real ones: mostly plain assignments,
 * quoted values, comments and blank lines, some `export`, inline comments,
 * references and multi-line quoted values (PEM keys, JSON).
 */
function realisticEnv(lines, seed = 42) {
  const random = seededRandom(seed);
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

// ---------------------------------------------------------------- 1. parser throughput

async function loadParseEnv() {
  const outfile = join(work, 'parse.cjs');
  await build({
    entryPoints: [join(repoRoot, 'server/src/service/parser/parse.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
  });
  return require(outfile).parseEnv;
}

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
  const parseEnv = await loadParseEnv();
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

// ---------------------------------------------------------------- 2. server start

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
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    logLevel: 'warning',
    nodePaths: [join(repoRoot, 'node_modules')],
  });
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

// ---------------------------------------------------------------- main

console.log(`envls bench — node ${process.version}, ${process.platform}/${process.arch}`);
const parser = await benchParser();
await benchServerStart();
console.log(
  `\nGoals: speed-up at 10k lines ${parser.speedup10k.toFixed(2)}x (>= 3x: ${parser.speedup10k >= 3 ? 'met' : 'NOT met'}); ` +
    `parseEnv growth 10k->100k ${parser.growth.toFixed(2)} (linear ~10: ${parser.growth <= 12 ? 'met' : 'NOT met'}), ` +
    `${parser.relativeGrowth.toFixed(2)}x dotenv.parse's own growth (<= 1.2: ${parser.relativeGrowth <= 1.2 ? 'met' : 'NOT met'})`,
);
