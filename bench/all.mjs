// `npm run bench`: every bench script in turn (each prints its own tables), then ONE summary of
// the speed targets: each a ratio to a reference measured in the same run, its goal and
// whether it is met. A script that fails is reported as such, and the others still run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const scripts = ['run.mjs', 'protocol.mjs', 'completion.mjs', 'code-completion.mjs', 'project.mjs', 'secrets.mjs', 'code-index.mjs'];
const work = mkdtempSync(join(tmpdir(), 'envls-bench-targets-'));
const targetsFile = join(work, 'targets.jsonl');
const failed = [];
for (const script of scripts) {
  const run = spawnSync(process.execPath, [join(here, script)], { stdio: 'inherit', env: { ...process.env, ENVLS_BENCH_TARGETS: targetsFile } });
  if (run.status !== 0) failed.push(`${script} (exit ${run.status ?? run.signal})`);
}
const targets = existsSync(targetsFile) ? readFileSync(targetsFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
rmSync(work, { recursive: true, force: true });

const rows = targets.map(({ target, ratio, goal, reference }) => [target, reference, `${ratio.toFixed(2)}x`, `<= ${goal}x`, ratio <= goal ? 'met' : 'NOT met']);
const headers = ['target', 'reference (same run)', 'measured', 'goal', ''];
const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
console.log(`\nSpeed targets (issue 8): ${rows.filter((r) => r[4] === 'met').length} of ${rows.length} met`);
console.log(line(headers));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
if (failed.length > 0) {
  console.log(`\nFailed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
