// Bundles the entry points with esbuild: the VS Code client, the language server,
// the public API (dist/api.js, what `require('envls')` loads) and the CLI. Everything
// (including vscode-languageserver) is bundled, so neither the .vsix nor the npm
// package needs node_modules. The CLI loads the engine from dist/api.js rather than
// carrying a second copy. dist/api.d.ts is emitted from server/src/api.ts, whose
// exported types are self-contained.
//
// The builtin schemas are composed and validated here, once: a broken builtin schema
// fails the build, and the server and API bundles carry the composed result
// (server/src/service/schema/prebuilt.ts is replaced), so no composition and no JSON
// Schema validator runs when they start.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  // Full minification keeps the .vsix small; the linked source maps (not shipped) keep stacks readable.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's default entry is a UMD build esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

// RE2JS (the linear-time engine of schema patterns, ~150 kB) is its own file, required on first use:
// inside server.js V8 would parse it at every start, for servers that never run a pattern.
const re2jsApart = {
  name: 're2js-apart',
  setup(b) {
    b.onResolve({ filter: /^re2js$/ }, () => ({ path: './re2js.js', external: true }));
  },
};

// secretlint's recommended rules (~230 kB, insecureValue's credential detectors) likewise: dist/secretlint.js,
// required the first time a value is checked for a credential.
const secretlintApart = {
  name: 'secretlint-apart',
  setup(b) {
    b.onResolve({ filter: /^@secretlint\/secretlint-rule-preset-recommend$/ }, () => ({ path: './secretlint.js', external: true }));
  },
};

// varlock's env-spec parser (~40 kB minified) likewise: required when a `.env.schema` is first read.
const envSpecParserApart = {
  name: 'env-spec-parser-apart',
  setup(b) {
    b.onResolve({ filter: /^@env-spec\/parser$/ }, () => ({ path: './env-spec-parser.js', external: true }));
  },
};
// tree-sitter (the code index's parsers) is its own file beside the bundles with its WebAssembly
// runtime and the grammars the index reads: required on first use (a code file to read), never at start.
const treeSitterApart = {
  name: 'tree-sitter-apart',
  setup(b) {
    b.onResolve({ filter: /^@vscode\/tree-sitter-wasm$/ }, () => ({ path: './tree-sitter.js', external: true }));
  },
};
const TREE_SITTER_GRAMMARS = ['javascript', 'typescript', 'tsx', 'python', 'go', 'ruby', 'php', 'rust', 'bash'];

function copyTreeSitter() {
  const from = resolve('node_modules/@vscode/tree-sitter-wasm/wasm');
  mkdirSync('dist', { recursive: true });
  copyFileSync(join(from, 'tree-sitter.js'), 'dist/tree-sitter.js');
  copyFileSync(join(from, 'tree-sitter.wasm'), 'dist/tree-sitter.wasm');
  for (const grammar of TREE_SITTER_GRAMMARS) copyFileSync(join(from, `tree-sitter-${grammar}.wasm`), `dist/tree-sitter-${grammar}.wasm`);
}

async function composeBuiltinSchemas() {
  const work = mkdtempSync(join(tmpdir(), 'envls-build-'));
  try {
    const outfile = join(work, 'compose.js');
    await build({
      ...common,
      minify: false,
      sourcemap: false,
      outfile,
      stdin: {
        resolveDir: resolve('server/src/service/schema'),
        contents: `import { builtinSchemaFiles } from './builtin';
          import { composeSchemas } from './compose';
          import { toSnapshot } from './snapshot';
          const { schemas, problems } = composeSchemas(builtinSchemaFiles());
          module.exports = { problems, snapshot: toSnapshot(schemas) };`,
      },
    });
    const { problems, snapshot } = createRequire(import.meta.url)(outfile);
    if (problems.length > 0) throw new Error(`builtin schemas have problems:\n${problems.map((p) => `${p.origin}: ${p.message}`).join('\n')}`);
    return snapshot;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const snapshot = await composeBuiltinSchemas();
const prebuilt = {
  name: 'prebuilt-builtin-schemas',
  setup(b) {
    b.onLoad({ filter: /[\\/]service[\\/]schema[\\/]prebuilt\.ts$/ }, () => ({
      loader: 'js',
      contents: `export const PREBUILT_BUILTIN_SCHEMAS = ${JSON.stringify(snapshot)};`,
    }));
  },
};

/** server/src/cli.ts's `import … from './api'` stays a require of the sibling bundle dist/api.js. */
const apiFromDist = {
  name: 'api-from-dist',
  setup(b) {
    b.onResolve({ filter: /^\.\/api$/ }, (args) => (args.importer.endsWith('cli.ts') ? { path: './api.js', external: true } : undefined));
  },
};

/** dist/api.d.ts: TypeScript's declaration emit of the API module alone (its types import nothing). */
function apiDeclarations() {
  const source = readFileSync('server/src/api.ts', 'utf8');
  const { outputText, diagnostics } = ts.transpileDeclaration(source, { fileName: 'api.ts', compilerOptions: { strict: true } });
  if (diagnostics?.length) {
    throw new Error(`dist/api.d.ts: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n')}`);
  }
  // The implementation's imports are not part of the declarations; none may remain.
  const declarations = outputText.replace(/^import .*;\n/gm, '');
  if (/\bimport\b/.test(declarations)) throw new Error('dist/api.d.ts would import another module: keep the API types self-contained');
  return declarations;
}

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [re2jsApart, secretlintApart, envSpecParserApart, treeSitterApart, prebuilt] }),
  build({ ...common, entryPoints: ['server/src/api.ts'], outfile: 'dist/api.js', plugins: [re2jsApart, secretlintApart, envSpecParserApart, treeSitterApart, prebuilt] }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [apiFromDist, re2jsApart, secretlintApart, envSpecParserApart, treeSitterApart, prebuilt] }),
  build({ ...common, entryPoints: ['re2js'], outfile: 'dist/re2js.js' }),
  build({ ...common, entryPoints: ['@secretlint/secretlint-rule-preset-recommend'], outfile: 'dist/secretlint.js' }),
  build({ ...common, entryPoints: ['@env-spec/parser'], outfile: 'dist/env-spec-parser.js' }),
  // The code index's worker threads (node/codeExtractPool.ts starts them from dist/codeWorker.js).
  build({ ...common, entryPoints: ['server/src/node/codeWorker.ts'], outfile: 'dist/codeWorker.js', plugins: [treeSitterApart] }),
]);
writeFileSync('dist/api.d.ts', apiDeclarations());
copyTreeSitter();
