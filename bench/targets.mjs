// The speed targets, recorded by each bench script and printed together at the end of
// `npm run bench` (bench/all.mjs). A script run alone just prints its own tables.
import { appendFileSync } from 'node:fs';

/**
 * One target: `ratio` measured in this run against its reference, met when ratio <= goal.
 * Written as a JSON line to ENVLS_BENCH_TARGETS (set by bench/all.mjs), if set.
 */
export function recordTarget(target, ratio, goal, reference) {
  const file = process.env.ENVLS_BENCH_TARGETS;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify({ target, ratio, goal, reference })}\n`);
}
