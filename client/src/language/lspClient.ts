// What the language server's start needs from vscode-languageclient, reached through `import()`:
// the LSP client and the protocol are a chunk of their own (esbuild.mjs), read as the server
// starts right after activation, apart from the chunk of AWS work.
export { CloseAction, LanguageClient, TransportKind } from 'vscode-languageclient/node';
