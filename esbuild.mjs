// Bundles every entry point into dist/. The extension host provides `vscode`. Every build is the
// one that ships: minified (names kept, for error classes and stack traces), with source maps
// beside the bundles for debugging (the .vsix leaves the maps out).
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const watch = process.argv.includes('--watch');

const entries = [
  { in: 'client/src/extension.ts', out: 'extension' },
  { in: 'server/src/server.ts', out: 'server' },
  { in: 'cli/src/main.ts', out: 'cli' },
  { in: 'emulator/src/main.ts', out: 'emulator' },
].filter((entry) => existsSync(entry.in));

const options = {
  entryPoints: entries,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  external: ['vscode'],
  sourcemap: true,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // The AWS SDK's ES modules let esbuild drop the commands and serialisers nothing calls (about a
  // tenth of the extension bundle); packages with an exports map (yaml) resolve by it either way.
  mainFields: ['module', 'main'],
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

// The Python parser's WebAssembly (tree-sitter's runtime and its Python grammar) sits next to the
// bundles that load it at run time: dist/server.js and dist/cli.js (common/src/language/python/treeSitter.ts).
const wasmFolder = join(dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
mkdirSync('dist', { recursive: true });
for (const file of ['tree-sitter.wasm', 'tree-sitter-python.wasm']) copyFileSync(join(wasmFolder, file), join('dist', file));

if (watch) {
  for (const config of [options, webview]) await (await esbuild.context(config)).watch();
} else {
  await Promise.all([esbuild.build(options), esbuild.build(webview)]);
}
