// Activation: the extension's log, the AWS connection, the Deployments view, the commands (whose
// AWS work loads on first use), the Local Sandbox, the logs and the language server.
import * as vscode from 'vscode';
import { AwsConnection } from './aws/connection';
import { registerCommands } from './commands';
import type { CommandContext } from './commands/context';
import { DeployCodeLensProvider } from './deploy/deployCodeLens';
import { ReadOnlyDocuments } from './documents/readOnlyDocuments';
import { DeploymentsTreeProvider } from './explorer/deploymentsTreeProvider';
import { LanguageServer } from './language/languageClient';
import { registerLogs } from './logs';
import { registerDashboard } from './metrics';
import { createProductLog } from './productLog';
import { SandboxController } from './sandbox/sandboxCommands';
import { DeploymentSecrets } from './secrets/deploymentSecrets';
import { ConnectionStatusBar } from './statusBar';

/** What the extension exposes to other extensions (the test-only companion reads the tree). */
export interface ZenmlAppRunnerApi {
  tree: DeploymentsTreeProvider;
  connection: AwsConnection;
  sandbox: SandboxController;
}

export function activate(context: vscode.ExtensionContext): ZenmlAppRunnerApi {
  const log = createProductLog();
  context.subscriptions.push(log, vscode.commands.registerCommand('zenmlAppRunner.showLog', () => log.show()));
  const connection = new AwsConnection();
  // The language server also reads settings files for the rest of the extension; it starts below.
  const languageServer = new LanguageServer(context);
  const tree = new DeploymentsTreeProvider(connection, languageServer);
  const view = vscode.window.createTreeView('zenmlAppRunner.deployments', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const sandbox = new SandboxController(context, connection);
  const documents = new ReadOnlyDocuments();
  const ctx: CommandContext = { connection, tree, secrets: new DeploymentSecrets(context.secrets, context.globalState), statusBar: new ConnectionStatusBar(connection), documents, settings: languageServer };
  const codeLenses = new DeployCodeLensProvider();
  // Commands first: a command that activates the extension must find its handler even while the
  // language server is still starting.
  registerLogs(context, connection, languageServer, documents);
  context.subscriptions.push(
    connection,
    tree,
    view,
    sandbox,
    documents,
    ctx.statusBar,
    codeLenses,
    vscode.languages.registerCodeLensProvider({ language: 'zenml-deployer-yaml' }, codeLenses),
    ...registerCommands(ctx),
    ...registerDashboard(context, ctx),
    ...sandbox.register(),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      tree.refresh();
      codeLenses.refresh();
    }),
  );
  // The restart command exists before the first start, so a server that failed to start can be retried.
  context.subscriptions.push(languageServer, vscode.commands.registerCommand('zenmlAppRunner.restartLanguageServer', () => languageServer.restart()));
  // Not awaited: activation ends without the server's handshake; what needs the server (settings
  // files for deploy, the tree's file links) waits for it, and a failed start offers a restart.
  void languageServer.start();
  void sandbox.startIfAsked();
  return { tree, connection, sandbox };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions (the sandbox stops too).
}
