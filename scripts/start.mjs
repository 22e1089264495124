// `npm start`: envls at work on examples/ — one realistic .env per product.
// `envls check` exits 1 when it finds errors (that is what CI scripts want); here
// finding them is the point, so the demo explains the exit code instead of failing.
import { spawnSync } from 'node:child_process';

console.log('$ envls check examples\n');
const run = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples'], { stdio: 'inherit' });
if (run.status === 1) {
  console.log('\nenvls exited with 1: it found error-severity problems above (in CI that fails the job).');
  console.log('Try also: node dist/cli.js parse examples/flagsmith/api.env   or   node dist/cli.js check examples --rules dotenv-linter');
  process.exit(0);
}
process.exit(run.status ?? 1);
