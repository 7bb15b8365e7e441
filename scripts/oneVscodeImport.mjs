// An esbuild plugin for the split build: every module of the extension imports `vscode`, and
// esbuild keeps one `require("vscode")` per importing module (with its own ES-module wrapper). In
// the extension host each such require is looked up by the caller's path among all extensions'
// folders; this plugin routes them through one generated module, so the API is required once.
const NAMESPACE = 'vscode-api';

export function oneVscodeImport() {
  return {
    name: 'one-vscode-import',
    setup(build) {
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === NAMESPACE ? { path: 'vscode', external: true } : { path: 'vscode', namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
    },
  };
}
