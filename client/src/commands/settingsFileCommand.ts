// Open zenml.deployer.yaml: the workspace's file that declares the deployment of a service (by its
// `deployment.name`). The tree offers it only on services such a file declares.
import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/deploymentsTreeProvider';
import { labelOf } from '../explorer/explorerState';
import { pickService, type CommandContext } from './context';

export function registerSettingsFileCommand(ctx: CommandContext): vscode.Disposable {
  return vscode.commands.registerCommand('zenmlAppRunner.openSettingsFile', async (node?: ExplorerNode) => {
    const service = await pickService(ctx.tree, node, (s) => /\.file$/.test(s.contextValue) || (s.managed && s.deploymentName !== undefined), 'opened');
    if (!service) return;
    const file = service.deploymentName !== undefined ? await ctx.tree.settingsFileOf(service.deploymentName) : undefined;
    if (file) {
      await vscode.window.showTextDocument(file);
      return;
    }
    const choice = await vscode.window.showInformationMessage(`No zenml.deployer.yaml in this workspace declares deployment.name: ${labelOf(service)}.`, 'Create Sample Config');
    if (choice) await vscode.commands.executeCommand('zenmlAppRunner.createSampleConfig');
  });
}
