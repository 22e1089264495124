/**
 * readSiteAt on code as it is while typing (incomplete: nothing after the dot, an unclosed string),
 * per language; and not in comments or strings. `|` marks the cursor; the answer is written
 * `prefix|replaced text|quote`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSiteAt } from '../server/src/service/code/readSite';
import type { CodeLanguage } from '../server/src/service/code/types';
import { testParsers } from './support/codeParsers';

async function site(language: CodeLanguage, marked: string): Promise<string | undefined> {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const found = readSiteAt(language, text, offset, await testParsers());
  if (!found) return undefined;
  const lines = text.split('\n');
  assert.equal(found.replace.start.line, found.replace.end.line);
  const replaced = lines[found.replace.start.line].slice(found.replace.start.character, found.replace.end.character);
  return `${found.prefix}|${replaced}|${found.quote ?? ''}`;
}

test('JavaScript/TypeScript: after the dot, inside a name, in brackets, Deno.env.get, destructuring', async () => {
  for (const language of ['javascript', 'typescript', 'typescriptreact', 'javascriptreact'] as const) {
    assert.equal(await site(language, 'const a = process.env.|'), '||', language);
    assert.equal(await site(language, 'const a = process.env.DA|TA + 1'), 'DA|DATA|');
    assert.equal(await site(language, "const a = process.env['DB|"), "DB|DB|'");
    assert.equal(await site(language, 'const a = import.meta.env.VITE_|'), 'VITE_|VITE_|');
    assert.equal(await site(language, 'const a = Bun.env.|'), '||');
    assert.equal(await site(language, 'const a = Deno.env.get("|'), '||"');
    assert.equal(await site(language, 'const { A, B| } = process.env;'), 'B|B|');
    assert.equal(await site(language, 'const a = process.env.X;\nconst b = process.env.|\nconst c = 1;'), '||');
  }
});

test('JavaScript: not in a comment, a string, or another object', async () => {
  assert.equal(await site('typescript', '// process.env.|'), undefined);
  assert.equal(await site('typescript', 'const s = "process.env.|";'), undefined);
  assert.equal(await site('typescript', 'const a = config.env.|'), undefined);
  assert.equal(await site('typescript', 'const { A, B| } = other;'), undefined);
  assert.equal(await site('typescript', 'const t = `${process.env.|}`;'), '||');
});

test('Python, Go, Ruby, PHP, Rust: inside the quotes of a read call, unclosed', async () => {
  assert.equal(await site('python', 'x = os.getenv("|'), '||"');
  assert.equal(await site('python', "x = os.environ['DB_|"), "DB_|DB_|'");
  assert.equal(await site('python', 'x = os.environ.get("A|B")'), 'A|AB|"');
  assert.equal(await site('python', 'x = env.str("|'), '||"');
  assert.equal(await site('python', '# os.getenv("|'), undefined);
  assert.equal(await site('go', 'x := os.Getenv("|'), '||"');
  assert.equal(await site('go', 'v, ok := os.LookupEnv("P|")'), 'P|P|"');
  assert.equal(await site('ruby', "x = ENV['|"), "||'");
  assert.equal(await site('ruby', 'x = ENV.fetch("D|'), 'D|D|"');
  assert.equal(await site('ruby', "# ENV['|"), undefined);
  assert.equal(await site('php', "<?php $x = env('|"), "||'");
  assert.equal(await site('php', '<?php $x = $_ENV["A|'), 'A|A|"');
  assert.equal(await site('php', "<?php $x = $obj->env('|"), undefined);
  assert.equal(await site('rust', 'let x = env::var("|'), '||"');
  assert.equal(await site('rust', 'let x = option_env!("A|'), 'A|A|"');
  assert.equal(await site('rust', '// env::var("|'), undefined);
});

test('shell, Dockerfile, compose: $ and ${, not in comments or single quotes', async () => {
  assert.equal(await site('shellscript', 'echo "${DB|"'), 'DB|DB|');
  assert.equal(await site('shellscript', 'echo $|'), '||');
  assert.equal(await site('shellscript', "echo '$DB|'"), undefined);
  assert.equal(await site('shellscript', '# $DB|'), undefined);
  assert.equal(await site('dockerfile', 'FROM node:${NODE_|}'), 'NODE_|NODE_|');
  assert.equal(await site('dockerfile', '# FROM ${NODE_|}'), undefined);
  assert.equal(await site('dockercompose', 'services:\n  web:\n    image: "app:${TA|}"'), 'TA|TA|');
  assert.equal(await site('dockercompose', 'services:\n  web:\n    image: app # ${TA|}'), undefined);
  assert.equal(await site('dockercompose', 'x: $${TA|}'), undefined);
});

test('without parsers the shape alone decides', () => {
  assert.equal(readSiteAt('typescript', 'process.env.A', 13)?.prefix, 'A');
  assert.equal(readSiteAt('typescript', 'process.env.A', 0), undefined);
});
