import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const DEPLOYER_LANGUAGE_ID = 'zenml-deployer-yaml';

/** Starts the `zenml.deployer.yaml` language server (bundled as dist/server.js) over IPC. */
export async function startLanguageClient(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: DEPLOYER_LANGUAGE_ID }],
    synchronize: { configurationSection: 'zenmlAppRunner' },
    diagnosticCollectionName: 'zenml',
  };
  const client = new LanguageClient('zenmlAppRunner', 'ZenML Deployer Language Server', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  return client;
}
