import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DEPLOYER_LANGUAGE_ID, DIAGNOSTIC_SOURCE, LANGUAGE_SERVER_EXEC_ARGV, LANGUAGE_SERVER_NAME, SETTINGS_SECTION } from '../../../common/src/product';

/**
 * Starts the `zenml.deployer.yaml` language server (bundled as dist/server.js) over IPC. Its
 * output channel is a log channel: vscode-languageclient traces the LSP messages while that
 * channel's log level is Trace (Developer: Set Log Level…), with the detail chosen by
 * `zenmlAppRunner.trace.server` (`messages` or `verbose`).
 */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...LANGUAGE_SERVER_EXEC_ARGV] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...LANGUAGE_SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: DEPLOYER_LANGUAGE_ID }],
    synchronize: { configurationSection: SETTINGS_SECTION },
    diagnosticCollectionName: DIAGNOSTIC_SOURCE,
  };
  const client = new LanguageClient(SETTINGS_SECTION, LANGUAGE_SERVER_NAME, serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return client;
}
