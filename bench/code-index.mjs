// The code index's build time against ripgrep searching the same read patterns on the same tree:
// `node bench/code-index.mjs` (part of `npm run bench`; needs `npm run build` and rg, from Debian's
// ripgrep package, which scripts/install-e2e.sh installs).
//
// A 10,000-file repository is generated in a temporary folder (a git repository with a .gitignore,
// which both rg and envls honour): TypeScript, JavaScript, Python, Go, Ruby, PHP, Rust, shell,
// Dockerfiles and compose files of realistic sizes (about 4 KB on average), a few percent of which are
// configuration modules that read the environment, and more that mention `env` in comments and
// strings. envls is timed through the public API's `usage()` (dist/api.js): a full scan and index
// build plus one query. The first build in the process includes loading tree-sitter and the grammars
// (a server's first scan); later builds reuse them. rg runs with a regular expression alternation of
// the read forms, its output discarded.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordTarget } from './targets.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repoRoot, 'package.json'));
const api = require(join(repoRoot, 'dist/api.js'));
const work = mkdtempSync(join(tmpdir(), 'envls-bench-code-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const RG = process.env.ENVLS_BENCH_RG ?? 'rg';
if (spawnSync(RG, ['--version']).status !== 0) {
  console.log('code index bench: ripgrep (rg) is not installed; skipped (apt-get install ripgrep)');
  process.exit(0);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// ---------------------------------------------------------------- the generated repository

let seed = 12;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (list) => list[Math.floor(random() * list.length)];
const WORDS = ['user', 'order', 'item', 'cart', 'price', 'total', 'count', 'name', 'value', 'result', 'config', 'client', 'request', 'response', 'handler', 'service', 'cache', 'session', 'token', 'record'];
const VARS = ['DATABASE_URL', 'REDIS_URL', 'PORT', 'HOST', 'API_KEY', 'LOG_LEVEL', 'SMTP_HOST', 'SENTRY_DSN', 'NODE_ENV', 'FEATURE_FLAG', 'S3_BUCKET', 'JWT_SECRET'];
const ident = () => `${pick(WORDS)}${pick(WORDS).replace(/^./, (c) => c.toUpperCase())}${Math.floor(random() * 100)}`;
const sentence = () => Array.from({ length: 6 + Math.floor(random() * 8) }, () => pick(WORDS)).join(' ');

/** Lines of a language's ordinary code; `noise` mentions env in comments and strings (not reads). */
const BODY = {
  ts: () => [`// ${sentence()}`, `export function ${ident()}(${ident()}: number, ${ident()}: string): string {`, `  const ${ident()} = [${ident().length}, ${ident().length}].map((x) => x * 2);`, `  if (${ident()}.length > 3) return \`${sentence()} \${${ident()}}\`;`, `  return '${sentence()}';`, '}', ''],
  js: () => [`/* ${sentence()} */`, `function ${ident()}(${ident()}) {`, `  const ${ident()} = { ${ident()}: ${Math.floor(random() * 1000)}, label: '${sentence()}' };`, `  return ${ident()}.filter(Boolean).length;`, '}', ''],
  py: () => [`def ${ident()}(${ident()}, ${ident()}=None):`, `    """${sentence()}"""`, `    ${ident()} = [x * 2 for x in range(${Math.floor(random() * 50)})]`, `    return "${sentence()}"`, ''],
  go: () => [`// ${ident()} ${sentence()}`, `func ${ident()}(${ident()} int) string {`, `\t${ident()} := fmt.Sprintf("%d ${sentence()}", ${ident()})`, `\treturn ${ident()}`, '}', ''],
  rb: () => [`  # ${sentence()}`, `  def ${ident()}(${ident()})`, `    ${ident()} = [1, 2, 3].map { |x| x * 2 }`, `    "${sentence()}"`, '  end', ''],
  php: () => [`    // ${sentence()}`, `    public function ${ident()}($${ident()}) {`, `        $${ident()} = array_map(fn($x) => $x * 2, [1, 2, 3]);`, `        return '${sentence()}';`, '    }', ''],
  rs: () => [`/// ${sentence()}`, `pub fn ${ident()}(${ident()}: u32) -> String {`, `    let ${ident()} = vec![1, 2, 3].iter().map(|x| x * 2).count();`, `    format!("${sentence()} {}", ${ident()})`, '}', ''],
  sh: () => [`# ${sentence()}`, `${ident()}() {`, `  local ${ident()}="$1"`, `  echo "${sentence()} $${ident()}"`, '}', ''],
};
const NOISE = {
  ts: () => [`// read process.env.${pick(VARS)} in config, not here`, `const ${ident()} = 'the env of ${pick(WORDS)}';`],
  js: () => [`// process.env.${pick(VARS)} is documented elsewhere`],
  py: () => [`# os.getenv("${pick(VARS)}") is read in settings.py`, `${ident()} = "environ is ${pick(WORDS)}"`],
  go: () => [`// os.Getenv("${pick(VARS)}") lives in config.go`],
  rb: () => [`  # ENV['${pick(VARS)}'] comes from config`],
  php: () => [`    // env('${pick(VARS)}') is read in config/app.php`],
  rs: () => [`// env::var("${pick(VARS)}") is read in config.rs`],
  sh: () => [],
};
const READS = {
  ts: () => [`export const ${ident()} = process.env.${pick(VARS)} ?? '${pick(WORDS)}';`, `const { ${pick(VARS)} } = process.env;`],
  js: () => [`module.exports.${ident()} = process.env.${pick(VARS)} || '${pick(WORDS)}';`],
  py: () => [`${ident().toUpperCase()} = os.environ.get("${pick(VARS)}", "${pick(WORDS)}")`, `${ident().toUpperCase()} = os.getenv("${pick(VARS)}")`],
  go: () => [`var ${ident()} = os.Getenv("${pick(VARS)}")`],
  rb: () => [`  ${ident()} = ENV.fetch('${pick(VARS)}', '${pick(WORDS)}')`],
  php: () => [`        $${ident()} = env('${pick(VARS)}', '${pick(WORDS)}');`],
  rs: () => [`    let ${ident()} = env::var("${pick(VARS)}").unwrap_or_default();`],
  sh: () => [`echo "\${${pick(VARS)}:-${pick(WORDS)}}"`],
};
const HEAD = { ts: ['import { readFile } from "node:fs";', ''], js: ["'use strict';", ''], py: ['import os', ''], go: ['package app', '', 'import "os"', ''], rb: ['class App', ''], php: ['<?php', 'class App {', ''], rs: ['use std::env;', ''], sh: ['#!/bin/sh', 'set -eu', ''] };
const TAIL = { ts: [], js: [], py: [], go: [], rb: ['end'], php: ['}'], rs: [], sh: [] };
const MIX = [['ts', 37], ['js', 15], ['py', 15], ['go', 10], ['rb', 7], ['php', 7], ['rs', 6], ['sh', 3]];
const EXT = { ts: 'ts', js: 'js', py: 'py', go: 'go', rb: 'rb', php: 'php', rs: 'rs', sh: 'sh' };

function sourceFile(language) {
  // Sizes: mostly 0.5–7.5 KB (about 4 KB on average, as source files usually are), 3% of 15–40 KB.
  const target = random() < 0.03 ? 15_000 + random() * 25_000 : 400 + random() * 7_000;
  const reads = random() < 0.04;
  const noisy = random() < 0.15;
  const lines = [...HEAD[language]];
  let size = 0;
  while (size < target) {
    const chunk = BODY[language]();
    if (noisy && random() < 0.1) chunk.push(...NOISE[language]());
    if (reads && random() < 0.15) chunk.push(...READS[language]());
    lines.push(...chunk);
    size += chunk.join('\n').length;
  }
  lines.push(...TAIL[language]);
  return { text: `${lines.join('\n')}\n`, reads };
}

const FILES = 10_000;
const root = join(work, 'repo');
mkdirSync(join(root, '.git'), { recursive: true });
writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
writeFileSync(join(root, '.gitignore'), 'node_modules/\ndist/\n*.generated.ts\n');
let bytes = 0;
let readingFiles = 0;
const total = MIX.reduce((sum, [, weight]) => sum + weight, 0);
for (let i = 0; i < FILES; i++) {
  const app = `apps/app-${i % 40}`;
  let path;
  let text;
  if (i % 400 === 0) {
    path = `${app}/Dockerfile`;
    text = `FROM node:\${NODE_VERSION:-20}\nARG BUILD_ID\nENV PORT=8080\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/index.js"]\n`;
  } else if (i % 400 === 1) {
    path = `${app}/compose.yaml`;
    text = `services:\n  web:\n    image: "app:\${TAG:-latest}"\n    environment:\n      DATABASE_URL: \${DATABASE_URL}\n      PORT: "8080"\n`;
  } else {
    let r = random() * total;
    const language = MIX.find(([, weight]) => (r -= weight) < 0)?.[0] ?? 'ts';
    const file = sourceFile(language);
    if (file.reads) readingFiles++;
    path = `${app}/src/module-${Math.floor(i / 200)}/file-${i}.${EXT[language]}`;
    text = file.text;
  }
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  bytes += text.length;
}

// ---------------------------------------------------------------- measurements

const RG_PATTERN = [
  String.raw`(process|Bun|Deno|meta)\.env\b`,
  String.raw`\b(os\.environ|environ\.get|getenv)\b`,
  String.raw`\benv(\.\w+)?\(`,
  String.raw`os\.(Getenv|LookupEnv)`,
  String.raw`\bENV\b`,
  String.raw`\$_(ENV|SERVER)\b`,
  String.raw`env::var|env!`,
  String.raw`\$\{?[A-Za-z_]`,
  String.raw`^\s*(ENV|ARG)\s`,
  String.raw`environment:`,
].join('|');
const rgArgs = ['--no-heading', '--line-number', '--column', '-e', RG_PATTERN, root];
const runRg = () => {
  const run = spawnSync(RG, rgArgs, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0 && run.status !== 1) throw new Error(`rg failed: ${run.status}`);
};
const timeRg = () => {
  const start = nowMs();
  runRg();
  return nowMs() - start;
};

const timeIndex = async () => {
  const start = nowMs();
  const result = await api.usage('DATABASE_URL', { folder: root });
  return { ms: nowMs() - start, result };
};

// rg and the file system cache warm first, so neither side pays for a cold disk.
runRg();
runRg();
const cold = await timeIndex();
const rgTimes = [];
const indexTimes = [];
for (let i = 0; i < 5; i++) {
  rgTimes.push(timeRg());
  indexTimes.push((await timeIndex()).ms);
}
const rgMs = median(rgTimes);
const warmMs = median(indexTimes);

const { result } = cold;
console.log(`envls code index bench — node ${process.version}, ${process.platform}/${process.arch}, ${RG} ${spawnSync(RG, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]}`);
console.log(`\nRepository: ${FILES.toLocaleString('en-US')} files, ${(bytes / 1024 / 1024).toFixed(1)} MB, ${readingFiles} source files read the environment; ${result.files.toLocaleString('en-US')} code files indexed, DATABASE_URL read in ${result.uses.length} places`);
const rows = [
  ['rg, the read forms as one regex (median)', rgMs, 1],
  ['envls index build, first (loads tree-sitter and grammars)', cold.ms, cold.ms / rgMs],
  ['envls index build, later (median)', warmMs, warmMs / rgMs],
];
for (const [what, ms, ratio] of rows) console.log(`${what.padEnd(62)} ${ms.toFixed(0).padStart(6)} ms  ${ratio.toFixed(2).padStart(6)}x`);
recordTarget('code index build, 10,000 files (first build)', cold.ms / rgMs, 3, 'rg over the same files');
