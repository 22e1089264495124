// Bundles the entry points with esbuild: the VS Code client, the language server,
// the public API (dist/api.js, what `require('envls')` loads) and the CLI. Everything
// (including vscode-languageserver) is bundled, so neither the .vsix nor the npm
// package needs node_modules. The CLI loads the engine from dist/api.js rather than
// carrying a second copy. dist/api.d.ts is emitted from server/src/api.ts, whose
// exported types are self-contained.
//
// The builtin schemas are composed and validated here, once: a broken builtin schema
// fails the build. The result is written as data files beside the bundles (dist/schemas/),
// not carried inside them (server/src/service/schema/prebuilt.ts is replaced by a reader):
// no composition and no JSON Schema validator runs when they start, and what a bundle
// parses at start does not grow with the catalog.
import { analyzeMetafile, build } from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
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

// Parts a server or CLI run needs only sometimes are files of their own beside the bundles, required
// on first use: inside server.js V8 would parse them at every start. RE2JS (the linear-time engine of
// schema patterns, ~150 kB) for servers that run a pattern; the YAML parser (~120 kB) when a compose
// file is read; ajv and the schema format (~140 kB) when a user schema file is checked; secretlint's
// recommended rules (~230 kB, insecureValue's credential detectors) the first time a value is checked
// for a credential; varlock's env-spec parser (~40 kB) when a `.env.schema` is first read.
const APART = [
  { filter: /^re2js$/, entry: 're2js', file: 're2js.js' },
  { filter: /^yaml$/, entry: 'yaml', file: 'yaml.js' },
  { filter: /^\.\/formatCompiler$/, entry: 'server/src/service/schema/formatCompiler.ts', file: 'schema-format.js' },
  { filter: /^@secretlint\/secretlint-rule-preset-recommend$/, entry: '@secretlint/secretlint-rule-preset-recommend', file: 'secretlint.js' },
  { filter: /^@env-spec\/parser$/, entry: '@env-spec/parser', file: 'env-spec-parser.js' },
];
const partsApart = {
  name: 'parts-apart',
  setup(b) {
    for (const { filter, file } of APART) b.onResolve({ filter }, () => ({ path: `./${file}`, external: true }));
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

/**
 * Composes every builtin schema file (the folders of schemas/, found by listing them) once, and
 * writes what the bundles read beside them in dist/schemas/: index.json (summaries, detection
 * data, names → schemas), one body per schema, and sources.json (the raw files, read only to
 * compose a user schema file with them). A broken builtin schema fails the build.
 */
async function writeBuiltinSchemas() {
  const work = mkdtempSync(join(tmpdir(), 'envls-build-'));
  try {
    const outfile = join(work, 'compose.js');
    await build({
      ...common,
      minify: false,
      sourcemap: false,
      outfile,
      // prebuilt.ts (the checkout's version) lists schemas/ relative to its own folder.
      define: { __dirname: JSON.stringify(resolve('server/src/service/schema')) },
      stdin: {
        resolveDir: resolve('server/src/service/schema'),
        contents: `import { builtinSchemaFiles } from './builtin';
          import { splitSchemas } from './builtinIndex';
          import { composeSchemas } from './compose';
          const sources = builtinSchemaFiles();
          const { schemas, problems } = composeSchemas(sources);
          module.exports = { problems, sources, ...splitSchemas(schemas, sources.map((s) => s.json)) };`,
      },
    });
    const { problems, sources, index, bodies } = createRequire(import.meta.url)(outfile);
    if (problems.length > 0) throw new Error(`builtin schemas have problems:\n${problems.map((p) => `${p.origin}: ${p.message}`).join('\n')}`);
    rmSync(SCHEMAS_OUT, { recursive: true, force: true });
    mkdirSync(SCHEMAS_OUT, { recursive: true });
    writeFileSync(join(SCHEMAS_OUT, 'index.json'), JSON.stringify(index));
    writeFileSync(join(SCHEMAS_OUT, 'sources.json'), JSON.stringify(sources));
    for (const [file, body] of bodies) {
      mkdirSync(dirname(join(SCHEMAS_OUT, file)), { recursive: true });
      writeFileSync(join(SCHEMAS_OUT, file), JSON.stringify(body));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const SCHEMAS_OUT = 'dist/schemas';
await writeBuiltinSchemas();
/** In the bundles, ./prebuilt reads the data files written above, from the bundle's folder. */
const prebuilt = {
  name: 'prebuilt-builtin-schemas',
  setup(b) {
    b.onLoad({ filter: /[\\/]service[\\/]schema[\\/]prebuilt\.ts$/ }, () => ({
      loader: 'js',
      contents: `import { readFileSync } from 'node:fs';
        import { join } from 'node:path';
        const read = (file) => JSON.parse(readFileSync(join(__dirname, 'schemas', file), 'utf8'));
        let index;
        export const PREBUILT = { index: () => (index ??= read('index.json')), body: (file) => read(file) };
        export const builtinSourceFiles = () => read('sources.json');`,
    }));
  },
};

/**
 * The CLI's imports of the public API (server/src/cli.ts's './api', cli/*.ts's '../api') stay a
 * require of the sibling bundle dist/api.js: one copy of the engine, parsed once.
 */
const API_SOURCE = resolve('server/src/api');
const apiFromDist = {
  name: 'api-from-dist',
  setup(b) {
    b.onResolve({ filter: /(^|\/)api$/ }, (args) => (resolve(args.resolveDir, args.path) === API_SOURCE ? { path: './api.js', external: true } : undefined));
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

// `node scripts/build.mjs --analyze`: what each server-side bundle is made of (esbuild's metafile), largest first.
const analyze = process.argv.includes('--analyze');
const bundles = await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, metafile: analyze, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [partsApart, treeSitterApart, prebuilt] }),
  build({ ...common, metafile: analyze, entryPoints: ['server/src/api.ts'], outfile: 'dist/api.js', plugins: [partsApart, treeSitterApart, prebuilt] }),
  build({ ...common, metafile: true, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [apiFromDist, partsApart, treeSitterApart, prebuilt] }),
  ...APART.map(({ entry, file }) => build({ ...common, entryPoints: [entry], outfile: `dist/${file}` })),
  // The code index's worker threads (node/codeExtractPool.ts starts them from dist/codeWorker.js).
  build({ ...common, entryPoints: ['server/src/node/codeWorker.ts'], outfile: 'dist/codeWorker.js', plugins: [treeSitterApart] }),
]);
writeFileSync('dist/api.d.ts', apiDeclarations());
copyTreeSitter();
// The CLI is argument handling and output around dist/api.js: a module of the engine or a package inside
// dist/cli.js is a second copy that every `envls` run parses (it was 1.1 MB once, through '../api').
const engineInCli = Object.keys(bundles[3].metafile.inputs).filter((input) => !input.startsWith('server/src/cli'));
if (engineInCli.length > 0) throw new Error(`dist/cli.js carries modules of the engine (import them through the API): ${engineInCli.join(', ')}`);
if (analyze) for (const { metafile } of bundles.filter((b) => b.metafile)) console.log(await analyzeMetafile(metafile, { verbose: false }));
