// Bundles every entry point into dist/. The extension host provides `vscode`. Every build is the
// one that ships: minified (names kept, for error classes and stack traces), with source maps
// beside the bundles for debugging (the .vsix leaves the maps out).
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';
import { awsSdkOnFirstUse, SDK_GATEWAY } from './scripts/awsSdkOnFirstUse.mjs';
import { precompiledSchema } from './scripts/precompiledSchema.mjs';

const watch = process.argv.includes('--watch');

const entries = [
  { in: 'server/src/server.ts', out: 'server' },
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
  keepNames: true,
  logLevel: 'warning',
  // The AWS SDK's ES modules let esbuild drop the commands and serialisers nothing calls (about a
  // tenth of the SDK's share); packages with an exports map (yaml) resolve by it either way.
  mainFields: ['module', 'main'],
  // Ajv's compiler stays out of every bundle: the schema's validator is generated at build time.
  plugins: [precompiledSchema()],
};

// The extension leaves the AWS SDK out of dist/extension.js, so activation never reads it:
// dist/aws-sdk.js carries it, required on the extension's first AWS call (awsSdkOnFirstUse.mjs).
// The CLI and the server keep one self-contained bundle each.
const selfContained = { ...node, entryPoints: entries };
const extension = { ...node, entryPoints: [{ in: 'client/src/extension.ts', out: 'extension' }], plugins: [...node.plugins, awsSdkOnFirstUse()] };
const awsSdk = { ...node, entryPoints: [{ in: SDK_GATEWAY, out: 'aws-sdk' }] };

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
  for (const config of [selfContained, extension, awsSdk, webview]) await (await esbuild.context(config)).watch();
} else {
  await Promise.all([selfContained, extension, awsSdk, webview].map((config) => esbuild.build(config)));
}
