// Hover lengths over the seed products' variables (issue 9: typical hovers <= 600 characters).
// For every variable of every builtin Neosync, Flux and Flagsmith schema: a one-line file binding that schema,
// hover on the key, length of the markdown. Prints median, 90th percentile and maximum per product.
// Run: node --import tsx bench/hover-lengths.ts [--top N]
import { builtinSchemas } from '../server/src/service/schema/builtin';
import { parseEnv } from '../server/src/service/parser/parse';
import { schemaSetFor } from '../server/src/service/schema/schemaSet';
import { getHover } from '../server/src/service/hover';

const PRODUCTS = ['neosync', 'flux', 'flagsmith'];
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 0;

function hoverText(hover: ReturnType<typeof getHover>): string {
  if (!hover) return '';
  const c = hover.contents as { value?: string } | string;
  return typeof c === 'string' ? c : c.value ?? '';
}

const rows: { product: string; name: string; length: number }[] = [];
for (const schema of builtinSchemas().values()) {
  const product = PRODUCTS.find((p) => schema.id === p || schema.id.startsWith(`${p}/`));
  if (!product) continue;
  const set = schemaSetFor([schema]);
  for (const name of schema.byName.keys()) {
    const doc = parseEnv(`${name}=value\n`);
    const text = hoverText(getHover(doc, set, { line: 0, character: 1 }));
    rows.push({ product, name: `${schema.id}:${name}`, length: text.length });
  }
}

function stats(values: number[]): string {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `n=${s.length} median=${at(0.5)} p90=${at(0.9)} max=${s[s.length - 1]} over600=${s.filter((v) => v > 600).length}`;
}

for (const product of PRODUCTS) console.log(`${product.padEnd(10)} ${stats(rows.filter((r) => r.product === product).map((r) => r.length))}`);
console.log(`${'all'.padEnd(10)} ${stats(rows.map((r) => r.length))}`);
if (top) for (const r of [...rows].sort((a, b) => b.length - a.length).slice(0, top)) console.log(`  ${r.length}  ${r.name}`);
