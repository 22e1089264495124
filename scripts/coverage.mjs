// `npm run coverage`: the share of real apps' example variables a bound schema documents, per app,
// per set (reference / held-out) and per stack, and every error-severity diagnostic on those files.
// Runs on the built dist/api.js (project-aware check, as `envls check` and the editor).
//   --json                 the whole measurement as JSON
//   --reference-names      the reference set's variable names by how many apps use them, with their family (never held-out names)
//   --markdown             the README's table (sets and stacks)
//   --update-readme        write that table into README.md between its coverage markers
//   --families             per set, each family's variables and how many a schema documents (counts only, no names)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { familyOf } from './coverage-families.ts';
import { measure } from './coverage-measure.ts';

// Piped into `head`: stop quietly when the reader has had enough.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const api = createRequire(import.meta.url)(resolve(repoRoot, 'dist/api.js'));
const coverage = measure(api, repoRoot);
const args = new Set(process.argv.slice(2));
const pct = (share) => `${(share * 100).toFixed(1)}%`;

if (args.has('--json')) {
  process.stdout.write(`${JSON.stringify(coverage, null, 2)}\n`);
} else if (args.has('--reference-names')) {
  const uses = new Map();
  for (const app of coverage.apps.filter((a) => a.set === 'reference')) {
    const documented = new Set(app.documented);
    for (const name of app.variables) {
      const entry = uses.get(name) ?? { apps: 0, documentedIn: 0 };
      entry.apps++;
      if (documented.has(name)) entry.documentedIn++;
      uses.set(name, entry);
    }
  }
  const rows = [...uses].sort((a, b) => b[1].apps - a[1].apps || a[0].localeCompare(b[0]));
  console.log(`# Variables of the REFERENCE apps only (${coverage.totals.reference.apps} apps), by how many apps use them.`);
  console.log('# apps  documented-in  name   (documented-in: in how many of those apps a bound schema knows it)');
  for (const [name, { apps, documentedIn }] of rows) console.log(`${String(apps).padStart(5)}  ${String(documentedIn).padStart(13)}  ${name.padEnd(40)} ${familyOf(name)}`);
  console.log('');
  printFamilies('reference', coverage.apps.filter((a) => a.set === 'reference'));
} else if (args.has('--markdown') || args.has('--update-readme')) {
  const lines = [];
  const console = { log: (line) => lines.push(line) };
  const row = (label, t) => `| ${label} | ${t.apps} | ${t.variables} | ${t.documented} | ${pct(t.share)} | ${pct(t.meanShare)} |`;
  console.log('| apps | count | variables | documented | share | mean per app |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(row('**held-out** (no schema written from them)', coverage.totals.heldOut));
  console.log(row('reference (the catalog may be written from them)', coverage.totals.reference));
  console.log(row('all', coverage.totals.all));
  for (const [stack, t] of Object.entries(coverage.totals.byStack)) console.log(row(`stack: ${stack}`, t));
  if (args.has('--update-readme')) {
    const readme = resolve(repoRoot, 'README.md');
    const text = readFileSync(readme, 'utf8');
    const start = '<!-- coverage:start (npm run coverage -- --update-readme) -->';
    const end = '<!-- coverage:end -->';
    const from = text.indexOf(start);
    const to = text.indexOf(end);
    if (from < 0 || to < from) throw new Error('README.md has no coverage markers');
    writeFileSync(readme, `${text.slice(0, from + start.length)}\n${lines.join('\n')}\n${text.slice(to)}`);
  } else process.stdout.write(`${lines.join('\n')}\n`);
} else if (args.has('--families')) {
  printFamilies('reference', coverage.apps.filter((a) => a.set === 'reference'));
  console.log('');
  printFamilies('held-out', coverage.apps.filter((a) => a.set === 'held-out'));
} else {
  const rows = coverage.apps.map((a) => [a.set, a.stack, a.folder, a.variables.length, a.documented.length, pct(a.variables.length ? a.documented.length / a.variables.length : 0), a.schemas.join(',') || '-']);
  rows.sort((a, b) => a[0].localeCompare(b[0]) || a[2].localeCompare(b[2]));
  console.log(['set', 'stack', 'app', 'vars', 'documented', 'share', 'schemas'].join('\t'));
  for (const row of rows) console.log(row.join('\t'));
  const line = (label, t) => console.log(`${label.padEnd(12)} ${String(t.apps).padStart(3)} apps  ${String(t.documented).padStart(5)}/${String(t.variables).padEnd(5)} = ${pct(t.share).padStart(6)} pooled, ${pct(t.meanShare).padStart(6)} mean per app`);
  console.log('');
  line('reference', coverage.totals.reference);
  line('held-out', coverage.totals.heldOut);
  line('all', coverage.totals.all);
  console.log('');
  for (const [stack, t] of Object.entries(coverage.totals.byStack)) line(stack, t);
  console.log('');
  const unexpected = coverage.errors.filter((e) => !e.expected);
  const falsePositives = coverage.errors.filter((e) => e.falsePositive);
  console.log(`error-severity diagnostics: ${coverage.errors.length} (${unexpected.length} not recorded in index.json, ${falsePositives.length} recorded as known false positives)`);
  const label = (e) => (!e.expected ? 'UNEXPECTED     ' : e.falsePositive ? 'FALSE POSITIVE ' : 'real error     ');
  for (const e of coverage.errors) console.log(`  ${label(e)} ${e.folder}/${e.file}:${e.line} ${e.code}: ${e.message}${e.expected ? ` — ${e.expected}` : ''}`);
  for (const e of coverage.staleExpected) console.log(`  STALE expected finding (no longer reported): ${e.folder}/${e.file}:${e.line} ${e.code}`);
}

/** Per family: variable uses (one per app), how many a schema documents, in how many apps; largest gap first. */
function printFamilies(label, apps) {
  const families = new Map();
  for (const app of apps) {
    const documented = new Set(app.documented);
    for (const name of app.variables) {
      const family = familyOf(name);
      const f = families.get(family) ?? { uses: 0, documented: 0, apps: new Set() };
      f.uses++;
      if (documented.has(name)) f.documented++;
      f.apps.add(app.folder);
      families.set(family, f);
    }
  }
  console.log(`# ${label}: families by undocumented variables (uses = one per app using the name)`);
  console.log('# undocumented  uses  documented  apps  family');
  for (const [family, f] of [...families].sort((a, b) => b[1].uses - b[1].documented - (a[1].uses - a[1].documented))) {
    console.log(`${String(f.uses - f.documented).padStart(14)}  ${String(f.uses).padStart(4)}  ${pct(f.uses ? f.documented / f.uses : 0).padStart(10)}  ${String(f.apps.size).padStart(4)}  ${family}`);
  }
}
