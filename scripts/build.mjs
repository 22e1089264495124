// Bundles the three entry points with esbuild: the VS Code client, the language
// server and the CLI. Everything (including vscode-languageserver) is bundled, so
// the .vsix ships no node_modules.
import { build } from 'esbuild';

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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', plugins: [re2jsApart] }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [re2jsApart] }),
  build({ ...common, entryPoints: ['re2js'], outfile: 'dist/re2js.js' }),
]);
