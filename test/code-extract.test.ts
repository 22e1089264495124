/**
 * Reads per language with the real tree-sitter grammars: every read form, fallbacks, and what is
 * NOT a read (comments, string contents, writes, unrelated calls of the same name).
 * Expected reads are written `NAME` (read), `NAME?` (read with a fallback), `NAME=` (set).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractReads, mayRead } from '../server/src/service/code/extract';
import type { CodeLanguage, EnvRead } from '../server/src/service/code/types';
import { testParsers } from './support/codeParsers';

function offsetOf(text: string, line: number, character: number): number {
  let offset = 0;
  for (let i = 0; i < line; i++) offset = text.indexOf('\n', offset) + 1;
  return offset + character;
}

async function reads(language: CodeLanguage, text: string): Promise<string[]> {
  const found = extractReads(language, text, await testParsers());
  for (const read of found) assertRangeIsName(text, read);
  return found.map((r) => r.name + (r.kind === 'set' ? '=' : r.hasFallback ? '?' : ''));
}

function assertRangeIsName(text: string, read: EnvRead): void {
  const start = offsetOf(text, read.range.start.line, read.range.start.character);
  const end = offsetOf(text, read.range.end.line, read.range.end.character);
  assert.equal(text.slice(start, end), read.name, `range of ${read.name}`);
}

test('JavaScript/TypeScript: member, subscript, destructuring, import.meta.env, Deno, Bun; ?? and || fallbacks', async () => {
  const code = [
    'const a = process.env.A;',
    "const b = process.env['B'] ?? 'd';",
    'const c = process.env["C"] || 1;',
    "const { D, E: e = 'x', F = 2, ...rest } = process.env;",
    'const g = import.meta.env.G;',
    "const h = Deno.env.get('H');",
    'const i = Bun.env.I;',
    'const j = (process.env.J as string) ?? "";',
    'const k = process.env?.K;',
    'const l = `${process.env.L}`;',
  ].join('\n');
  for (const language of ['javascript', 'typescript', 'typescriptreact', 'javascriptreact'] as const) {
    assert.deepEqual(await reads(language, code), ['A', 'B?', 'C?', 'D', 'E?', 'F?', 'G', 'H', 'I', 'J?', 'K', 'L'], language);
  }
});

test('JavaScript: comments, strings, writes and other objects are not reads', async () => {
  const code = [
    '// process.env.COMMENT',
    '/* process.env.BLOCK */',
    'const s = "process.env.STRING";',
    "const t = 'Deno.env.get(\"T\")';",
    'process.env.WRITTEN = "1";',
    'delete process.env.DELETED;',
    'const o = config.env.OTHER;',
    'const d = Deno.env.OTHER;',
    'const x = process.env[name];',
    'const y = process.env[`TEMPLATE_${n}`];',
  ].join('\n');
  assert.deepEqual(await reads('typescript', code), []);
});

test('TSX: reads inside JSX', async () => {
  assert.deepEqual(await reads('typescriptreact', 'export const A = () => <div title={process.env.NEXT_PUBLIC_TITLE}>{process.env.X ?? "x"}</div>;'), ['NEXT_PUBLIC_TITLE', 'X?']);
});

test('Python: os.environ, os.getenv, imported names, django-environ; defaults and `or` fallbacks', async () => {
  const code = [
    'import os',
    'from os import environ, getenv',
    'a = os.environ["A"]',
    'b = os.environ.get("B")',
    'c = os.environ.get("C", "d")',
    "d = os.getenv('D')",
    "e = os.getenv('E', 'x')",
    'f = os.getenv("F") or "x"',
    'g = environ["G"]',
    'h = getenv("H", default="1")',
    'i = env("I", default=1)',
    'j = env.str("J")',
    'k = env.bool("K", False)',
    'l = environ.get("L")',
  ].join('\n');
  assert.deepEqual(await reads('python', code), ['A', 'B', 'C?', 'D', 'E?', 'F?', 'G', 'H?', 'I?', 'J', 'K?', 'L']);
});

test('Python: comments, strings, writes and unrelated calls are not reads', async () => {
  const code = [
    '# os.getenv("COMMENT")',
    '"""os.environ["DOC"]"""',
    's = "os.getenv(\'S\')"',
    'os.environ["W"] = "1"',
    'del os.environ["D"]',
    'k = foo.getenv("K")',
    'm = self.environ["M"]',
    'n = env.unknown_method("N")',
    'o = os.environ.get(name)',
    'p = os.getenv(f"P_{x}")',
  ].join('\n');
  assert.deepEqual(await reads('python', code), []);
});

test('Go: os.Getenv; os.LookupEnv counts as a fallback; raw strings', async () => {
  const code = 'package main\n\nfunc main() {\n\ta := os.Getenv("A")\n\tb, ok := os.LookupEnv("B")\n\tc := os.Getenv(`C`)\n}\n';
  assert.deepEqual(await reads('go', code), ['A', 'B?', 'C']);
});

test('Go: comments, strings and other packages are not reads', async () => {
  const code = 'package main\n\n// os.Getenv("COMMENT")\nfunc main() {\n\ts := "os.Getenv(\\"S\\")"\n\tx := config.Getenv("X")\n\ty := os.Getenv(name)\n}\n';
  assert.deepEqual(await reads('go', code), []);
});

test('Ruby: ENV[], ENV.fetch with default or block, || fallback, ::ENV', async () => {
  const code = ["a = ENV['A']", 'b = ENV.fetch("B")', "c = ENV.fetch('C', 'd')", "d = ENV.fetch('D') { 'x' }", "e = ENV['E'] || 'x'", "f = ::ENV['F']", 'g = "#{ENV["G"]}"'].join('\n');
  assert.deepEqual(await reads('ruby', code), ['A', 'B', 'C?', 'D?', 'E?', 'F', 'G']);
});

test('Ruby: comments, strings and writes are not reads', async () => {
  const code = ["# ENV['COMMENT']", "ENV['W'] = '1'", "s = 'ENV[\"S\"]'", 'x = CONFIG["X"]', 'y = ENV[name]', 'z = ENV["Z_#{n}"]'].join('\n');
  assert.deepEqual(await reads('ruby', code), []);
});

test("PHP: env() with default, getenv(), $_ENV[], $_SERVER[], ?? fallback", async () => {
  const code = "<?php\n$a = env('A');\n$b = env('B', 'd');\n$c = getenv(\"C\");\n$d = $_ENV['D'];\n$e = $_SERVER['E'] ?? 'x';\n$f = \\getenv('F');\n";
  assert.deepEqual(await reads('php', code), ['A', 'B?', 'C', 'D', 'E?', 'F']);
});

test('PHP: comments, strings, methods and writes are not reads', async () => {
  const code = "<?php\n// env('COMMENT')\n# getenv('HASH')\n$s = \"env('S')\";\n$m = $obj->env('M');\n$_ENV['W'] = 1;\n$x = env($name);\n";
  assert.deepEqual(await reads('php', code), []);
});

test('Rust: env::var, std::env::var, var_os, env!, option_env!; unwrap_or… are fallbacks', async () => {
  const code = [
    'fn main() {',
    '    let a = env::var("A");',
    '    let b = std::env::var("B").unwrap_or("d".into());',
    '    let c = env::var_os("C");',
    '    let d = env!("D");',
    '    let e = option_env!("E");',
    '    let f = env::var("F").unwrap_or_default();',
    '    let g = env::var("G")?;',
    '}',
  ].join('\n');
  assert.deepEqual(await reads('rust', code), ['A', 'B?', 'C', 'D', 'E?', 'F?', 'G']);
});

test('Rust: comments, strings and other modules are not reads', async () => {
  const code = 'fn main() {\n    // env::var("COMMENT")\n    let s = "env::var(\\"S\\")";\n    let x = config::var("X");\n    let y = env::var(name);\n}\n';
  assert.deepEqual(await reads('rust', code), []);
});

test('shell: $X, ${X}, ${X:-d} and the other fallbacks; ${X:?m} demands the variable', async () => {
  const code = '#!/bin/sh\necho "$A" ${B} ${C:-d} ${D-d} ${E:=d} ${F:+a} ${G:?missing} ${#H}\n';
  assert.deepEqual(await reads('shellscript', code), ['A', 'B', 'C?', 'D?', 'E?', 'F?', 'G', 'H']);
});

test('shell: positional and special parameters, comments, single quotes and the script’s own variables are not reads', async () => {
  const code = [
    '#!/bin/bash',
    '# $COMMENT',
    'echo $1 $@ $# $? $$ $! $0 $_',
    "echo '$SINGLE'",
    'X="${X:-default}"',
    'echo "$X"',
    'for I in a b; do echo "$I"; done',
    'read -r LINE; echo "$LINE"',
    'f() { local L; echo "$L"; }',
    'echo "$LATER"; LATER=1; echo "$LATER"',
  ].join('\n');
  // X is read inside its own default (from the environment), then it is the script's; LATER is read once before it is assigned.
  assert.deepEqual(await reads('shellscript', code), ['X?', 'LATER']);
});

test('Dockerfile: ENV and ARG set; $X and ${X:-d} read; comments, single quotes, escapes and heredocs are not', async () => {
  const code = [
    'ARG NODE_VERSION=20',
    'FROM node:${NODE_VERSION:-20} AS base',
    '# RUN echo $COMMENT',
    'ARG BUILD_ID',
    'ENV APP_ENV=production PORT=$PORT \\',
    '    HOST="0.0.0.0"',
    'ENV LEGACY some value',
    "RUN echo $RUNTIME '$SINGLE' \\$ESCAPED && \\",
    '  echo ${CONTINUED}',
    'RUN <<EOF',
    'echo $HEREDOC',
    'EOF',
    'CMD echo $AFTER',
  ].join('\n');
  assert.deepEqual(await reads('dockerfile', code), ['NODE_VERSION=', 'NODE_VERSION?', 'BUILD_ID=', 'APP_ENV=', 'PORT=', 'PORT', 'HOST=', 'LEGACY=', 'RUNTIME', 'CONTINUED', 'AFTER']);
});

test('Dockerfile: the escape directive changes the escape character', async () => {
  const code = '# escape=`\nFROM windows\nRUN echo `$NOT $YES `\n  $NEXT\n';
  assert.deepEqual(await reads('dockerfile', code), ['YES', 'NEXT']);
});

test('compose: environment keys (set; without a value, a pass-through read) and ${} interpolation in values', async () => {
  const code = [
    'services:',
    '  web:',
    '    image: "app:${TAG:-latest}"',
    '    # ${COMMENT}',
    '    command: echo $$ESCAPED $PLAIN ${REQUIRED:?needed}',
    '    environment:',
    '      - "K=${X:-d}"',
    '      - PASSED',
    '    labels:',
    '      a: ${OUTER:-${INNER}}',
    '  db:',
    '    environment:',
    '      K2: v',
    '      K3:',
    '      "K4": ${Y}',
  ].join('\n');
  assert.deepEqual(await reads('dockercompose', code), ['TAG?', 'PLAIN', 'REQUIRED', 'K=', 'X?', 'PASSED', 'OUTER?', 'INNER', 'K2=', 'K3', 'K4=', 'Y']);
});

test('compose: bad YAML gives no reads and does not throw', async () => {
  assert.deepEqual(await reads('dockercompose', 'services:\n  web: [unclosed\n    image: ${X}\n'), []);
});

test('positions are LSP positions (UTF-16) across lines and non-ASCII text', async () => {
  const found = extractReads('typescript', 'const é = "😀";\nconst x = process.env.NAME;\n', await testParsers());
  assert.deepEqual(found, [{ name: 'NAME', range: { start: { line: 1, character: 22 }, end: { line: 1, character: 26 } }, hasFallback: false, kind: 'read' }]);
  const same = extractReads('typescript', 'const s = "😀"; const x = process.env.NAME;', await testParsers());
  assert.equal(same[0].range.start.character, 'const s = "😀"; const x = process.env.'.length);
});

test('a file without a candidate word is not parsed, and a language without a loaded grammar gives no reads', async () => {
  let parsed = 0;
  const counting = { parse: (language: CodeLanguage, text: string) => (parsed++, undefined) };
  assert.deepEqual(extractReads('typescript', 'const a = 1;', counting), []);
  assert.equal(parsed, 0);
  assert.deepEqual(extractReads('typescript', 'process.env.A', counting), []);
  assert.equal(parsed, 1);
  assert.deepEqual(extractReads('dockerfile', 'ENV A=1', undefined).map((r) => r.name), ['A']);
});

test('only the text up to the last candidate is parsed, and comment lines are passed over, without losing a read', async () => {
  const code = [
    'const total = base',
    '  * Number(process.env.FACTOR);',
    '/* note */ const a = process.env.AFTER_BLOCK;',
    'f(); // process.env.TRAILING_COMMENT',
    '/*',
    ' * process.env.IN_BLOCK',
    ' */',
    'const b = process.env.LAST',
    '',
    '',
    '  ?? "fallback three lines below";',
  ].join('\n');
  const expected = ['FACTOR', 'AFTER_BLOCK', 'LAST?'];
  assert.deepEqual(await reads('typescript', code), expected);
  const after = '\nfunction later() {\n  return `${1 + 2}`;\n}\n'.repeat(200);
  assert.deepEqual(await reads('typescript', code + after), expected, 'code after the last read changes nothing');
  assert.deepEqual(await reads('typescript', code + '\nconst open = `unclosed ${'), expected, 'nor does broken code after it');
  assert.deepEqual(await reads('python', '# os.getenv("A")\n  # os.environ["B"]\nx = 1\n'), []);
  // Python's text test asks for a subscript, `.get` or a call after the word; a comment or a line
  // continuation between them (inside brackets) still counts, and a word in a string does not need a parse.
  assert.deepEqual(await reads('python', 'a = (os.environ  # note\n  ["A"])\nb = os.getenv \\\n  ("B")\nc = (env  # d\n  ("C"))\nd = os.environ\n'), ['A', 'B', 'C']);
  assert.equal(mayRead('python', 's = "the environ is user, env of getenv"\n'), false);
  assert.deepEqual(await reads('ruby', 'x = "first line\n#{ENV["INTERPOLATED"]}"\n# ENV["C"]\n'), ['INTERPOLATED']);
  assert.deepEqual(await reads('php', "<?php\n#[Attr(env('ATTRIBUTE'))]\n# env('HASH')\nfunction f() {}\n"), ['ATTRIBUTE']);
});
