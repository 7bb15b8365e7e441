// Bundles every entry point into dist/. The extension host provides `vscode`.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production';

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
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // `yaml` and the AWS SDK ship both CJS and ESM; prefer the CJS entry so one copy lands in each bundle.
  mainFields: ['main', 'module'],
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
  sourcemap: !production,
  minify: production,
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
