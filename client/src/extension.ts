import * as vscode from 'vscode';
import { AwsConnection } from './aws/connection';
import { registerDeployCommands } from './commands/deployCommands';
import { registerExplorerCommands } from './commands/explorerCommands';
import { registerClearSecretsCommand, registerInvokeCommand } from './commands/invokeCommand';
import { createSampleConfig } from './commands/sampleConfigCommand';
import { registerServiceCommands, type CommandContext } from './commands/serviceCommands';
import { registerSettingsFileCommand } from './commands/settingsFileCommand';
import { DeployCodeLensProvider } from './deploy/deployCodeLens';
import { DeploymentsTreeProvider } from './explorer/deploymentsTreeProvider';
import { LanguageServer } from './language/languageClient';
import { createProductLog } from './productLog';
import { registerLogs } from './logs';
import { registerDashboard } from './metrics';
import { SandboxController } from './sandbox/sandboxCommands';
import { DeploymentSecrets } from './secrets/deploymentSecrets';
import { ConnectionStatusBar } from './statusBar';

/** What the extension exposes to other extensions (the test-only companion reads the tree). */
export interface ZenmlAppRunnerApi {
  tree: DeploymentsTreeProvider;
  connection: AwsConnection;
  sandbox: SandboxController;
}

export async function activate(context: vscode.ExtensionContext): Promise<ZenmlAppRunnerApi> {
  const log = createProductLog();
  context.subscriptions.push(log, vscode.commands.registerCommand('zenmlAppRunner.showLog', () => log.show()));
  const connection = new AwsConnection();
  const tree = new DeploymentsTreeProvider(connection);
  const view = vscode.window.createTreeView('zenmlAppRunner.deployments', { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  const sandbox = new SandboxController(context, connection);
  const secrets = new DeploymentSecrets(context.secrets, context.globalState);
  const commands: CommandContext = { connection, tree };
  const statusBar = new ConnectionStatusBar(connection);
  const codeLenses = new DeployCodeLensProvider();
  // Commands first: a command that activates the extension must find its handler even while the
  // language server is still starting.
  registerLogs(context, connection);
  context.subscriptions.push(
    connection,
    tree,
    view,
    sandbox,
    statusBar,
    codeLenses,
    vscode.languages.registerCodeLensProvider({ language: 'zenml-deployer-yaml' }, codeLenses),
    ...registerDeployCommands({ ...commands, secrets, statusBar }),
    ...registerExplorerCommands(commands),
    ...registerServiceCommands(commands),
    ...registerDashboard(context, commands),
    ...sandbox.register(),
    registerInvokeCommand(commands, secrets),
    registerClearSecretsCommand(secrets),
    registerSettingsFileCommand(commands),
    vscode.commands.registerCommand('zenmlAppRunner.createSampleConfig', createSampleConfig),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      tree.refresh();
      codeLenses.refresh();
    }),
  );
  // The restart command exists before the first start, so a server that failed to start can be retried.
  const languageServer = new LanguageServer(context);
  context.subscriptions.push(languageServer, vscode.commands.registerCommand('zenmlAppRunner.restartLanguageServer', () => languageServer.restart()));
  await languageServer.start();
  return { tree, connection, sandbox };
}

export function deactivate(): void {
  // Everything is disposed through the extension context's subscriptions (the sandbox stops too).
}
