// Entry point of `dist/server.js`: the transport (stdio, IPC or a socket) comes from argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeError } from '../../common/src/describeError';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
// Handlers are guarded one by one; anything that still escapes is said in the server's output
// (the client's channel), where a bug report can quote it, instead of ending the server silently.
process.on('uncaughtException', (error) => connection.console.error(`Uncaught exception in the language server: ${describeError(error, { stack: true })}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection in the language server: ${describeError(reason, { stack: true })}`));
startServer(connection);
connection.listen();
