// Entry point of `dist/server.js`: the transport (stdio, IPC or a socket) comes from argv.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/startServer';

const connection = createConnection(ProposedFeatures.all);
startServer(connection);
connection.listen();
