// Bundles every entry point into dist/. The extension host provides `vscode`. Every build is the
// one that ships: minified, with source maps beside the bundles for debugging (the .vsix leaves the
// maps out). Names are not kept: that costs the extension's evaluation a fifth (errors say what
// they are through their `name`, set where it matters, and stack traces map through the maps).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { commonJsSplitting } from './scripts/commonJsSplitting.mjs';
import { inlineDependencyImports } from './scripts/inlineDependencyImports.mjs';
import { oneDeferredChunk } from './scripts/oneDeferredChunk.mjs';
import { oneVscodeImport } from './scripts/oneVscodeImport.mjs';
import { precompiledSchema } from './scripts/precompiledSchema.mjs';

const watch = process.argv.includes('--watch');

const entries = [
  { in: 'cli/src/main.ts', out: 'cli' },
  { in: 'emulator/src/main.ts', out: 'emulator' },
].filter((entry) => existsSync(entry.in));

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
  // The AWS SDK's ES modules let esbuild drop the commands and serialisers nothing calls (about a
  // tenth of the SDK's share); packages with an exports map (yaml) resolve by it either way.
  mainFields: ['module', 'main'],
  // Ajv's compiler stays out of every bundle: the schema's validator is generated at build time.
  plugins: [precompiledSchema()],
};

// The extension and the language server are built together, split: activation reads
// dist/extension.js and the chunks it names (the view, the commands' registrations); everything the extension reaches
// only through `import()` (the AWS SDK, the deploy engine, logs, metrics) is one chunk,
// dist/chunks/deferred-modules-*.js, read on first use; the LSP client is another, read as the
// server starts right after activation; the LSP protocol both sides speak is one chunk; `vscode`
// is required once. The CLI and the emulator stay one file each.
const selfContained = { ...node, entryPoints: entries };
const split = {
  ...node,
  entryPoints: [
    { in: 'client/src/extension.ts', out: 'extension' },
    { in: 'server/src/server.ts', out: 'server' },
  ],
  format: 'esm',
  splitting: true,
  // yaml's ES-module build (its `default` export condition; Node gets CommonJS): the same code,
  // which esbuild shakes and joins without CommonJS glue, 4-5 KB less in the .vsix.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
  outdir: 'node_modules/.cache/zenml-apprunner-esm',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  plugins: [...node.plugins, inlineDependencyImports(), oneDeferredChunk({ folder: 'client/src', apart: ['language/lspClient.ts'] }), oneVscodeImport(), commonJsSplitting({ outdir: 'dist', chunks: 'chunks' })],
};

// The dashboard webview's script (with uPlot) and its styles (uPlot's and ours): dist/dashboard.js
// and dist/dashboard.css, loaded by the page under a strict Content-Security-Policy.
const webview = {
  entryPoints: [{ in: 'media/dashboard/dashboard.ts', out: 'dashboard' }].filter((entry) => existsSync(entry.in)),
  bundle: true,
  platform: 'browser',
  target: 'chrome120',
  format: 'iife',
  outdir: 'dist',
  sourcemap: true,
  minify: true,
  logLevel: 'warning',
};

if (watch) {
  for (const config of [selfContained, split, webview]) await (await esbuild.context(config)).watch();
} else {
  await Promise.all([selfContained, split, webview].map((config) => esbuild.build(config)));
}
