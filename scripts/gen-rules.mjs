// Writes what is generated from the rule declarations: package.json's envls.lint
// properties, the README's code table and docs/rules/<code>.md (scripts/rulesContract.ts
// says how). Run it after changing a rule's declaration; test/contract.test.ts fails
// while these files are out of step. Usage: node scripts/gen-rules.mjs
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const script = `import('./scripts/rulesContract.ts').then((m) => console.log((m.writeAll ?? m.default.writeAll)(${JSON.stringify(root)})))`;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
