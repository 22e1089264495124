/**
 * Code and .env together over JSON-RPC, per language: completion in a read expression (with the
 * example's documentation on resolve), hover and definition on a read, unsetVariable, references
 * from the env key reaching exactly the code reads (a comment or a string that names the variable
 * is not one), and rename with the exact text it leaves in every file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, Hover, Location, MarkupContent, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { tempWorkspaces } from './support/tempWorkspace';
import { startServer, type Client } from './support/lspClient';
import { applyLspEdits } from './support/lspEdits';

const { workspace, uriIn } = tempWorkspaces('envls-code', { isolateHome: true });

const ENV = 'DB_HOST=db.internal\nAPI_PORT=8080\n';
const EXAMPLE = '# The database host the app connects to\nDB_HOST=\nAPI_PORT=\n';

interface LanguageCase {
  name: string;
  path: string;
  languageId: string;
  text: string;
  /** Lines whose DB_HOST occurrences are reads (the others name it in a comment or a string). */
  readLines: number[];
  /** Appended as a new last line; completion is asked at its end. */
  partial: string;
}

const CASES: LanguageCase[] = [
  {
    name: 'TypeScript',
    path: 'src/index.ts',
    languageId: 'typescript',
    text: [
      '// process.env.DB_HOST in a comment is not a read',
      'const label = "process.env.DB_HOST in a string";',
      'export const host = process.env.DB_HOST;',
      'export const missing = process.env.MISSING_VAR;',
      "export const port = process.env.API_PORT ?? '3000';",
      '',
    ].join('\n'),
    readLines: [2],
    partial: 'export const x = process.env.',
  },
  {
    name: 'JavaScript (destructuring, bracket)',
    path: 'lib/config.js',
    languageId: 'javascript',
    text: [
      "/* process.env['DB_HOST'] */",
      'const { DB_HOST } = process.env;',
      "module.exports = { host: DB_HOST, missing: process.env['MISSING_VAR'], port: process.env.API_PORT || 80 };",
      '',
    ].join('\n'),
    readLines: [1],
    partial: "const y = process.env['",
  },
  {
    name: 'Python',
    path: 'app.py',
    languageId: 'python',
    text: [
      'import os',
      '# os.getenv("DB_HOST") in a comment',
      'label = "os.getenv(\'DB_HOST\') in a string"',
      'host = os.getenv("DB_HOST")',
      'missing = os.environ["MISSING_VAR"]',
      'port = os.environ.get("API_PORT", "3000")',
      '',
    ].join('\n'),
    readLines: [3],
    partial: 'x = os.getenv("',
  },
  {
    name: 'Go',
    path: 'main.go',
    languageId: 'go',
    text: [
      'package main',
      '',
      'import "os"',
      '',
      '// os.Getenv("DB_HOST") in a comment',
      'var label = "os.Getenv(\\"DB_HOST\\") in a string"',
      'var host = os.Getenv("DB_HOST")',
      'var missing = os.Getenv("MISSING_VAR")',
      'var port, found = os.LookupEnv("API_PORT")',
      '',
    ].join('\n'),
    readLines: [6],
    partial: 'var x = os.Getenv("',
  },
  {
    name: 'Ruby',
    path: 'config/app.rb',
    languageId: 'ruby',
    text: [
      "# ENV['DB_HOST'] in a comment",
      "label = \"ENV['DB_HOST'] in a string\"",
      "host = ENV['DB_HOST']",
      "missing = ENV.fetch('MISSING_VAR')",
      "port = ENV.fetch('API_PORT', '3000')",
      '',
    ].join('\n'),
    readLines: [2],
    partial: "x = ENV['",
  },
  {
    name: 'PHP',
    path: 'public/index.php',
    languageId: 'php',
    text: [
      '<?php',
      "// getenv('DB_HOST') in a comment",
      "$label = \"getenv('DB_HOST') in a string\";",
      "$host = getenv('DB_HOST');",
      "$missing = $_ENV['MISSING_VAR'];",
      "$port = env('API_PORT', '3000');",
      '',
    ].join('\n'),
    readLines: [3],
    partial: "$x = getenv('",
  },
  {
    name: 'Rust',
    path: 'src/main.rs',
    languageId: 'rust',
    text: [
      'use std::env;',
      '// env::var("DB_HOST") in a comment',
      'fn main() {',
      '    let label = "env::var(\\"DB_HOST\\") in a string";',
      '    let host = env::var("DB_HOST").unwrap();',
      '    let missing = env::var("MISSING_VAR").unwrap();',
      '    let port = env::var("API_PORT").unwrap_or_default();',
      '}',
      '',
    ].join('\n'),
    readLines: [4],
    partial: 'fn other() { let x = env::var("',
  },
  {
    name: 'shell script',
    path: 'scripts/run.sh',
    languageId: 'shellscript',
    text: [
      '#!/bin/sh',
      '# $DB_HOST in a comment',
      "echo 'no $DB_HOST in single quotes'",
      'psql -h "$DB_HOST"',
      'echo "$MISSING_VAR"',
      'echo "${API_PORT:-3000}"',
      '',
    ].join('\n'),
    readLines: [3],
    partial: 'echo "${',
  },
  {
    name: 'Dockerfile',
    path: 'Dockerfile',
    languageId: 'dockerfile',
    text: [
      'FROM node:20',
      '# $DB_HOST in a comment',
      'ENV API_PORT=3000',
      'RUN echo "$DB_HOST"',
      'RUN echo "$MISSING_VAR"',
      '',
    ].join('\n'),
    readLines: [3],
    partial: 'RUN echo ${',
  },
  {
    name: 'docker compose',
    path: 'docker-compose.yml',
    languageId: 'dockercompose',
    text: [
      'services:',
      '  web:',
      '    image: nginx',
      '    # ${DB_HOST} in a comment',
      '    environment:',
      '      DB_HOST: ${DB_HOST}',
      '      MISSING: ${MISSING_VAR}',
      '      PORT: ${API_PORT:-3000}',
      '',
    ].join('\n'),
    readLines: [5],
    partial: '      OTHER: ${',
  },
];

async function withServer(root: string, run: (client: Client) => Promise<void>): Promise<void> {
  const client = await startServer({
    rootPath: root,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceEdit: { documentChanges: true } } },
  });
  try {
    await run(client);
  } finally {
    await client.stop();
  }
}

/** Every range of `word` on the given lines of `text`. */
function rangesOf(text: string, word: string, lines: number[]) {
  const out: { start: { line: number; character: number }; end: { line: number; character: number } }[] = [];
  text.split('\n').forEach((content, line) => {
    if (!lines.includes(line)) return;
    for (let at = content.indexOf(word); at !== -1; at = content.indexOf(word, at + 1)) {
      out.push({ start: { line, character: at }, end: { line, character: at + word.length } });
    }
  });
  return out;
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  for (const change of edit.documentChanges ?? []) if ('textDocument' in change && change.textDocument.uri === uri) return (change as TextDocumentEdit).edits as TextEdit[];
  return [];
}

for (const c of CASES) {
  test(`${c.name}: completion, hover, definition, unsetVariable, references and rename between ${c.path} and .env`, async () => {
    const root = workspace({ '.env': ENV, '.env.example': EXAMPLE, [c.path]: c.text });
    const envUri = uriIn(root, '.env');
    const codeUri = uriIn(root, c.path);
    await withServer(root, async (client) => {
      await client.open(join(root, '.env'), ENV);
      const published = await client.open(join(root, c.path), c.text, c.languageId);
      const unset = published.diagnostics.filter((d: Diagnostic) => d.code === 'unsetVariable');
      assert.deepEqual(unset.map((d) => c.text.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character)), ['MISSING_VAR']);
      assert.deepEqual(published.diagnostics.filter((d) => d.code !== 'unsetVariable'), [], 'no env rule runs on a code file');

      const [read] = rangesOf(c.text, 'DB_HOST', c.readLines);
      const position = { line: read.start.line, character: read.start.character + 2 };
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: codeUri }, position });
      const hoverText = (hover!.contents as MarkupContent).value;
      assert.match(hoverText, /`` db\.internal `` from \.env/);
      assert.match(hoverText, /The database host the app connects to/);

      const definition = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: codeUri }, position });
      assert.deepEqual(definition, [{ uri: envUri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } } }]);

      const references = await client.request<Location[]>('textDocument/references', { textDocument: { uri: envUri }, position: { line: 0, character: 2 }, context: { includeDeclaration: true } });
      assert.deepEqual(references.filter((l) => l.uri === codeUri).map((l) => l.range), rangesOf(c.text, 'DB_HOST', c.readLines), 'exactly the reads: no comment, no string');
      assert.ok(references.some((l) => l.uri === envUri && l.range.start.line === 0));

      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: envUri }, position: { line: 0, character: 2 }, newName: 'DATABASE_HOST' });
      assert.equal(applyLspEdits(ENV, editsFor(edit, envUri)), ENV.replace('DB_HOST', 'DATABASE_HOST'));
      assert.equal(applyLspEdits(EXAMPLE, editsFor(edit, uriIn(root, '.env.example'))), EXAMPLE.replace('DB_HOST=', 'DATABASE_HOST='));
      const expected = c.text.split('\n').map((line, i) => (c.readLines.includes(i) ? line.split('DB_HOST').join('DATABASE_HOST') : line)).join('\n');
      assert.equal(applyLspEdits(c.text, editsFor(edit, codeUri)), expected);
      const codeChange = (edit.documentChanges as TextDocumentEdit[]).find((d) => d.textDocument.uri === codeUri)!;
      assert.equal(codeChange.textDocument.version, 1, 'the open code document is edited at its version');

      const withPartial = `${c.text}${c.partial}`;
      await client.change(codeUri, 2, withPartial);
      const lines = withPartial.split('\n');
      const list = await client.request<CompletionList>('textDocument/completion', {
        textDocument: { uri: codeUri },
        position: { line: lines.length - 1, character: lines[lines.length - 1].length },
        context: { triggerKind: 2, triggerCharacter: c.partial.slice(-1) },
      });
      const item = list.items.find((i) => i.label === 'DB_HOST');
      assert.ok(item, `DB_HOST offered: ${list.items.map((i) => i.label).join(', ')}`);
      assert.equal(item!.detail, 'from .env');
      const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
      assert.match((resolved.documentation as MarkupContent).value, /The database host the app connects to/);
    });
  });
}

test('an env file keeps its own completion triggers: `.` or a quote in a value asks nothing of the code', async () => {
  const root = workspace({ '.env': 'A=1.\n' });
  await withServer(root, async (client) => {
    await client.open(join(root, '.env'), 'A=1.\n');
    const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriIn(root, '.env') }, position: { line: 0, character: 4 }, context: { triggerKind: 2, triggerCharacter: '.' } });
    assert.equal(list, null);
  });
});

test('unusedVariable in the env file once the code is indexed; hover says where the code reads a key', async () => {
  const files = { 'package.json': '{"dependencies":{"dotenv":"16"}}', '.env': 'DB_HOST=db\nOLD_FLAG=1\n', 'src/db.js': 'module.exports = process.env.DB_HOST;\n' };
  const root = workspace(files);
  await withServer(root, async (client) => {
    await client.open(join(root, '.env'), files['.env']);
    const uri = uriIn(root, '.env');
    // The first analysis may come before the code index is complete; the next publication has it.
    let diagnostics = client.published.filter((p) => p.uri === uri).at(-1)!.diagnostics;
    while (!diagnostics.some((d) => d.code === 'unusedVariable')) diagnostics = (await client.diagnostics(uri)).diagnostics;
    const unused = diagnostics.filter((d) => d.code === 'unusedVariable');
    assert.deepEqual(unused.map((d) => [d.range.start.line, d.severity, d.tags]), [[1, 4, [1]]]);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.match((hover.contents as MarkupContent).value, /Read in 1 place by the app's code: src\/db\.js:1/);
  });
});

test('envls.code.enable off: a code document gets nothing, env files are as before', async () => {
  const root = workspace({ '.env': ENV, 'app.py': 'import os\nos.getenv("NOPE")\n' });
  const client = await startServer({ rootPath: root, settings: { code: { enable: false } } });
  try {
    const published = await client.open(join(root, 'app.py'), 'import os\nos.getenv("NOPE")\n', 'python');
    assert.deepEqual(published.diagnostics, []);
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriIn(root, 'app.py') }, position: { line: 1, character: 12 } });
    assert.equal(hover, null);
  } finally {
    await client.stop();
  }
});
