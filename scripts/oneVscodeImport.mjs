// An esbuild plugin for the split build: esbuild keeps one `require("vscode")` per module that
// imports it, and in the extension host each such require is looked up by the caller's path among
// every extension's folder (about 2.5 ms each there: 21 of them were two thirds of activation).
// This plugin routes every import of `vscode` through one module that requires it once. Our ES
// modules share one namespace of it; CommonJS dependencies (the LSP client) get the API object
// itself, so no module copies the API's few hundred names into a wrapper of its own.
const ESM = 'vscode-api';
const CJS = 'vscode-api-cjs';

export function oneVscodeImport() {
  return {
    name: 'one-vscode-import',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => {
        if (args.namespace === CJS) return { path: 'vscode', external: true };
        if (args.namespace === ESM || args.kind === 'require-call') return { path: 'vscode', namespace: CJS };
        return { path: 'vscode', namespace: ESM };
      });
      build.onLoad({ filter: /.*/, namespace: ESM }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
      build.onLoad({ filter: /.*/, namespace: CJS }, () => ({ contents: "module.exports = require('vscode');", loader: 'js' }));
    },
  };
}
